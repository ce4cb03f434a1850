package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether CPU usage trends upward. Immutable; every {@code with...} returns a new judge.
 *
 * <pre>{@code
 * CpuTrendVerdict v = CpuTrendJudge.defaults()
 *     .withMinimumSlopePointsPerHour(5)
 *     .judge(Series.cpu(t, percent).withLabel("api"));
 * }</pre>
 *
 * <p>Same method as {@link MemoryLeakJudge}, on block <em>medians</em>: a median ignores scheduler
 * spikes and short bursts, and idle/busy phases alternate around no trend. A single change of load
 * level is a step, not a trend.
 *
 * <p>Defaults: minimum effect 1 percentage point per hour (24 points a day, enough to saturate a
 * core within days; smaller drifts cannot be told from load changes in a staging window),
 * significance 0.01, no warm-up exclusion, minimum span 5 minutes (a shorter window is {@link
 * CpuTrendVerdict.Kind#NOT_JUDGED}). There is no relative bound: CPU percent is already relative to
 * capacity.
 */
public final class CpuTrendJudge {
  private static final CpuTrendJudge DEFAULTS =
      new CpuTrendJudge(1.0, Duration.ZERO, Duration.ofMinutes(5), 0.01);

  private final double minimumSlopePointsPerHour;
  private final Duration warmUp;
  private final Duration minimumSpan;
  private final double significance;

  private CpuTrendJudge(
      double minimumSlopePointsPerHour,
      Duration warmUp,
      Duration minimumSpan,
      double significance) {
    this.minimumSlopePointsPerHour = minimumSlopePointsPerHour;
    this.warmUp = warmUp;
    this.minimumSpan = minimumSpan;
    this.significance = significance;
  }

  /** The judge with the documented defaults. */
  public static CpuTrendJudge defaults() {
    return DEFAULTS;
  }

  /** A rise below this many percentage points per hour is never a trend. */
  public CpuTrendJudge withMinimumSlopePointsPerHour(double pointsPerHour) {
    return new CpuTrendJudge(
        MemoryLeakJudge.nonNegative(pointsPerHour, "minimum slope"),
        warmUp,
        minimumSpan,
        significance);
  }

  /** Ignore samples in the first {@code warmUp} of the series. */
  public CpuTrendJudge withWarmUp(Duration warmUp) {
    return new CpuTrendJudge(
        minimumSlopePointsPerHour,
        MemoryLeakJudge.nonNegative(warmUp, "warm-up"),
        minimumSpan,
        significance);
  }

  /** Series shorter than this (after warm-up) are {@link CpuTrendVerdict.Kind#NOT_JUDGED}. */
  public CpuTrendJudge withMinimumSpan(Duration minimumSpan) {
    return new CpuTrendJudge(
        minimumSlopePointsPerHour,
        warmUp,
        MemoryLeakJudge.nonNegative(minimumSpan, "minimum span"),
        significance);
  }

  /** One-sided significance level of the Mann-Kendall tests, in (0, 1). */
  public CpuTrendJudge withSignificance(double alpha) {
    return new CpuTrendJudge(
        minimumSlopePointsPerHour, warmUp, minimumSpan, MemoryLeakJudge.probability(alpha));
  }

  /** Judges a {@link Metric#CPU_PERCENT} series. */
  public CpuTrendVerdict judge(Series series) {
    Objects.requireNonNull(series, "series");
    if (series.metric() != Metric.CPU_PERCENT) {
      throw new IllegalArgumentException("CpuTrendJudge needs a CPU series, got " + series);
    }
    String subject = Subject.of(series);
    Series judged = series.dropBefore(warmUp);
    Duration observed = judged.span();
    if (observed.compareTo(minimumSpan) < 0) {
      return new CpuTrendVerdict(
          CpuTrendVerdict.Kind.NOT_JUDGED,
          0,
          Double.NaN,
          significance,
          Double.NaN,
          Double.NaN,
          observed,
          minimumSpan,
          MemoryLeakJudge.notJudged(subject, observed, minimumSpan, "a trend"));
    }
    Blocks blocks = Blocks.medians(judged);
    TrendAnalysis analysis =
        TrendAnalysis.of(blocks, significance, minimumSlopePointsPerHour, "points");
    CpuTrendVerdict.Kind kind =
        switch (analysis.outcome()) {
          case GROWING -> CpuTrendVerdict.Kind.TREND;
          case FLAT -> CpuTrendVerdict.Kind.STABLE;
          case UNDECIDED -> CpuTrendVerdict.Kind.INCONCLUSIVE;
        };
    return new CpuTrendVerdict(
        kind,
        analysis.slopePerHour(),
        analysis.pValue(),
        significance,
        analysis.startLevel(),
        analysis.endLevel(),
        observed,
        minimumSpan,
        subject
            + " "
            + analysis.reason()
            + "; judged on the median of "
            + blocks.size()
            + " blocks over "
            + Format.duration(observed)
            + Format.extrapolation(observed)
            + ".");
  }
}
