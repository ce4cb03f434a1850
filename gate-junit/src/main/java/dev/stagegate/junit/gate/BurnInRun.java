package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.trend.CpuTrendJudge;
import dev.stagegate.assertions.trend.CpuTrendVerdict;
import dev.stagegate.assertions.trend.LeakVerdict;
import dev.stagegate.assertions.trend.MemoryLeakJudge;
import dev.stagegate.assertions.trend.ShouldShowNoLeak;
import dev.stagegate.assertions.trend.ShouldShowNoUpwardTrend;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceTrend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The burn-in part of a gate: records every service into bounded memory while {@link BurnInWatch}
 * watches, then judges memory and CPU trends and summarises the run for the audit.
 */
final class BurnInRun {
  /** Points per chart series in the audit: enough for a readable chart, bounded for any run. */
  private static final int REPORT_BUCKETS = 120;

  /**
   * Said of a service whose memory could only be judged as {@code docker stats} shows it: the
   * judges normally see anonymous memory alone (see {@code StatsReading.anonymous}).
   */
  static final String PAGE_CACHE_INCLUDED =
      "(Judged on docker stats memory, active page cache included: the engine reported no"
          + " anonymous memory.)";

  /** A kill or OOM event comes some milliseconds before its die: wait that long at most. */
  private static final Duration PENDING_DIE_WAIT = Duration.ofSeconds(2);

  private final GateSpec spec;
  private final EventWatch events;
  private final Map<String, ServiceRecorder> recorders = new LinkedHashMap<>();
  private final BurnInWatch watch;
  private BurnInPlan plan;
  private WatchStop stop;
  private Duration actual = Duration.ZERO;
  private Instant endedAt;
  private EngineInterruption interruption;

  BurnInRun(
      GateSpec spec,
      DockerClient client,
      StackInspector inspector,
      EventWatch events,
      Consumer<String> progress) {
    this.spec = spec;
    this.events = events;
    for (String service : spec.compose().services().keySet()) {
      recorders.put(
          service,
          ServiceRecorder.builder(service)
              .audit(spec.logAudit())
              .lastLines(spec.settings().logLines())
              .build());
    }
    this.watch =
        new BurnInWatch(
            spec.compose(), client, inspector, events, spec.settings(), recorders, progress);
  }

  /** Watches for the planned duration; returns why the watch ended. */
  WatchStop run(BurnInPlan plan, Supplier<List<String>> smoke, Runnable checkpoint)
      throws InterruptedException {
    this.plan = plan;
    try {
      stop =
          watch.watch(
              plan.planned(), plan.smokeEvery(), plan.watchAfterFailure(), smoke, checkpoint);
      if (!stop.isCompleted()) {
        events.awaitPendingDies(PENDING_DIE_WAIT);
      }
    } finally {
      actual = watch.elapsed();
      endedAt = Instant.now();
    }
    return stop;
  }

  /**
   * The engine's interruption of the watch, as completed once the gate waited for the engine
   * (whether and when it came back); empty when the engine did not go away.
   */
  Optional<EngineInterruption> engineInterruption() {
    if (interruption == null && stop != null) {
      return stop.engineInterruption();
    }
    return Optional.ofNullable(interruption);
  }

  /** Records the interruption as completed after waiting for the engine. */
  void engineInterruption(EngineInterruption completed) {
    this.interruption = completed;
  }

  /** Each service's log lines seen when the engine's trouble began (empty: no trouble). */
  Map<String, Long> linesAtEngineTrouble() {
    return watch.linesAtEngineTrouble();
  }

  /** Whether the watch ran its course (no failure, no break). */
  boolean completed() {
    return stop != null && stop.isCompleted();
  }

  /** The services' evidence from the recorders (logs followed live) and the last stats. */
  List<ServiceEvidence> evidence(EvidenceCollector collector) {
    return collector.collect(recorders, watch::latestStats);
  }

