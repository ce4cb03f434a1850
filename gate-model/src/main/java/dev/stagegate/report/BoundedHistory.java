package dev.stagegate.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The history of one metric in a fixed amount of memory, however long it is fed.
 *
 * <p>Samples go into consecutive time buckets of width {@code w} counted from the first sample
 * (bucket {@code i} covers {@code [t0 + i·w, t0 + (i+1)·w)}). Each bucket keeps the count, min,
 * mean and max of its samples and the times of its earliest and latest sample. When a sample falls
 * past the last of the {@code maxBuckets} buckets, adjacent pairs merge and {@code w} doubles, as
 * often as needed. So the memory is {@code O(maxBuckets)} forever (six arrays of that length), the
 * buckets always span the whole run at a resolution of {@code duration / maxBuckets} or better, and
 * at least half of them are in use once the first merge has happened.
 *
 * <pre>{@code
 * BoundedHistory memory = new BoundedHistory();          // 256 buckets, 1 s initial width
 * memory.add(t, bytes);                                   // at 1 Hz for 24 hours: still 256
 * List<HistoryBucket> chart = memory.downsample(100);     // ~100 points for a chart
 * }</pre>
 *
 * <p><b>Per-bucket values.</b> Min, mean and max are exact and merge exactly. There is deliberately
 * no per-bucket median: a median (or a P² estimate of it) cannot be merged when buckets pair up,
 * and the mean of two medians is not robust. Robustness comes one level up instead: the trend
 * judges reduce dozens of buckets to a median or low quantile across buckets, so a spike raises one
 * bucket's mean and max and nothing else. For memory, the bucket min follows the post-GC floor.
 *
 * <p>Times should not decrease. A sample older than the newest one still lands in the bucket of its
 * time (one before the first sample lands in the first bucket), so a slightly out-of-order feed is
 * harmless. Values and times must be finite.
 *
 * <p>Not thread-safe: callers that feed it from several threads synchronize (as {@code
 * ServiceRecorder} in gate-assertions does).
 */
public final class BoundedHistory {
  /** Bucket count of {@link #BoundedHistory()}: enough for a chart and for the trend judges. */
  public static final int DEFAULT_MAX_BUCKETS = 256;

  /** Initial bucket width of {@link #BoundedHistory()}: one {@code docker stats} period. */
  public static final double DEFAULT_INITIAL_WIDTH_SECONDS = 1.0;

  private final int maxBuckets;
  private final double[] tStart;
  private final double[] tEnd;
  private final long[] count;
  private final double[] min;
  private final double[] sum;
  private final double[] max;

  private double origin;
  private double width;
  private long samples;
  private double latestT = Double.NaN;
  private double latestValue = Double.NaN;

  /** A history of {@value #DEFAULT_MAX_BUCKETS} buckets, 1 s wide at first. */
  public BoundedHistory() {
    this(DEFAULT_MAX_BUCKETS, DEFAULT_INITIAL_WIDTH_SECONDS);
  }

  /** A history of at most {@code maxBuckets} buckets, 1 s wide at first. */
  public BoundedHistory(int maxBuckets) {
    this(maxBuckets, DEFAULT_INITIAL_WIDTH_SECONDS);
  }

  /**
   * A history of at most {@code maxBuckets} buckets (at least 2), {@code initialWidthSeconds} wide
   * until the first merge. A width near the sampling period keeps short runs at full resolution.
   */
  public BoundedHistory(int maxBuckets, double initialWidthSeconds) {
    if (maxBuckets < 2) {
      throw new IllegalArgumentException("maxBuckets must be >= 2 but was " + maxBuckets);
    }
    if (!(initialWidthSeconds > 0) || Double.isInfinite(initialWidthSeconds)) {
      throw new IllegalArgumentException(
          "initialWidthSeconds must be finite and > 0 but was " + initialWidthSeconds);
    }
    this.maxBuckets = maxBuckets;
    this.width = initialWidthSeconds;
    tStart = new double[maxBuckets];
    tEnd = new double[maxBuckets];
    count = new long[maxBuckets];
    min = new double[maxBuckets];
    sum = new double[maxBuckets];
    max = new double[maxBuckets];
  }

