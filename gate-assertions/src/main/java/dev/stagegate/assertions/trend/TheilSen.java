package dev.stagegate.assertions.trend;

import java.util.Arrays;

/**
 * Theil-Sen slope: the median of all pairwise slopes. Robust to a minority of outliers (a GC that
 * happened to land in a block, a burst) where least squares is not. Quadratic in the number of
 * points, so it is only ever applied to block aggregates.
 */
final class TheilSen {
  private TheilSen() {}

  /** Median pairwise slope of y over x; 0 when fewer than two distinct x. */
  static double slope(double[] x, double[] y) {
    int n = x.length;
    double[] slopes = new double[n * (n - 1) / 2];
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[j] != x[i]) {
          slopes[count++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
      }
    }
    return count == 0 ? 0 : median(Arrays.copyOf(slopes, count));
  }

  /** Median of {@code values}; sorts the array in place. */
  static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** Linear-interpolation quantile of {@code values}; sorts the array in place. */
  static double quantile(double[] values, double q) {
    Arrays.sort(values);
    double position = q * (values.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, values.length - 1);
    return values[lower] + (position - lower) * (values[upper] - values[lower]);
  }
}
