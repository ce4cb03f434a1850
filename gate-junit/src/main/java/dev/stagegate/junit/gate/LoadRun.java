package dev.stagegate.junit.gate;

import dev.stagegate.assertions.load.LoadJudge;
import dev.stagegate.assertions.trend.LatencyTrendJudge;
import dev.stagegate.assertions.trend.LatencyTrendVerdict;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.load.LoadGenerator;
import dev.stagegate.junit.load.LoadSummary;
import dev.stagegate.junit.load.LoadTarget;
import dev.stagegate.report.load.LoadEvidence;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @Load}s of a burn-in: one {@link LoadGenerator} per annotation, started when the watch
 * starts and stopped when it ends, then judged (error rate, p99 ceiling, latency creep) into the
 * audit's evidence.
 */
final class LoadRun implements AutoCloseable {
  private final List<LoadSpec> specs = new ArrayList<>();
  private final List<LoadGenerator> generators = new ArrayList<>();
  private final List<LoadSummary> summaries = new ArrayList<>();
  private final List<String> notStarted = new ArrayList<>();

  private LoadRun() {}

  /** Starts a generator for every spec against the stack's published ports. */
  static LoadRun start(List<LoadSpec> loads, GateStack stack) {
    LoadRun run = new LoadRun();
    for (LoadSpec spec : loads) {
      URI uri;
      try {
        uri = stack.uri(spec.service(), spec.port(), spec.path());
      } catch (AssertionError | RuntimeException e) {
        run.notStarted.add(
            "Could not put load " + spec.name() + " on the stack: " + e.getMessage());
        continue;
      }
      LoadTarget target =
          new LoadTarget(
              spec.method(), uri, spec.body(), spec.headers(), spec.status(), spec.timeout());
      run.specs.add(spec);
      run.generators.add(new LoadGenerator(target, spec.rate(), spec.interval()).start());
    }
    return run;
  }

  /**
   * Stops every generator (waiting for requests in flight); idempotent. Interrupted, it keeps the
   * thread's interrupt and stops the rest without waiting.
   */
  void stop() {
    if (!summaries.isEmpty() || generators.isEmpty()) {
      return;
    }
    for (LoadGenerator g : generators) {
      try {
        summaries.add(g.stop());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        summaries.add(null); // keeps summaries aligned with specs
        g.close();
      }
    }
  }

  /**
   * The evidence of every load, judged: a sentence per problem goes to {@code failures} or {@code
   * inconclusive}. A trend over a cut watch proves nothing, so with {@code completed} false only
   * the error rate and the ceiling are judged.
   */
  List<LoadEvidence> judge(
      boolean completed,
      Duration trendMinimumSpan,
      List<String> failures,
      List<String> inconclusive) {
    failures.addAll(notStarted);
    List<LoadEvidence> out = new ArrayList<>();
    LatencyTrendJudge trendJudge = LatencyTrendJudge.defaults().withMinimumSpan(trendMinimumSpan);
    for (int i = 0; i < summaries.size(); i++) {
      LoadSpec spec = specs.get(i);
      LoadSummary s = summaries.get(i);
      if (s == null) {
        inconclusive.add("The load " + spec.name() + " was interrupted before it was summarised");
        continue;
      }
      LatencyTrendVerdict trend = LoadJudge.latencyTrend(s.intervals(), spec.name(), trendJudge);
      LoadEvidence e =
          new LoadEvidence(
              spec.service(),
              spec.name(),
              spec.rate(),
              s.achievedRate(),
              s.sent(),
              s.completed(),
              s.errors(),
              s.errorKinds(),
              s.p50Ms(),
              s.p95Ms(),
              s.p99Ms(),
              s.maxMs(),
              spec.maxErrorRate(),
              spec.p99Ceiling().map(d -> d.toNanos() / 1e6).orElse(0.0),
              completed ? trend.word() : "inconclusive",
              completed ? trend.evidence() : "not judged: the watch did not run its course",
              s.intervals());
      out.add(e);
      if (completed) {
        failures.addAll(LoadJudge.failures(e));
        inconclusive.addAll(LoadJudge.inconclusive(e));
      } else {
        // errors and the ceiling are facts whatever cut the watch short
        LoadJudge.failures(e).stream().filter(f -> !f.contains("crept")).forEach(failures::add);
      }
    }
    return out;
  }

  /** The summaries of the stopped generators, in annotation order ({@code null}: interrupted). */
  List<LoadSummary> summaries() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(summaries));
  }

  @Override
  public void close() {
    generators.forEach(LoadGenerator::close);
  }
}
