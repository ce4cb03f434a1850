package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link MemoryLeakJudge} concluded about a memory series.
 *
 * <pre>{@code
 * LeakVerdict v = MemoryLeakJudge.defaults().judge(series);
 * if (v.kind() == LeakVerdict.Kind.LEAK) {
 *   System.out.println(v.evidence()); // "Memory of "worker" grows 29.8 MiB/hour (+18.6 %/hour …"
 * }
 * }</pre>
 *
 * @param kind the verdict
 * @param slopeMibPerHour the growth rate behind the verdict in MiB (2^20 bytes) per hour: the rate
 *     over the tail of the window once the whole window trends upward (so warm-up does not dilute a
 *     late leak, nor inflate a plateau), otherwise the whole window's Theil-Sen slope; 0 when not
 *     judged
 * @param pValue one-sided Mann-Kendall p-value of the deciding test; NaN when there was too little
 *     data to test
 * @param significance the significance level (α) the p-value was compared with
 * @param startMib memory floor at the start of the judged window, MiB
 * @param endMib memory floor at the end of the judged window, MiB
 * @param baselineMib the service's typical memory floor over the judged window (median of the block
 *     floors), MiB: what {@link #slopePercentPerHour()} is relative to; NaN when not judged
 * @param observed span of the judged window (after any warm-up exclusion)
 * @param minimumSpan the shortest window the judge decides on
 * @param evidence one sentence explaining the verdict with its numbers
 */
public record LeakVerdict(
    Kind kind,
    double slopeMibPerHour,
    double pValue,
    double significance,
    double startMib,
    double endMib,
    double baselineMib,
    Duration observed,
    Duration minimumSpan,
    String evidence) {

  /** The possible conclusions. */
  public enum Kind {
    /** Memory keeps growing beyond the minimum effect, and not as a single step or warm-up. */
    LEAK,
    /** No sustained growth: flat, sawtooth, warm-up then plateau, or one step. */
    STABLE,
    /** Too sparse a series, or a level change too near its end, to decide. */
    INCONCLUSIVE,
    /**
     * The window is shorter than the minimum span: no verdict at all, as any slope over it would be
     * an extrapolation. Says so, never passes for a judgement.
     */
    NOT_JUDGED
  }

  /** True for {@link Kind#LEAK}. */
  public boolean isLeak() {
    return kind == Kind.LEAK;
  }

  /**
   * The slope as a percentage of the baseline per hour ({@code +5.2} for 5.2 %/hour); NaN when
   * there is no baseline.
   */
  public double slopePercentPerHour() {
    return baselineMib > 0 ? 100 * slopeMibPerHour / baselineMib : Double.NaN;
  }

  /**
   * The verdict as the command line prints it: {@code leak}, {@code stable}, {@code inconclusive},
   * {@code not-judged}.
   */
  public String word() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
