package dev.stagegate.assertions.trend;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A series reduced to a few dozen block levels, the unit every trend test works on.
 *
 * <p>Why blocks: raw 1 Hz samples are autocorrelated, so a trend test on them calls noise
 * significant on long series; a bounded number of blocks keeps Mann-Kendall honest and makes the
 * quadratic Theil-Sen cheap whatever the input length (the reduction itself is O(n log n)).
 *
 * <p>Memory blocks follow the <em>floor</em>, not the mean: a JVM heap grows between collections
 * and drops at each one, so the mean mostly measures where in the sawtooth the sample landed. When
 * recurring collections are visible the floor is the minimum of each collection cycle (the post-GC
 * level); otherwise it is a low quantile of each block, which also ignores allocation bursts.
 *
 * @param tHours block times in hours since the first sample
 * @param levels block levels, in the series' display unit (MiB or percent)
 * @param collections number of garbage collections detected; 0 when the series shows none
 */
record Blocks(double[] tHours, double[] levels, int collections) {
  static final int MAX_BLOCKS = 40;
  static final int MIN_SAMPLES_PER_BLOCK = 5;

  /** A drop counts as a collection when it is this many robust deviations below a typical step. */
  private static final double COLLECTION_DROP_DEVIATIONS = 8;

  /** ... and at least this fraction of the typical level, so tiny jitter on flat data is no GC. */
  private static final double COLLECTION_DROP_FRACTION = 0.01;

  /** Fewer collections than this do not outline a floor; fall back to plain blocks. */
  private static final int MIN_COLLECTIONS = 3;

  /** Low quantile of a block used as its memory floor when no collections are visible. */
  private static final double FLOOR_QUANTILE = 0.25;

  int size() {
    return levels.length;
  }

  /** Blocks following the memory floor; values are divided by {@code unit} (bytes per MiB). */
  static Blocks memoryFloor(Series series, double unit) {
    double[] t = hours(series);
    double[] v = scaled(series, unit);
    int[] drops = collections(v);
    // A floor of fewer cycles than a verdict needs blocks says less than the blocks of the whole
    // window would: a short watch that saw a few drops (page cache on an idle shell service)
    // would otherwise be undecided where the plain floor can be judged.
    if (drops.length < Math.max(MIN_COLLECTIONS, TrendAnalysis.MIN_BLOCKS)) {
      // Bucket mins are already the floor of each bucket: a further low quantile of them would
      // chase the extremes of the noise, so blocks of buckets take their median.
      return aggregate(t, v, minPerBlock(series), series.isAggregated() ? 0.5 : FLOOR_QUANTILE, 0);
    }
    // One floor point per complete cycle: the minimum between one collection and the next. The
    // samples before the first collection are skipped, as they start mid-cycle.
    double[] floorT = new double[drops.length];
    double[] floorV = new double[drops.length];
    for (int c = 0; c < drops.length; c++) {
      int from = drops[c] + 1;
      int to = c + 1 < drops.length ? drops[c + 1] + 1 : v.length;
      int lowest = from;
      for (int i = from; i < to; i++) {
        if (v[i] < v[lowest]) {
          lowest = i;
        }
      }
      floorT[c] = t[lowest];
      floorV[c] = v[lowest];
    }
    return aggregate(floorT, floorV, 1, 0.5, drops.length);
  }

  /** Blocks of medians: robust to short spikes, for metrics without a floor such as CPU. */
  static Blocks medians(Series series) {
    return aggregate(hours(series), scaled(series, 1), minPerBlock(series), 0.5, 0);
  }

  /** Raw samples: at least five per block. History buckets each already summarise many. */
  private static int minPerBlock(Series series) {
    return series.isAggregated() ? 1 : MIN_SAMPLES_PER_BLOCK;
  }

  /** Indices i where v[i] to v[i + 1] is a collection-sized drop. */
  private static int[] collections(double[] v) {
    if (v.length < 3) {
      return new int[0];
    }
    double[] steps = new double[v.length - 1];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = v[i + 1] - v[i];
    }
    double typical = TheilSen.median(steps.clone());
    double[] deviations = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      deviations[i] = Math.abs(steps[i] - typical);
    }
    double robustDeviation = 1.4826 * TheilSen.median(deviations);
    double level = Math.abs(TheilSen.median(v.clone()));
    double threshold =
        Math.max(COLLECTION_DROP_DEVIATIONS * robustDeviation, COLLECTION_DROP_FRACTION * level);
    return IntStream.range(0, steps.length).filter(i -> steps[i] < typical - threshold).toArray();
  }

  /** Equal-count chunks of at least {@code minPerBlock} points, each reduced to a quantile. */
  private static Blocks aggregate(
      double[] t, double[] v, int minPerBlock, double quantile, int collections) {
    int count = Math.min(MAX_BLOCKS, v.length / minPerBlock);
    double[] blockT = new double[count];
    double[] blockV = new double[count];
    for (int b = 0; b < count; b++) {
      int from = (int) ((long) b * v.length / count);
      int to = (int) ((long) (b + 1) * v.length / count);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += t[i];
      }
      blockT[b] = sum / (to - from);
      blockV[b] = TheilSen.quantile(Arrays.copyOfRange(v, from, to), quantile);
    }
    return new Blocks(blockT, blockV, collections);
  }

  private static double[] hours(Series series) {
    double[] t = series.tSeconds();
    double origin = t.length == 0 ? 0 : t[0];
    for (int i = 0; i < t.length; i++) {
      t[i] = (t[i] - origin) / 3600.0;
    }
    return t;
  }

  private static double[] scaled(Series series, double unit) {
    double[] v = series.values();
    for (int i = 0; i < v.length; i++) {
      v[i] /= unit;
    }
    return v;
  }
}
