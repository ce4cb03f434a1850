package dev.stagegate.assertions.trend;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Seeded generators of the series shapes the judges must tell apart. */
final class Shapes {
  static final double MB = 1_000_000;

  private Shapes() {}

  /** {@code shape(t)} in MB plus Gaussian noise of {@code noiseMb}, sampled every {@code step}. */
  static Series memory(
      long seed, double seconds, double step, double noiseMb, DoubleUnaryOperator shapeMb) {
    Random random = new Random(seed);
    int n = (int) (seconds / step) + 1;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * step;
      v[i] = (shapeMb.applyAsDouble(t[i]) + noiseMb * random.nextGaussian()) * MB;
    }
    return Series.memory(t, v);
  }

  /** {@code shape(t)} in percent plus Gaussian noise, clipped to [0, 100], every second. */
  static Series cpu(long seed, double seconds, double noise, DoubleUnaryOperator shape) {
    Random random = new Random(seed);
    int n = (int) seconds + 1;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      v[i] = Math.max(0, Math.min(100, shape.applyAsDouble(i) + noise * random.nextGaussian()));
    }
    return Series.cpu(t, v);
  }

  /** A JVM-like heap: grows {@code growthMb} per cycle, then a collection drops it to the floor. */
  static DoubleUnaryOperator sawtooth(double periodSeconds, double growthMb) {
    return t -> 160 + growthMb * ((t % periodSeconds) / periodSeconds);
  }
}
