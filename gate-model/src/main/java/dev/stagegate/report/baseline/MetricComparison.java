package dev.stagegate.report.baseline;

import java.util.Locale;

/**
 * One metric of one service compared between the release and its baseline, run side by side under
 * the same load: the summary of each, the relative change, the Mann-Whitney U p-value of "the
 * release is worse", the effect size and what it amounts to.
 *
 * <pre>{@code
 * MetricComparison c = baseline.comparisons().get(0);
 * c.outcome();      // REGRESSION
 * c.sentence();     // api p95 latency +38 % (p < 0.001)
 * }</pre>
 *
 * @param service the compose service
 * @param metric what was compared, e.g. {@code p95 latency}, {@code memory}, {@code CPU}
 * @param unit the unit of the two summaries, e.g. {@code ms}, {@code MiB}, {@code %}
 * @param release the release's summary (e.g. its p95, its median memory)
 * @param baseline the baseline's summary
 * @param changePercent relative change of the summary, release against baseline, in percent
 * @param pValue one-sided Mann-Whitney U p-value that the release's values are larger; NaN when not
 *     tested
 * @param superiority probability that a release value exceeds a baseline value (U / (n₁·n₂)): 0.5
 *     for no difference, 1 when every release value is larger
 * @param outcome the conclusion
 * @param evidence one sentence with the sample sizes and the thresholds that applied
 */
public record MetricComparison(
    String service,
    String metric,
    String unit,
    double release,
    double baseline,
    double changePercent,
    double pValue,
    double superiority,
    Outcome outcome,
    String evidence) {

  /** What the comparison concluded; only {@link #REGRESSION} fails a gate. */
  public enum Outcome {
    /** Worse beyond the minimum effect, significantly. */
    REGRESSION,
    /** No significant worsening of at least the minimum effect (better or the same). */
    NO_REGRESSION,
    /** Too few values on one side to test. */
    INCONCLUSIVE
  }

  /** The short form: {@code api p95 latency +38 % (p < 0.001)}. */
  public String sentence() {
    return service
        + " "
        + metric
        + " "
        + String.format(Locale.ROOT, "%+.0f %%", changePercent)
        + " ("
        + p(pValue)
        + ")";
  }

  /** {@code p < 0.001}, {@code p = 0.042}; {@code not tested} for NaN. */
  public static String p(double p) {
    if (Double.isNaN(p)) {
      return "not tested";
    }
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }
}
