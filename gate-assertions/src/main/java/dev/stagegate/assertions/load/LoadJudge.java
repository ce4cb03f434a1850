package dev.stagegate.assertions.load;

import dev.stagegate.assertions.trend.LatencyTrendJudge;
import dev.stagegate.assertions.trend.LatencyTrendVerdict;
import dev.stagegate.assertions.trend.Metric;
import dev.stagegate.assertions.trend.Series;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Holds a run under load to its limits: the error rate and the p99 over the run, and no latency
 * creep. Every problem is a sentence with the evidence.
 *
 * <pre>{@code
 * LatencyTrendVerdict trend = LoadJudge.latencyTrend(intervals, "api", LatencyTrendJudge.defaults());
 * List<String> failures = LoadJudge.failures(evidence);
 * List<String> undecided = LoadJudge.inconclusive(evidence);
 * }</pre>
 */
public final class LoadJudge {
  /** A generator that sent less than this share of the requested rate did not load as asked. */
  public static final double MIN_RATE_SHARE = 0.95;

  private LoadJudge() {}

  /**
   * The latency trend of a run: {@code judge} on the median latency of every interval in which
   * requests completed, each interval one aggregated point at its middle.
   *
   * <p>The median, not a tail percentile: at 20 requests/s a 2 s interval's p95 is its
   * second-slowest request, so one slow neighbour moves it; the median of each interval follows the
   * typical request and creeps when the service does. The tail is held to the p99 ceiling and,
   * against a baseline, compared whole. A last interval shorter than half the others (the run
   * stopped in it) is left out: its few requests are not a level.
   */
  public static LatencyTrendVerdict latencyTrend(
      List<LoadInterval> intervals, String label, LatencyTrendJudge judge) {
    double typical = intervals.isEmpty() ? 0 : intervals.get(0).seconds();
    List<HistoryBucket> points = new ArrayList<>();
    for (int k = 0; k < intervals.size(); k++) {
      LoadInterval i = intervals.get(k);
      boolean partialTail = k > 0 && k == intervals.size() - 1 && i.seconds() < typical / 2;
      if (i.completed() > 0 && !partialTail) {
        points.add(
            new HistoryBucket(
                i.tStartSeconds(),
                i.tEndSeconds(),
                i.completed(),
                i.p50Ms(),
                i.p50Ms(),
                i.p50Ms()));
      }
    }
    Series p50 =
        Series.fromHistory(Metric.LATENCY_MS, points, HistoryBucket::mean).withLabel(label);
    return judge.judge(p50);
  }

  /** What fails the gate: too many errors, p99 over the ceiling, latency creep. */
  public static List<String> failures(LoadEvidence l) {
    List<String> out = new ArrayList<>();
    if (l.completed() > 0 && l.errorRate() > l.maxErrorRate()) {
      out.add(
          String.format(
              Locale.ROOT,
              "Expecting at most %.2f %% of %s to fail under load but %.2f %% did (%d of %d"
                  + " requests%s)",
              100 * l.maxErrorRate(),
              l.target(),
              100 * l.errorRate(),
              l.errors(),
              l.completed(),
              kinds(l.errorKinds())));
    }
    if (l.p99CeilingMs() > 0 && l.completed() > 0 && l.p99Ms() > l.p99CeilingMs()) {
      out.add(
          String.format(
              Locale.ROOT,
              "Expecting p99 latency of %s to be at most %.1f ms under %s requests/s but it was"
                  + " %.1f ms (p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d requests)",
              l.target(),
              l.p99CeilingMs(),
              number(l.requestedRate()),
              l.p99Ms(),
              l.p50Ms(),
              l.p95Ms(),
              l.maxMs(),
              l.completed()));
    }
    if (l.latencyVerdict().equals("creep")) {
      out.add(
          "Expecting latency of "
              + l.target()
              + " to show no upward trend under load but it crept: "
              + l.latencyEvidence());
    }
    return out;
  }

  /**
   * What keeps the gate from passing without failing it: an undecided trend, a load not applied.
   */
  public static List<String> inconclusive(LoadEvidence l) {
    List<String> out = new ArrayList<>();
    if (l.completed() == 0) {
      out.add("No request of " + l.target() + " completed: the load says nothing about the stack");
    }
    if (l.achievedRate() < MIN_RATE_SHARE * l.requestedRate()) {
      out.add(
          String.format(
              Locale.ROOT,
              "The load generator sent %.2f requests/s to %s, less than %.0f %% of the %s"
                  + " requested: the stack ran under less load than asked",
              l.achievedRate(),
              l.target(),
              100 * MIN_RATE_SHARE,
              number(l.requestedRate())));
    }
    if (l.latencyVerdict().equals("inconclusive")) {
      out.add("Latency trend of " + l.target() + " is inconclusive: " + l.latencyEvidence());
    }
    return out;
  }

  private static String kinds(Map<String, Long> kinds) {
    StringBuilder sb = new StringBuilder();
    kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                sb.append(sb.length() == 0 ? ": " : ", ")
                    .append(e.getKey())
                    .append(" × ")
                    .append(e.getValue()));
    return sb.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
