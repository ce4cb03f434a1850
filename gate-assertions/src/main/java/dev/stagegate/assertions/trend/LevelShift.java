package dev.stagegate.assertions.trend;

/**
 * The single most likely level shift in a short series: the split that minimises the squared error
 * of fitting one constant before it and another after it (the classic one change-point model).
 *
 * <p>Used to tell "the level moved once and stayed" (warm-up, a pool growing one step) from "the
 * level keeps moving": only what happens after the shift decides a leak.
 */
final class LevelShift {
  private LevelShift() {}

  /** Index of the first point after the best split; between 1 and {@code y.length - 1}. */
  static int bestSplit(double[] y) {
    int n = y.length;
    double[] prefix = new double[n + 1];
    double[] prefixSquares = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + y[i];
      prefixSquares[i + 1] = prefixSquares[i] + y[i] * y[i];
    }
    int best = 1;
    double bestError = Double.POSITIVE_INFINITY;
    for (int k = 1; k < n; k++) {
      double error =
          squaredError(prefix[k], prefixSquares[k], k)
              + squaredError(prefix[n] - prefix[k], prefixSquares[n] - prefixSquares[k], n - k);
      if (error < bestError) {
        bestError = error;
        best = k;
      }
    }
    return best;
  }

  private static double squaredError(double sum, double sumOfSquares, int count) {
    return sumOfSquares - sum * sum / count;
  }
}
