package dev.stagegate.assertions.trend;

import java.util.Locale;

/**
 * The sentences that fail a CPU series, in one place: {@link SeriesAssert#hasNoUpwardTrend()} and
 * the burn-in gate say them the same way.
 *
 * <pre>{@code
 * ShouldShowNoUpwardTrend.shouldShowNoUpwardTrend("CPU of service \"api\"", 12.5, evidence);
 * // Expecting CPU of service "api" to show no upward trend but it rose 12.5 points/hour: CPU of …
 * }</pre>
 */
public final class ShouldShowNoUpwardTrend {
  private ShouldShowNoUpwardTrend() {}

  /** A trend: how fast it rose, then the judge's evidence. */
  public static String shouldShowNoUpwardTrend(
      String subject, double slopePointsPerHour, String evidence) {
    return String.format(
        Locale.ROOT,
        "Expecting %s to show no upward trend but it rose %s points/hour: %s",
        subject,
        Format.one(slopePointsPerHour),
        evidence);
  }

  /** The judge could not decide, or the window was too short to try. */
  public static String shouldBeJudged(String subject, String evidence) {
    return "Expecting "
        + subject
        + " to show no upward trend but it could not be judged: "
        + evidence;
  }
}
