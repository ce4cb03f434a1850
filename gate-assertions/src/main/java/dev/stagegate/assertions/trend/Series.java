package dev.stagegate.assertions.trend;

import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.HistoryBucket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

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
  private final boolean aggregated;

  private Series(
      Metric metric, String label, double[] tSeconds, double[] values, boolean aggregated) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.label = label;
    this.tSeconds = tSeconds;
    this.values = values;
    this.aggregated = aggregated;
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
    return new Series(metric, null, tSeconds.clone(), values.clone(), false);
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

  /**
   * A series from the buckets of a {@link BoundedHistory}, one point per bucket at its mid-time,
   * with the value a judge should see:
   *
   * <ul>
   *   <li>{@link Metric#MEMORY_BYTES}: the bucket <b>min</b>. A bucket that spans several
   *       collections holds the lowest post-GC level among them, which is the floor a leak raises;
   *       buckets shorter than a collection cycle still show the sawtooth in their mins, and the
   *       leak judge finds the collections there as on raw samples. A trailing bucket with fewer
   *       than half the samples of a typical bucket is left out, because the min of fewer samples
   *       of the same noise sits higher and would fake a rise at the very end.
   *   <li>{@link Metric#CPU_PERCENT}: the bucket <b>mean</b>, which is unbiased whatever the
   *       bucket's size; the CPU judge then takes medians across buckets, so a spike that lifts one
   *       bucket's mean does not move the verdict.
   * </ul>
   *
   * <p>The points are marked as aggregates, so the judges form blocks of whole buckets rather than
   * of at least five points each (a bucket already averages away sample noise); that keeps a
   * 64-bucket history, which holds 32 to 64 buckets, above the eight blocks a trend test needs.
   */
  public static Series fromHistory(Metric metric, List<HistoryBucket> buckets) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(buckets, "buckets");
    if (metric == Metric.MEMORY_BYTES) {
      return fromHistory(metric, withoutPartialTail(buckets), HistoryBucket::min);
    }
    return fromHistory(metric, buckets, HistoryBucket::mean);
  }

  /**
   * A series from history buckets with the per-bucket value of your choice (e.g. {@code
   * HistoryBucket::max}); every bucket becomes a point at its mid-time. Buckets must be in time
   * order, as {@link BoundedHistory#buckets()} returns them.
   */
  public static Series fromHistory(
      Metric metric, List<HistoryBucket> buckets, ToDoubleFunction<HistoryBucket> value) {
    Objects.requireNonNull(value, "value");
    double[] t = new double[buckets.size()];
    double[] v = new double[buckets.size()];
    for (int i = 0; i < t.length; i++) {
      HistoryBucket bucket = buckets.get(i);
      t[i] = bucket.tMidSeconds();
      v[i] = value.applyAsDouble(bucket);
    }
    Series plain = of(metric, t, v);
    return new Series(metric, null, plain.tSeconds, plain.values, true);
  }

  private static List<HistoryBucket> withoutPartialTail(List<HistoryBucket> buckets) {
    int n = buckets.size();
    if (n < 3) {
      return buckets;
    }
    long[] counts = new long[n - 1];
    for (int i = 0; i < n - 1; i++) {
      counts[i] = buckets.get(i).count();
    }
    Arrays.sort(counts);
    long typical = counts[counts.length / 2];
    return 2 * buckets.get(n - 1).count() < typical ? buckets.subList(0, n - 1) : buckets;
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
    return new Series(metric, label, tSeconds, values, aggregated);
  }

  public Metric metric() {
    return metric;
  }

  /** The label, or {@code null} when the series has none. */
  public String label() {
    return label;
  }

  /**
   * Whether each point summarises several samples (a series {@linkplain #fromHistory from history
   * buckets}) rather than being one raw sample.
   */
  public boolean isAggregated() {
    return aggregated;
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
        Arrays.copyOfRange(values, start, values.length),
        aggregated);
  }

  @Override
  public String toString() {
    return (label == null ? "" : label + " ")
        + metric.noun()
        + " series of "
        + values.length
        + (aggregated ? " buckets over " : " samples over ")
        + span();
  }
}