  /**
   * Judges memory and CPU trends of every long-running service (adding a sentence to {@code
   * failures} for a leak or an upward CPU trend, to {@code inconclusive} for an undecided one when
   * the watch ran its course) and summarises the run.
   */
  BurnInEvidence summarise(List<String> failures, List<String> inconclusive) {
    boolean completed = stop != null && stop.isCompleted();
    MemoryLeakJudge leakJudge =
        MemoryLeakJudge.defaults().withMinimumSpan(spec.settings().trendMinimumSpan());
    CpuTrendJudge cpuJudge =
        CpuTrendJudge.defaults().withMinimumSpan(spec.settings().trendMinimumSpan());
    List<ServiceTrend> trends = new ArrayList<>();
    for (ServiceRecorder r : recorders.values()) {
      if (spec.compose().service(r.service()).map(ComposeService::oneShot).orElse(true)) {
        continue;
      }
      LeakVerdict leak = r.leakVerdict(leakJudge);
      CpuTrendVerdict cpu = r.cpuVerdict(cpuJudge);
      String memoryEvidence =
          watch.memoryWithPageCache().contains(r.service())
              ? leak.evidence() + " " + PAGE_CACHE_INCLUDED
              : leak.evidence();
      trends.add(
          new ServiceTrend(
              r.service(),
              leak.word(),
              finite(leak.slopeMibPerHour()),
              finite(leak.baselineMib()),
              memoryEvidence,
              cpu.word(),
              finite(cpu.slopePointsPerHour()),
              cpu.evidence(),
              leak.significance(),
              leak.observed(),
              leak.minimumSpan(),
              BoundedHistory.downsample(r.memoryHistory(), REPORT_BUCKETS),
              BoundedHistory.downsample(r.cpuHistory(), REPORT_BUCKETS)));
      if (!completed) {
        continue; // the watch already failed or broke; a trend over a cut run proves nothing
      }
      if ((leak.kind() == LeakVerdict.Kind.NOT_JUDGED
              || cpu.kind() == CpuTrendVerdict.Kind.NOT_JUDGED)
          && plan != null
          && !plan.shortened()) {
        // A shortened run is PASS_SHORTENED for being short, not INCONCLUSIVE: its trends say
        // "not judged" with the reason. A full-length run too short to judge asks for what the
        // gate can never give, and must not pass for it.
        inconclusive.add(
            "Trends of service \""
                + r.service()
                + "\" were not judged: the burn-in requested "
                + BurnInEvidence.human(plan.requested())
                + ", less than stagegate.trend.min-span ("
                + BurnInEvidence.human(spec.settings().trendMinimumSpan())
                + "); request a longer burn-in or lower the minimum span");
      }
      // each trend on its own: one that was not judged never hides the other's verdict
      if (leak.kind() == LeakVerdict.Kind.LEAK) {
        failures.add(
            ShouldShowNoLeak.shouldShowNoLeak(
                "memory of service \"" + r.service() + "\"",
                leak.slopeMibPerHour(),
                memoryEvidence));
      } else if (leak.kind() == LeakVerdict.Kind.INCONCLUSIVE) {
        inconclusive.add(
            "Memory trend of service \"" + r.service() + "\" is inconclusive: " + memoryEvidence);
      }
      if (cpu.kind() == CpuTrendVerdict.Kind.TREND) {
        failures.add(
            ShouldShowNoUpwardTrend.shouldShowNoUpwardTrend(
                "CPU of service \"" + r.service() + "\"",
                cpu.slopePointsPerHour(),
                cpu.evidence()));
      } else if (cpu.kind() == CpuTrendVerdict.Kind.INCONCLUSIVE) {
        inconclusive.add(
            "CPU trend of service \"" + r.service() + "\" is inconclusive: " + cpu.evidence());
      }
    }
    return new BurnInEvidence(
            plan == null ? Duration.ZERO : plan.requested(),
            plan == null ? Duration.ZERO : plan.planned(),
            actual,
            stop != null ? stop.detectedAt() : endedAt == null ? Instant.now() : endedAt,
            stop == null ? "did not start" : stop.ending(),
            events.events(),
            events.dropped(),
            trends)
        .withEngineInterruption(engineInterruption().orElse(null));
  }

  /** What the run has seen so far, unjudged: for the evidence journal while it still runs. */
  BurnInEvidence snapshot() {
    List<ServiceTrend> trends = new ArrayList<>();
    for (ServiceRecorder r : recorders.values()) {
      if (spec.compose().service(r.service()).map(ComposeService::oneShot).orElse(true)) {
        continue;
      }
      trends.add(
          new ServiceTrend(
              r.service(),
              "inconclusive",
              0,
              0,
              "not judged: the run had not finished",
              "inconclusive",
              0,
              "not judged: the run had not finished",
              0,
              null,
              null,
              BoundedHistory.downsample(r.memoryHistory(), REPORT_BUCKETS),
              BoundedHistory.downsample(r.cpuHistory(), REPORT_BUCKETS)));
    }
    return new BurnInEvidence(
        plan == null ? Duration.ZERO : plan.requested(),
        plan == null ? Duration.ZERO : plan.planned(),
        watch.elapsed(),
        Instant.now(),
        "cut off while running",
        events.events(),
        events.dropped(),
        trends);
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }
}
