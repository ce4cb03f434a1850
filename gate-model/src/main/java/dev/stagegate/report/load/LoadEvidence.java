package dev.stagegate.report.load;

import java.util.List;
import java.util.Map;

/**
 * The load one {@code @Load} put on a service during a burn-in, and what it found: totals, latency
 * percentiles over the whole run, the per-interval summaries for the table and chart, the latency
 * trend verdict and the limits it was held to.
 *
 * <pre>{@code
 * LoadEvidence api = gate.burnIn().loads().get(0);
 * api.p99Ms();               // over the whole run
 * api.latencyVerdict();      // creep, stable or inconclusive
 * }</pre>
 *
 * @param service the compose service under load
 * @param target what was sent, e.g. {@code GET api:8000/api/v1/agents/list}
 * @param requestedRate requests per second asked for
 * @param achievedRate requests per second sent over the run
 * @param sent requests sent
 * @param completed requests finished (answered, failed or timed out)
 * @param errors of those, the failures
 * @param errorKinds failures by kind, e.g. {@code status 500}, {@code timeout}
 * @param p50Ms median latency over the run, counted from each request's intended send time
 * @param p95Ms 95th percentile over the run
 * @param p99Ms 99th percentile over the run
 * @param maxMs largest latency of the run
 * @param maxErrorRate the error rate the gate allows, in [0, 1]
 * @param p99CeilingMs the p99 the gate allows, milliseconds; 0 for none
 * @param latencyVerdict {@code creep}, {@code stable} or {@code inconclusive}
 * @param latencyEvidence one sentence with the numbers behind the verdict
 * @param intervals the per-interval summaries (bounded)
 */
public record LoadEvidence(
    String service,
    String target,
    double requestedRate,
    double achievedRate,
    long sent,
    long completed,
    long errors,
    Map<String, Long> errorKinds,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    double maxErrorRate,
    double p99CeilingMs,
    String latencyVerdict,
    String latencyEvidence,
    List<LoadInterval> intervals) {
  public LoadEvidence {
    errorKinds = Map.copyOf(errorKinds);
    intervals = List.copyOf(intervals);
  }

  /** Share of completed requests that failed, in [0, 1]; 0 when none completed. */
  public double errorRate() {
    return completed == 0 ? 0 : (double) errors / completed;
  }
}
