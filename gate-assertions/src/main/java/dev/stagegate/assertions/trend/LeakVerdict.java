package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link MemoryLeakJudge} concluded about a memory series.
 *
 * <pre>{@code
 * LeakVerdict v = MemoryLeakJudge.defaults().judge(series);
 * if (v.kind() == LeakVerdict.Kind.LEAK) {
 *   System.out.println(v.evidence()); // "Memory of "worker" grows 31.2 MB/hour since ..."
 * }
 * }</pre>
 *
 * @param kind the verdict
 * @param slopeMbPerHour the growth rate behind the verdict in MB (10^6 bytes) per hour: the rate
 *     over the tail of the window once the whole window trends upward (so warm-up does not dilute a
 *     late leak, nor inflate a plateau), otherwise the whole window's Theil-Sen slope
 * @param pValue one-sided Mann-Kendall p-value of the deciding test; NaN when there was too little
 *     data to test
 * @param startMb memory floor at the start of the judged window, MB
 * @param endMb memory floor at the end of the judged window, MB
 * @param observed span of the judged window (after any warm-up exclusion)
 * @param evidence one sentence explaining the verdict with its numbers
 */
public record LeakVerdict(
    Kind kind,
    double slopeMbPerHour,
    double pValue,
    double startMb,
    double endMb,
    Duration observed,
    String evidence) {

  /** The possible conclusions. */
  public enum Kind {
    /** Memory keeps growing beyond the minimum effect, and not as a single step or warm-up. */
    LEAK,
    /** No sustained growth: flat, sawtooth, warm-up then plateau, or one step. */
    STABLE,
    /** Too short or too sparse a series, or a level change too near its end, to decide. */
    INCONCLUSIVE
  }

  /** True for {@link Kind#LEAK}. */
  public boolean isLeak() {
    return kind == Kind.LEAK;
  }

  /**
   * The verdict as the command line prints it: {@code leak}, {@code stable}, {@code inconclusive}.
   */
  public String word() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
