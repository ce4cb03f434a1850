package dev.stagegate.assertions.trend;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Mann-Kendall test for a monotonic upward trend, with the tie correction of the variance.
 *
 * <p>Applied to block aggregates (a few dozen points), not raw samples: neighbouring raw samples
 * are autocorrelated, which inflates S against its independent-samples variance and turns noise
 * into "significant" trends on long series. Quadratic in the number of points, which is bounded.
 *
 * @param s the Mann-Kendall statistic (concordant minus discordant pairs)
 * @param z the continuity-corrected standard score of {@code s}
 * @param pUpward one-sided p-value of "no trend" against "increasing"
 */
record MannKendall(long s, double z, double pUpward) {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  static MannKendall test(double[] y) {
    int n = y.length;
    if (n < 3) {
      return new MannKendall(0, 0, 1);
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s += (long) Math.signum(y[j] - y[i]);
      }
    }
    double variance = (n * (n - 1.0) * (2.0 * n + 5) - tieTerm(y)) / 18.0;
    if (variance <= 0) {
      return new MannKendall(s, 0, 1);
    }
    double z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
    return new MannKendall(s, z, STANDARD_NORMAL.survivalProbability(z));
  }

  private static double tieTerm(double[] y) {
    double[] sorted = y.clone();
    Arrays.sort(sorted);
    double term = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      term += t * (t - 1) * (2 * t + 5);
      i = j;
    }
    return term;
  }
}
