package dev.stagegate.junit.gate;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people read them in progress lines and messages: {@code 1 h 02 min}, {@code 45 s}.
 */
final class BurnInClock {
  private BurnInClock() {}

  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
