package dev.stagegate.assertions.trend;

import java.util.Locale;

/**
 * The sentences that fail a memory series, in one place: {@link SeriesAssert#hasNoLeak()} and the
 * burn-in gate say them the same way.
 *
 * <pre>{@code
 * ShouldShowNoLeak.shouldShowNoLeak("memory of service \"worker\"", 9.8, verdict.evidence());
 * // Expecting memory of service "worker" to show no leak but it grew 9.8 MiB/hour: Memory of …
 * }</pre>
 */
public final class ShouldShowNoLeak {
  private ShouldShowNoLeak() {}

  /** A leak: how fast it grew, then the judge's evidence. */
  public static String shouldShowNoLeak(String subject, double slopeMibPerHour, String evidence) {
    return String.format(
        Locale.ROOT,
        "Expecting %s to show no leak but it grew %s MiB/hour: %s",
        subject,
        Format.one(slopeMibPerHour),
        evidence);
  }

  /** The judge could not decide, or the window was too short to try. */
  public static String shouldBeJudged(String subject, String evidence) {
    return "Expecting " + subject + " to show no leak but it could not be judged: " + evidence;
  }
}
