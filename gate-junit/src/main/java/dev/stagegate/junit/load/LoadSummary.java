package dev.stagegate.junit.load;

import dev.stagegate.report.load.LoadInterval;
import java.util.List;
import java.util.Map;

/**
 * What a load run did as a whole: the intervals, the totals, and the latency percentiles of every
 * request of the run (exact to three significant digits, not merged from intervals).
 *
 * <pre>{@code
 * LoadSummary s = generator.summary();
 * assert s.achievedRate() > 0.99 * s.requestedRate();
 * }</pre>
 *
 * @param target what was requested
 * @param requestedRate the requests per second asked for
 * @param seconds how long the load ran
 * @param sent requests sent
 * @param completed requests finished (answered, failed or timed out)
 * @param errors of those, the failures
 * @param errorKinds failures by kind, e.g. {@code status 500} → 3, {@code timeout} → 1
 * @param p50Ms median latency over the run
 * @param p95Ms 95th percentile over the run
 * @param p99Ms 99th percentile over the run
 * @param maxMs largest latency of the run
 * @param intervals the per-interval summaries (bounded, see {@link
 *     dev.stagegate.report.load.LoadHistory})
 * @param latencySampleMs the run's latency distribution as evenly spaced quantiles (at most a few
 *     thousand values), for rank tests against another run
 */
public record LoadSummary(
    LoadTarget target,
    double requestedRate,
    double seconds,
    long sent,
    long completed,
    long errors,
    Map<String, Long> errorKinds,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    List<LoadInterval> intervals,
    double[] latencySampleMs) {
  public LoadSummary {
    errorKinds = Map.copyOf(errorKinds);
    intervals = List.copyOf(intervals);
    latencySampleMs = latencySampleMs.clone();
  }

  /** Requests sent per second over the run. */
  public double achievedRate() {
    return seconds > 0 ? sent / seconds : 0;
  }

  /** Share of completed requests that failed, in [0, 1]; 0 when none completed. */
  public double errorRate() {
    return completed == 0 ? 0 : (double) errors / completed;
  }

  @Override
  public double[] latencySampleMs() {
    return latencySampleMs.clone();
  }
}
