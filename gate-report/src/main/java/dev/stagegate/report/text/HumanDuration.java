package dev.stagegate.report.text;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as a reviewer reads them: {@code 850ms}, {@code 23.4s}, {@code 1m 23.4s}, {@code 1h 2m
 * 3s}. The exact ISO-8601 value is in the JSON. Public so that other renderings of the audit (the
 * CI step summary) show durations the same way.
 *
 * <pre>{@code
 * HumanDuration.format(Duration.ofMillis(83_400)); // "1m 23.4s"
 * }</pre>
 */
public final class HumanDuration {
  private HumanDuration() {}

  /** The duration as a reviewer reads it; {@code –} for {@code null}. */
  public static String format(Duration duration) {
    if (duration == null) {
      return "–";
    }
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    double seconds = duration.toSecondsPart() + duration.toMillisPart() / 1000.0;
    if (hours > 0) {
      return hours + "h " + minutes + "m " + duration.toSecondsPart() + "s";
    }
    String secs = String.format(Locale.ROOT, "%.1f", seconds).replaceFirst("\\.0$", "") + "s";
    return minutes > 0 ? minutes + "m " + secs : secs;
  }
}
