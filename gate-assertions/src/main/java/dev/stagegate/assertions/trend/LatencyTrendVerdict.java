package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link LatencyTrendJudge} concluded about a latency series.
 *
 * <pre>{@code
 * LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(p95);
 * assert v.kind() != LatencyTrendVerdict.Kind.CREEP : v.evidence();
 * }</pre>
 *
 * @param kind the verdict
 * @param slopeMsPerHour growth rate in milliseconds per hour, chosen as for {@link
 *     LeakVerdict#slopeMbPerHour()}
 * @param pValue one-sided Mann-Kendall p-value of the deciding test; NaN when there was too little
 *     data to test
 * @param startMs latency level at the start of the judged window
 * @param endMs latency level at the end of the judged window
 * @param minimumSlopeMsPerHour the minimum effect that applied (absolute floor or share of the
 *     level, whichever is larger)
 * @param observed span of the judged window (after any warm-up exclusion)
 * @param evidence one sentence explaining the verdict with its numbers
 */
public record LatencyTrendVerdict(
    Kind kind,
    double slopeMsPerHour,
    double pValue,
    double startMs,
    double endMs,
    double minimumSlopeMsPerHour,
    Duration observed,
    String evidence) {

  /** The possible conclusions. */
  public enum Kind {
    /** Latency keeps rising beyond the minimum effect. */
    CREEP,
    /** No sustained rise: noise, spikes or one change of level. */
    STABLE,
    /** Too sparse a series, or a level change too near its end, to decide. */
    INCONCLUSIVE,
    /**
     * Observed for less than the minimum span: a slope from so short a window would be an
     * extrapolation, so no verdict is given (as for memory and CPU).
     */
    NOT_JUDGED
  }

  /**
   * The verdict as a word: {@code creep}, {@code stable}, {@code inconclusive}, {@code not-judged}.
   */
  public String word() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
