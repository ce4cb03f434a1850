package dev.stagegate.assertions.baseline;

import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.baseline.MetricComparison.Outcome;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Decides whether a release is worse than its baseline on one metric. Immutable; every {@code
 * with...} returns a new judge.
 *
 * <pre>{@code
 * MetricComparison c = RegressionJudge.defaults()
 *     .compare("api", "p95 latency", "ms", release, baseline, RegressionJudge::p95);
 * if (c.outcome() == MetricComparison.Outcome.REGRESSION) fail(c.sentence());
 * }</pre>
 *
 * <p>Direction-aware: the values are "higher is worse" (latency, memory, CPU, error rate); only a
 * release that is <em>larger</em> can regress, a better one never fails. A regression needs both:
 *
 * <ol>
 *   <li>significance: the one-sided Mann-Whitney U test that release values tend to exceed baseline
 *       values gives {@code p < significance} (default 0.01). Rank-based, so it needs no normal
 *       distribution and one outlier cannot carry it;
 *   <li>a material effect: the summary of the release (the median, or e.g. the p95 for latency)
 *       exceeds the baseline's by at least {@code minimumEffect} (default 10 %), and by at least
 *       {@code minimumAbsolute} in the metric's unit (default 0), so a large sample cannot fail a
 *       gate over a difference nobody would notice; and the probability of superiority is at least
 *       {@value #MINIMUM_SUPERIORITY} (a medium effect), so a tail that differs by chance between
 *       two identical stacks does not either.
 * </ol>
 *
 * <p>The effect size reported with it is the probability of superiority {@code U / (n₁·n₂)}: 0.5
 * for identical distributions, 1 when every release value exceeds every baseline value. Fewer than
 * {@code minimumSamples} values (default 8) on either side: {@link Outcome#INCONCLUSIVE}.
 */
public final class RegressionJudge {
  private static final RegressionJudge DEFAULTS = new RegressionJudge(0.01, 0.10, 0, 8);

  /**
   * The distributions must differ by at least a medium effect (Vargha-Delaney A of 0.64): two
   * identical stacks on a busy host differ in a p95 by chance, but not in where most of their
   * values lie.
   */
  public static final double MINIMUM_SUPERIORITY = 0.64;

  private final double significance;
  private final double minimumEffect;
  private final double minimumAbsolute;
  private final int minimumSamples;

  private RegressionJudge(
      double significance, double minimumEffect, double minimumAbsolute, int minimumSamples) {
    this.significance = significance;
    this.minimumEffect = minimumEffect;
    this.minimumAbsolute = minimumAbsolute;
    this.minimumSamples = minimumSamples;
  }

  /** The judge with the documented defaults. */
  public static RegressionJudge defaults() {
    return DEFAULTS;
  }

  /** One-sided significance level, in (0, 1). */
  public RegressionJudge withSignificance(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance must be in (0, 1) but was " + alpha);
    }
    return new RegressionJudge(alpha, minimumEffect, minimumAbsolute, minimumSamples);
  }

  /** The smallest relative worsening of the summary that counts (0.1: 10 %). */
  public RegressionJudge withMinimumEffect(double share) {
    if (!(share >= 0) || Double.isInfinite(share)) {
      throw new IllegalArgumentException("minimum effect must be >= 0 but was " + share);
    }
    return new RegressionJudge(significance, share, minimumAbsolute, minimumSamples);
  }

  /** The smallest absolute worsening of the summary that counts, in the metric's unit. */
  public RegressionJudge withMinimumAbsolute(double amount) {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("minimum absolute effect must be >= 0 but was " + amount);
    }
    return new RegressionJudge(significance, minimumEffect, amount, minimumSamples);
  }

  /** Fewer values than this on either side is {@link Outcome#INCONCLUSIVE}; at least 2. */
  public RegressionJudge withMinimumSamples(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("minimum samples must be >= 2 but was " + n);
    }
    return new RegressionJudge(significance, minimumEffect, minimumAbsolute, n);
  }

  /** The minimum relative effect this judge applies. */
  public double minimumEffect() {
    return minimumEffect;
  }

  /** Compares on the medians. */
  public MetricComparison compare(
      String service, String metric, String unit, double[] release, double[] baseline) {
    return compare(service, metric, unit, release, baseline, RegressionJudge::median);
  }

  /**
   * Compares {@code release} with {@code baseline} (higher is worse), summarising each side with
   * {@code summary} for the effect and the sentence.
   */
  public MetricComparison compare(
      String service,
      String metric,
      String unit,
      double[] release,
      double[] baseline,
      ToDoubleFunction<double[]> summary) {
    if (release.length < minimumSamples || baseline.length < minimumSamples) {
      return new MetricComparison(
          service,
          metric,
          unit,
          release.length == 0 ? Double.NaN : summary.applyAsDouble(release),
          baseline.length == 0 ? Double.NaN : summary.applyAsDouble(baseline),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Outcome.INCONCLUSIVE,
          String.format(
              Locale.ROOT,
              "%s %s: %d release and %d baseline values, at least %d each are needed to compare",
              service,
              metric,
              release.length,
              baseline.length,
              minimumSamples));
    }
    double r = summary.applyAsDouble(release);
    double b = summary.applyAsDouble(baseline);
    double change = b == 0 ? (r == 0 ? 0 : Double.POSITIVE_INFINITY) : 100 * (r - b) / Math.abs(b);
    MannWhitneyUTest.Result test =
        MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN)
            .test(release, baseline);
    double superiority = test.getStatistic() / ((double) release.length * baseline.length);
    boolean significant = test.getPValue() < significance;
    boolean material =
        r - b >= minimumAbsolute
            && change >= 100 * minimumEffect
            && r > b
            && superiority >= MINIMUM_SUPERIORITY;
    Outcome outcome = significant && material ? Outcome.REGRESSION : Outcome.NO_REGRESSION;
    String why =
        outcome == Outcome.REGRESSION
            ? "worse, significantly and beyond the minimum effect"
            : !material ? "not worse by the minimum effect" : "not significantly worse";
    return new MetricComparison(
        service,
        metric,
        unit,
        r,
        b,
        finite(change),
        test.getPValue(),
        superiority,
        outcome,
        String.format(
            Locale.ROOT,
            "%s %s %.1f %s against %.1f %s (%+.1f %%; Mann-Whitney U one-sided %s, P(release >"
                + " baseline) = %.2f, n = %d and %d): %s (minimum effect %.0f %%%s, significance"
                + " %s)",
            service,
            metric,
            r,
            unit,
            b,
            unit,
            finite(change),
            MetricComparison.p(test.getPValue()),
            superiority,
            release.length,
            baseline.length,
            why,
            100 * minimumEffect,
            minimumAbsolute > 0
                ? String.format(Locale.ROOT, " and %.1f %s", minimumAbsolute, unit)
                : "",
            significance));
  }

  /** The median of the values. */
  public static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** The 95th percentile of the values (nearest rank). */
  public static double p95(double[] values) {
    return quantile(values, 0.95);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 1e9;
  }
}
