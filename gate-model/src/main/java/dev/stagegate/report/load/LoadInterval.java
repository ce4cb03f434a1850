package dev.stagegate.report.load;

/**
 * What a load generator saw in one interval (a minute by default) of a run: how many requests it
 * sent, how many failed, and the latency percentiles of those that finished in the interval.
 *
 * <p>Latencies are measured from the time each request was <em>meant</em> to be sent, not from when
 * it went out, so a stalled service or generator shows up as latency instead of as silence (no
 * coordinated omission).
 *
 * <pre>{@code
 * LoadInterval m = history.get(0);
 * double p99 = m.p99Ms();              // 99th percentile in milliseconds
 * double rate = m.achievedRate();      // requests sent per second
 * }</pre>
 *
 * @param tStartSeconds start of the interval, seconds since the load started
 * @param tEndSeconds end of the interval, seconds since the load started
 * @param sent requests sent (scheduled and handed to the client) in the interval
 * @param completed requests that finished in the interval (answered, failed or timed out)
 * @param errors of {@code completed}, those with an unexpected status, a timeout or a connection
 *     failure
 * @param p50Ms median latency of {@code completed}, milliseconds
 * @param p95Ms 95th percentile, milliseconds
 * @param p99Ms 99th percentile, milliseconds
 * @param maxMs largest latency, milliseconds
 */
public record LoadInterval(
    double tStartSeconds,
    double tEndSeconds,
    long sent,
    long completed,
    long errors,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs) {
  public LoadInterval {
    if (!(tStartSeconds <= tEndSeconds)) {
      throw new IllegalArgumentException(
          "interval starts at " + tStartSeconds + " s, after its end at " + tEndSeconds + " s");
    }
    if (sent < 0 || completed < 0 || errors < 0 || errors > completed) {
      throw new IllegalArgumentException(
          "need 0 <= errors <= completed and sent >= 0 but got sent "
              + sent
              + ", completed "
              + completed
              + ", errors "
              + errors);
    }
  }

  /** Length of the interval in seconds. */
  public double seconds() {
    return tEndSeconds - tStartSeconds;
  }

  /** Requests sent per second in this interval; 0 for an empty interval. */
  public double achievedRate() {
    return seconds() > 0 ? sent / seconds() : 0;
  }

  /** Share of completed requests that failed, in [0, 1]; 0 when none completed. */
  public double errorRate() {
    return completed == 0 ? 0 : (double) errors / completed;
  }

  /**
   * One interval covering both (adjacent, this one first): counts add up, the maximum is exact, and
   * each percentile is the larger of the two. Percentiles of two intervals cannot be combined
   * exactly from their summaries; the larger one is an upper bound, so a merged interval never
   * understates latency.
   */
  public LoadInterval merge(LoadInterval next) {
    return new LoadInterval(
        Math.min(tStartSeconds, next.tStartSeconds),
        Math.max(tEndSeconds, next.tEndSeconds),
        sent + next.sent,
        completed + next.completed,
        errors + next.errors,
        Math.max(p50Ms, next.p50Ms),
        Math.max(p95Ms, next.p95Ms),
        Math.max(p99Ms, next.p99Ms),
        Math.max(maxMs, next.maxMs));
  }
}
