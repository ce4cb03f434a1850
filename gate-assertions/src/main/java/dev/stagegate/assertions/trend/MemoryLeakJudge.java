package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether a memory series leaks. Immutable; every {@code with...} returns a new judge.
 *
 * <pre>{@code
 * LeakVerdict v = MemoryLeakJudge.defaults()
 *     .withMinimumSlopeMibPerHour(5)
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
 * <p>Defaults: a leak must exceed <b>both</b> 1 MiB/hour and 1 % of the typical floor per hour. The
 * absolute bound keeps small processes from flagging sub-mebibyte drift that never matters; the
 * relative bound keeps multi-gigabyte heaps from flagging a few MiB/hour of cache churn, while
 * still catching growth that would double the footprint within about four days. Significance 0.01,
 * no warm-up exclusion (warm-up is recognised as growth that stops), minimum span 5 minutes. A
 * window shorter than the minimum span is {@link LeakVerdict.Kind#NOT_JUDGED}: no slope is given
 * for it.
 *
 * <p>Every amount is in MiB (2^20 bytes), the unit of the audit's tables and charts; every slope is
 * given per hour and as a percentage of the typical floor; every test names its significance level.
 */
public final class MemoryLeakJudge {
  /** Slopes and levels are in mebibytes, as everywhere in the audit. */
  static final double BYTES_PER_MIB = 1 << 20;

  private static final MemoryLeakJudge DEFAULTS =
      new MemoryLeakJudge(1.0, 1.0, Duration.ZERO, Duration.ofMinutes(5), 0.01);

  private final double minimumSlopeMibPerHour;
  private final double minimumRelativeSlopePercentPerHour;
  private final Duration warmUp;
  private final Duration minimumSpan;
  private final double significance;

  private MemoryLeakJudge(
      double minimumSlopeMibPerHour,
      double minimumRelativeSlopePercentPerHour,
      Duration warmUp,
      Duration minimumSpan,
      double significance) {
    this.minimumSlopeMibPerHour = minimumSlopeMibPerHour;
    this.minimumRelativeSlopePercentPerHour = minimumRelativeSlopePercentPerHour;
    this.warmUp = warmUp;
    this.minimumSpan = minimumSpan;
    this.significance = significance;
  }

  /** The judge with the documented defaults. */
  public static MemoryLeakJudge defaults() {
    return DEFAULTS;
  }

  /** Growth below this many MiB/hour is never a leak. */
  public MemoryLeakJudge withMinimumSlopeMibPerHour(double mibPerHour) {
    return new MemoryLeakJudge(
        nonNegative(mibPerHour, "minimum slope"),
        minimumRelativeSlopePercentPerHour,
        warmUp,
        minimumSpan,
        significance);
  }

  /** Growth below this percentage of the typical memory floor per hour is never a leak. */
  public MemoryLeakJudge withMinimumRelativeSlopePercentPerHour(double percentPerHour) {
    return new MemoryLeakJudge(
        minimumSlopeMibPerHour,
        nonNegative(percentPerHour, "minimum relative slope"),
        warmUp,
        minimumSpan,
        significance);
  }

  /** Ignore samples in the first {@code warmUp} of the series. */
  public MemoryLeakJudge withWarmUp(Duration warmUp) {
    return new MemoryLeakJudge(
        minimumSlopeMibPerHour,
        minimumRelativeSlopePercentPerHour,
        nonNegative(warmUp, "warm-up"),
        minimumSpan,
        significance);
  }

  /** Series shorter than this (after warm-up) are {@link LeakVerdict.Kind#NOT_JUDGED}. */
  public MemoryLeakJudge withMinimumSpan(Duration minimumSpan) {
    return new MemoryLeakJudge(
        minimumSlopeMibPerHour,
        minimumRelativeSlopePercentPerHour,
        warmUp,
        nonNegative(minimumSpan, "minimum span"),
        significance);
  }

  /** One-sided significance level of the Mann-Kendall tests, in (0, 1). */
  public MemoryLeakJudge withSignificance(double alpha) {
    return new MemoryLeakJudge(
        minimumSlopeMibPerHour,
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
          LeakVerdict.Kind.NOT_JUDGED,
          0,
          Double.NaN,
          significance,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          observed,
          minimumSpan,
          notJudged(subject, observed, minimumSpan, "a leak"));
    }
    Blocks blocks = Blocks.memoryFloor(judged, BYTES_PER_MIB);
    double typicalFloor = blocks.size() == 0 ? 0 : TheilSen.median(blocks.levels().clone());
    double minimumSlope =
        Math.max(minimumSlopeMibPerHour, minimumRelativeSlopePercentPerHour / 100 * typicalFloor);
    TrendAnalysis analysis = TrendAnalysis.of(blocks, significance, minimumSlope, "MiB");
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
    String relative =
        typicalFloor > 0
            ? "; slope "
                + Format.one(analysis.slopePerHour())
                + " MiB/hour = "
                + String.format(
                    java.util.Locale.ROOT, "%+.1f", 100 * analysis.slopePerHour() / typicalFloor)
                + " %/hour of its "
                + Format.one(typicalFloor)
                + " MiB baseline"
            : "";
    return new LeakVerdict(
        kind,
        analysis.slopePerHour(),
        analysis.pValue(),
        significance,
        analysis.startLevel(),
        analysis.endLevel(),
        typicalFloor > 0 ? typicalFloor : Double.NaN,
        observed,
        minimumSpan,
        subject
            + " "
            + analysis.reason()
            + "; judged on the "
            + basis
            + " over "
            + Format.duration(observed)
            + relative
            + Format.extrapolation(observed)
            + ".");
  }

  /**
   * The sentence for a window too short to judge: {@code not judged (1.5 min < 5 min): memory of
   * "worker" was observed for 1.5 min, …}.
   */
  static String notJudged(String subject, Duration observed, Duration minimumSpan, String what) {
    return "not judged ("
        + Format.duration(observed)
        + " < "
        + Format.duration(minimumSpan)
        + "): "
        + subject
        + " was observed for "
        + Format.duration(observed)
        + ", less than the "
        + Format.duration(minimumSpan)
        + " minimum span needed to judge "
        + what
        + "; a slope per hour from so short a window would be an extrapolation, so none is given.";
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
