package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link CpuTrendJudge} concluded about a CPU series.
 *
 * <pre>{@code
 * CpuTrendVerdict v = CpuTrendJudge.defaults().judge(cpu);
 * assert v.kind() != CpuTrendVerdict.Kind.TREND : v.evidence();
 * }</pre>
 *
 * @param kind the verdict
 * @param slopePointsPerHour growth rate in percentage points per hour, chosen as for {@link
 *     LeakVerdict#slopeMibPerHour()}; 0 when not judged
 * @param pValue one-sided Mann-Kendall p-value of the deciding test; NaN when there was too little
 *     data to test
 * @param significance the significance level (α) the p-value was compared with
 * @param startPercent median CPU at the start of the judged window
 * @param endPercent median CPU at the end of the judged window
 * @param observed span of the judged window (after any warm-up exclusion)
 * @param minimumSpan the shortest window the judge decides on
 * @param evidence one sentence explaining the verdict with its numbers
 */
public record CpuTrendVerdict(
    Kind kind,
    double slopePointsPerHour,
    double pValue,
    double significance,
    double startPercent,
    double endPercent,
    Duration observed,
    Duration minimumSpan,
    String evidence) {

  /** The possible conclusions. */
  public enum Kind {
    /** CPU keeps rising beyond the minimum effect. */
    TREND,
    /** No sustained rise: noise, periodic spikes, idle/busy phases or one level change. */
    STABLE,
    /** Too sparse a series, or a level change too near its end, to decide. */
    INCONCLUSIVE,
    /** The window is shorter than the minimum span: no verdict at all. */
    NOT_JUDGED
  }

  /** True for {@link Kind#TREND}. */
  public boolean isTrend() {
    return kind == Kind.TREND;
  }

  /**
   * The verdict as the command line prints it: {@code trend}, {@code stable}, {@code inconclusive},
   * {@code not-judged}.
   */
  public String word() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
