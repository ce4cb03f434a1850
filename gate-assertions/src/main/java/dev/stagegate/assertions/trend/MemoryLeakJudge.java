package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether a memory series leaks. Immutable; every {@code with...} returns a new judge.
 *
 * <pre>{@code
 * LeakVerdict v = MemoryLeakJudge.defaults()
 *     .withMinimumSlopeMbPerHour(5)
 *     .withWarmUp(Duration.ofMinutes(2))
 *     .judge(Series.memory(t, bytes).withLabel("worker"));
 * }</pre>
 *
 * <p>Method: the series is reduced to at most 40 blocks that follow the memory floor (the post-GC
 * minimum of each collection cycle when a sawtooth is visible, else the lower quartile of each
 * block). A leak needs (1) a significant upward Mann-Kendall trend over the whole window, (2)
 * persistence: a significant upward trend in the tail after the most likely single level shift or
 * after mid-window, whichever is later, and (3) a tail Theil-Sen slope of at least the minimum
 * effect. See {@code TrendAnalysis} for why each step is there.
 *
 * <p>Defaults: a leak must exceed <b>both</b> 1 MB/hour and 1 % of the typical floor per hour. The
 * absolute bound keeps small processes from flagging sub-megabyte drift that never matters; the
 * relative bound keeps multi-gigabyte heaps from flagging a few MB/hour of cache churn, while still
 * catching growth that would double the footprint within about four days. Significance 0.01, no
 * warm-up exclusion (warm-up is recognised as growth that stops), minimum span 5 minutes.
 */
public final class MemoryLeakJudge {
  /** Slopes and levels are in decimal megabytes. */
  static final double BYTES_PER_MB = 1_000_000;

  private static final MemoryLeakJudge DEFAULTS =
      new MemoryLeakJudge(1.0, 1.0, Duration.ZERO, Duration.ofMinutes(5), 0.01);

  private final double minimumSlopeMbPerHour;
  private final double minimumRelativeSlopePercentPerHour;
  private final Duration warmUp;
  private final Duration minimumSpan;
  private final double significance;

  private MemoryLeakJudge(
      double minimumSlopeMbPerHour,
      double minimumRelativeSlopePercentPerHour,
      Duration warmUp,
      Duration minimumSpan,
      double significance) {
    this.minimumSlopeMbPerHour = minimumSlopeMbPerHour;
    this.minimumRelativeSlopePercentPerHour = minimumRelativeSlopePercentPerHour;
    this.warmUp = warmUp;
    this.minimumSpan = minimumSpan;
    this.significance = significance;
  }

  /** The judge with the documented defaults. */
  public static MemoryLeakJudge defaults() {
    return DEFAULTS;
  }

  /** Growth below this many MB/hour is never a leak. */
  public MemoryLeakJudge withMinimumSlopeMbPerHour(double mbPerHour) {
    return new MemoryLeakJudge(
        nonNegative(mbPerHour, "minimum slope"),
        minimumRelativeSlopePercentPerHour,
        warmUp,
        minimumSpan,
        significance);
  }

  /** Growth below this percentage of the typical memory floor per hour is never a leak. */
  public MemoryLeakJudge withMinimumRelativeSlopePercentPerHour(double percentPerHour) {
    return new MemoryLeakJudge(
        minimumSlopeMbPerHour,
        nonNegative(percentPerHour, "minimum relative slope"),
        warmUp,
        minimumSpan,
        significance);
  }

  /** Ignore samples in the first {@code warmUp} of the series. */
  public MemoryLeakJudge withWarmUp(Duration warmUp) {
    return new MemoryLeakJudge(
        minimumSlopeMbPerHour,
        minimumRelativeSlopePercentPerHour,
        nonNegative(warmUp, "warm-up"),
        minimumSpan,
        significance);
  }

  /** Series shorter than this (after warm-up) are {@link LeakVerdict.Kind#INCONCLUSIVE}. */
  public MemoryLeakJudge withMinimumSpan(Duration minimumSpan) {
    return new MemoryLeakJudge(
        minimumSlopeMbPerHour,
        minimumRelativeSlopePercentPerHour,
        warmUp,
        nonNegative(minimumSpan, "minimum span"),
        significance);
  }

  /** One-sided significance level of the Mann-Kendall tests, in (0, 1). */
  public MemoryLeakJudge withSignificance(double alpha) {
    return new MemoryLeakJudge(
        minimumSlopeMbPerHour,
        minimumRelativeSlopePercentPerHour,
        warmUp,
        minimumSpan,
        probability(alpha));
  }

  /** Judges a {@link Metric#MEMORY_BYTES} series. */
  public LeakVerdict judge(Series series) {
    Objects.requireNonNull(series, "series");
    if (series.metric() != Metric.MEMORY_BYTES) {
      throw new IllegalArgumentException("MemoryLeakJudge needs a memory series, got " + series);
    }
    String subject = Subject.of(series);
    Series judged = series.dropBefore(warmUp);
    Duration observed = judged.span();
    if (observed.compareTo(minimumSpan) < 0) {
      return new LeakVerdict(
          LeakVerdict.Kind.INCONCLUSIVE,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          observed,
          subject
              + " was observed for "
              + Format.duration(observed)
              + ", less than the "
              + Format.duration(minimumSpan)
              + " needed to judge a leak.");
    }
    Blocks blocks = Blocks.memoryFloor(judged, BYTES_PER_MB);
    double typicalFloor = blocks.size() == 0 ? 0 : TheilSen.median(blocks.levels().clone());
    double minimumSlope =
        Math.max(minimumSlopeMbPerHour, minimumRelativeSlopePercentPerHour / 100 * typicalFloor);
    TrendAnalysis analysis = TrendAnalysis.of(blocks, significance, minimumSlope, "MB");
    LeakVerdict.Kind kind =
        switch (analysis.outcome()) {
          case GROWING -> LeakVerdict.Kind.LEAK;
          case FLAT -> LeakVerdict.Kind.STABLE;
          case UNDECIDED -> LeakVerdict.Kind.INCONCLUSIVE;
        };
    String basis =
        blocks.collections() > 0
            ? "post-GC floor of " + blocks.collections() + " collections"
            : judged.isAggregated()
                ? "median bucket minimum of " + blocks.size() + " blocks"
                : "lower quartile of " + blocks.size() + " blocks";
    return new LeakVerdict(
        kind,
        analysis.slopePerHour(),
        analysis.pValue(),
        analysis.startLevel(),
        analysis.endLevel(),
        observed,
        subject
            + " "
            + analysis.reason()
            + "; judged on the "
            + basis
            + " over "
            + Format.duration(observed)
            + ".");
  }

  static double nonNegative(double value, String what) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  static Duration nonNegative(Duration value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return value;
  }

  static double probability(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance must be in (0, 1), got " + alpha);
    }
    return alpha;
  }
}
