package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, time-ordered series of one metric of one service, the input of the trend judges.
 *
 * <pre>{@code
 * Series heap = Series.memory(times, bytes).withLabel("worker");
 * LeakVerdict verdict = MemoryLeakJudge.defaults().judge(heap);
 * }</pre>
 *
 * <p>Times must be finite and non-decreasing; values must be finite. Arrays are copied, so the
 * caller may reuse its buffers.
 */
public final class Series {
  private final Metric metric;
  private final String label;
  private final double[] tSeconds;
  private final double[] values;

  private Series(Metric metric, String label, double[] tSeconds, double[] values) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.label = label;
    this.tSeconds = tSeconds;
    this.values = values;
  }

  /** A series of {@code metric} from parallel arrays of times (seconds) and values. */
  public static Series of(Metric metric, double[] tSeconds, double[] values) {
    Objects.requireNonNull(tSeconds, "tSeconds");
    Objects.requireNonNull(values, "values");
    if (tSeconds.length != values.length) {
      throw new IllegalArgumentException(
          "times and values differ in length: " + tSeconds.length + " vs " + values.length);
    }
    for (int i = 0; i < tSeconds.length; i++) {
      if (!Double.isFinite(tSeconds[i]) || !Double.isFinite(values[i])) {
        throw new IllegalArgumentException("sample " + i + " is not a finite number");
      }
      if (i > 0 && tSeconds[i] < tSeconds[i - 1]) {
        throw new IllegalArgumentException(
            "times must not decrease: sample " + i + " at " + tSeconds[i] + " s");
      }
    }
    return new Series(metric, null, tSeconds.clone(), values.clone());
  }

  /** A series of {@code metric} from samples in time order. */
  public static Series of(Metric metric, List<Sample> samples) {
    double[] t = new double[samples.size()];
    double[] v = new double[samples.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = samples.get(i).tSeconds();
      v[i] = samples.get(i).value();
    }
    return of(metric, t, v);
  }

  /** A memory series: times in seconds, values in bytes. */
  public static Series memory(double[] tSeconds, double[] bytes) {
    return of(Metric.MEMORY_BYTES, tSeconds, bytes);
  }

  /** A CPU series: times in seconds, values in percent. */
  public static Series cpu(double[] tSeconds, double[] percent) {
    return of(Metric.CPU_PERCENT, tSeconds, percent);
  }

  /** This series named after a service (used in verdict sentences and assertion messages). */
  public Series withLabel(String label) {
    return new Series(metric, label, tSeconds, values);
  }

  public Metric metric() {
    return metric;
  }

  /** The label, or {@code null} when the series has none. */
  public String label() {
    return label;
  }

  public int size() {
    return values.length;
  }

  public double tSeconds(int i) {
    return tSeconds[i];
  }

  public double value(int i) {
    return values[i];
  }

  /** A copy of the times. */
  public double[] tSeconds() {
    return tSeconds.clone();
  }

  /** A copy of the values. */
  public double[] values() {
    return values.clone();
  }

  /** Time between the first and the last sample; zero for fewer than two samples. */
  public Duration span() {
    if (values.length < 2) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(Math.round((tSeconds[values.length - 1] - tSeconds[0]) * 1000));
  }

  /** The samples at or after {@code from} seconds after the first sample. */
  Series dropBefore(Duration from) {
    if (values.length == 0 || from.isZero()) {
      return this;
    }
    double cut = tSeconds[0] + from.toMillis() / 1000.0;
    int start = 0;
    while (start < values.length && tSeconds[start] < cut) {
      start++;
    }
    return new Series(
        metric,
        label,
        Arrays.copyOfRange(tSeconds, start, values.length),
        Arrays.copyOfRange(values, start, values.length));
  }

  @Override
  public String toString() {
    return (label == null ? "" : label + " ")
        + metric.noun()
        + " series of "
        + values.length
        + " samples over "
        + span();
  }
}