  /** Records {@code value} observed at {@code tSeconds}. */
  public void add(double tSeconds, double value) {
    if (!Double.isFinite(tSeconds) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "sample must be finite but was t=" + tSeconds + ", value=" + value);
    }
    if (samples == 0) {
      origin = tSeconds;
    }
    int index = index(tSeconds);
    while (index >= maxBuckets) {
      mergePairs();
      index = index(tSeconds);
    }
    if (count[index] == 0) {
      tStart[index] = tSeconds;
      tEnd[index] = tSeconds;
      min[index] = value;
      max[index] = value;
    } else {
      tStart[index] = Math.min(tStart[index], tSeconds);
      tEnd[index] = Math.max(tEnd[index], tSeconds);
      min[index] = Math.min(min[index], value);
      max[index] = Math.max(max[index], value);
    }
    count[index]++;
    sum[index] += value;
    samples++;
    if (!(tSeconds < latestT)) {
      latestT = tSeconds;
      latestValue = value;
    }
  }

  /** The non-empty buckets in time order, as an immutable copy. */
  public List<HistoryBucket> buckets() {
    List<HistoryBucket> out = new ArrayList<>();
    for (int i = 0; i < maxBuckets; i++) {
      if (count[i] > 0) {
        out.add(bucket(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@link #buckets()} merged further to at most {@code maxPoints}, e.g. for a chart. */
  public List<HistoryBucket> downsample(int maxPoints) {
    return downsample(buckets(), maxPoints);
  }

  /**
   * Merges runs of adjacent buckets so that at most {@code maxPoints} remain; each output bucket
   * merges an equal share (±1) of the input, so time stays evenly resolved. Returns an immutable
   * list; the input unchanged when it is short enough.
   */
  public static List<HistoryBucket> downsample(List<HistoryBucket> buckets, int maxPoints) {
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be >= 1 but was " + maxPoints);
    }
    int n = buckets.size();
    if (n <= maxPoints) {
      return List.copyOf(buckets);
    }
    List<HistoryBucket> out = new ArrayList<>(maxPoints);
    for (int g = 0; g < maxPoints; g++) {
      int from = (int) ((long) g * n / maxPoints);
      int to = (int) ((long) (g + 1) * n / maxPoints);
      HistoryBucket merged = buckets.get(from);
      for (int i = from + 1; i < to; i++) {
        merged = merged.merge(buckets.get(i));
      }
      out.add(merged);
    }
    return Collections.unmodifiableList(out);
  }

  /** How many samples were added in total. */
  public long sampleCount() {
    return samples;
  }

  /** The value of the newest sample (largest time; the last added among equal times). */
  public OptionalDouble latest() {
    return samples == 0 ? OptionalDouble.empty() : OptionalDouble.of(latestValue);
  }

  /** The time of the newest sample. */
  public OptionalDouble latestTSeconds() {
    return samples == 0 ? OptionalDouble.empty() : OptionalDouble.of(latestT);
  }

  /** The most buckets this history ever holds. */
  public int maxBuckets() {
    return maxBuckets;
  }

  /** The current bucket width in seconds: the initial width times 2 per merge so far. */
  public double bucketWidthSeconds() {
    return width;
  }

  private int index(double t) {
    if (t <= origin) {
      return 0;
    }
    double i = Math.floor((t - origin) / width);
    return i >= maxBuckets ? maxBuckets : (int) i;
  }

  private void mergePairs() {
    int half = (maxBuckets + 1) / 2;
    for (int k = 0; k < half; k++) {
      int a = 2 * k;
      int b = a + 1;
      if (b < maxBuckets && count[b] > 0) {
        if (count[a] == 0) {
          move(b, k);
        } else {
          tStart[k] = Math.min(tStart[a], tStart[b]);
          tEnd[k] = Math.max(tEnd[a], tEnd[b]);
          min[k] = Math.min(min[a], min[b]);
          max[k] = Math.max(max[a], max[b]);
          sum[k] = sum[a] + sum[b];
          count[k] = count[a] + count[b];
        }
      } else {
        move(a, k);
      }
    }
    Arrays.fill(count, half, maxBuckets, 0);
    Arrays.fill(sum, half, maxBuckets, 0);
    width *= 2;
  }

  private void move(int from, int to) {
    tStart[to] = tStart[from];
    tEnd[to] = tEnd[from];
    min[to] = min[from];
    max[to] = max[from];
    sum[to] = sum[from];
    count[to] = count[from];
  }

  private HistoryBucket bucket(int i) {
    return new HistoryBucket(tStart[i], tEnd[i], count[i], min[i], sum[i] / count[i], max[i]);
  }
}
