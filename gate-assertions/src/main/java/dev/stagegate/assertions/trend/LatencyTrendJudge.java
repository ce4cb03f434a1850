package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether request latency creeps upward over a run under load. Immutable; every {@code
 * with...} returns a new judge.
 *
 * <pre>{@code
 * Series p50 = Series.fromHistory(Metric.LATENCY_MS, intervals, HistoryBucket::mean)
 *     .withLabel("api");
 * LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(p50);
 * }</pre>
 *
 * <p>Same method as {@link CpuTrendJudge}, on block medians of a per-interval percentile: a median
 * ignores a slow interval (a GC pause, a neighbour's burst), a single change of level is a step
 * rather than creep, and the rise must persist in the second half of the run.
 *
 * <p>The minimum effect scales with the service: a rise counts only when it is at least {@code
 * minimumShareOfLevelPerHour} of the run's median latency per hour (default 25 %) and at least
 * {@code minimumMsPerHour} (default 5 ms/hour), so a 2 ms service may not creep to 3 ms and a 2 s
 * report endpoint is not failed for 10 ms. On a run shorter than an hour the rise over the run
 * itself must reach that share of the level (a 30 s CI run: latency 25 % higher at the end), so a
 * late step of a few milliseconds on a busy host is no creep. Defaults: significance 0.01, no
 * warm-up exclusion, minimum span 5 minutes.
 */
public final class LatencyTrendJudge {
  private static final LatencyTrendJudge DEFAULTS =
      new LatencyTrendJudge(5.0, 0.25, Duration.ZERO, Duration.ofMinutes(5), 0.01);

  private final double minimumMsPerHour;
  private final double minimumShareOfLevelPerHour;
  private final Duration warmUp;
  private final Duration minimumSpan;
  private final double significance;

  private LatencyTrendJudge(
      double minimumMsPerHour,
      double minimumShareOfLevelPerHour,
      Duration warmUp,
      Duration minimumSpan,
      double significance) {
    this.minimumMsPerHour = minimumMsPerHour;
    this.minimumShareOfLevelPerHour = minimumShareOfLevelPerHour;
    this.warmUp = warmUp;
    this.minimumSpan = minimumSpan;
    this.significance = significance;
  }

  /** The judge with the documented defaults. */
  public static LatencyTrendJudge defaults() {
    return DEFAULTS;
  }

  /** A rise below this many milliseconds per hour is never creep. */
  public LatencyTrendJudge withMinimumMsPerHour(double msPerHour) {
    return new LatencyTrendJudge(
        MemoryLeakJudge.nonNegative(msPerHour, "minimum slope"),
        minimumShareOfLevelPerHour,
        warmUp,
        minimumSpan,
        significance);
  }

  /** A rise below this share of the median latency per hour (0.25: 25 %) is never creep. */
  public LatencyTrendJudge withMinimumShareOfLevelPerHour(double share) {
    return new LatencyTrendJudge(
        minimumMsPerHour,
        MemoryLeakJudge.nonNegative(share, "minimum share"),
        warmUp,
        minimumSpan,
        significance);
  }

  /** Ignore intervals in the first {@code warmUp} of the series (JIT, caches, pools filling). */
  public LatencyTrendJudge withWarmUp(Duration warmUp) {
    return new LatencyTrendJudge(
        minimumMsPerHour,
        minimumShareOfLevelPerHour,
        MemoryLeakJudge.nonNegative(warmUp, "warm-up"),
        minimumSpan,
        significance);
  }

  /** Series shorter than this (after warm-up) are {@link LatencyTrendVerdict.Kind#NOT_JUDGED}. */
  public LatencyTrendJudge withMinimumSpan(Duration minimumSpan) {
    return new LatencyTrendJudge(
        minimumMsPerHour,
        minimumShareOfLevelPerHour,
        warmUp,
        MemoryLeakJudge.nonNegative(minimumSpan, "minimum span"),
        significance);
  }

  /** One-sided significance level of the Mann-Kendall tests, in (0, 1). */
  public LatencyTrendJudge withSignificance(double alpha) {
    return new LatencyTrendJudge(
        minimumMsPerHour,
        minimumShareOfLevelPerHour,
        warmUp,
        minimumSpan,
        MemoryLeakJudge.probability(alpha));
  }

  /** Judges a {@link Metric#LATENCY_MS} series. */
  public LatencyTrendVerdict judge(Series series) {
    Objects.requireNonNull(series, "series");
    if (series.metric() != Metric.LATENCY_MS) {
      throw new IllegalArgumentException("LatencyTrendJudge needs a latency series, got " + series);
    }
    String subject = Subject.of(series);
    Series judged = series.dropBefore(warmUp);
    Duration observed = judged.span();
    double level = median(judged);
    double hours = observed.toMillis() / 3_600_000.0;
    // creep must be material over the run itself too: on a short run a per-hour rate of a few
    // milliseconds is one slow neighbour, not a trend
    double minimum =
        Math.max(
            minimumMsPerHour,
            Math.max(
                minimumShareOfLevelPerHour * level,
                hours > 0 && hours < 1 ? minimumShareOfLevelPerHour * level / hours : 0));
    if (observed.compareTo(minimumSpan) < 0) {
      return new LatencyTrendVerdict(
          LatencyTrendVerdict.Kind.NOT_JUDGED,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          minimum,
          observed,
          MemoryLeakJudge.notJudged(subject, observed, minimumSpan, "a trend"));
    }
    Blocks blocks = Blocks.medians(judged);
    TrendAnalysis analysis = TrendAnalysis.of(blocks, significance, minimum, "ms");
    LatencyTrendVerdict.Kind kind =
        switch (analysis.outcome()) {
          case GROWING -> LatencyTrendVerdict.Kind.CREEP;
          case FLAT -> LatencyTrendVerdict.Kind.STABLE;
          case UNDECIDED -> LatencyTrendVerdict.Kind.INCONCLUSIVE;
        };
    return new LatencyTrendVerdict(
        kind,
        analysis.slopePerHour(),
        analysis.pValue(),
        analysis.startLevel(),
        analysis.endLevel(),
        minimum,
        observed,
        subject
            + " "
            + analysis.reason()
            + "; judged on the median of "
            + blocks.size()
            + " blocks over "
            + Format.duration(observed)
            + String.format(Locale.ROOT, ", minimum effect %.1f ms/hour.", minimum));
  }

  private static double median(Series series) {
    double[] v = series.values();
    if (v.length == 0) {
      return 0;
    }
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
