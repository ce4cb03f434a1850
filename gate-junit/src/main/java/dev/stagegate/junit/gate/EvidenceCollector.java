package dev.stagegate.junit.gate;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.assertions.logs.LogScanner;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.docker.ContainerState;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StatsSnapshot;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Captures, before teardown, what the gate needs of each service: inspect state, the whole log
 * through the log audit (keeping only the last lines), and one {@code docker stats} snapshot.
 */
final class EvidenceCollector {
  /** Findings kept per service; beyond it they are only counted. */
  static final int FINDINGS_KEPT = 100;

  private static final Duration LOG_READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STATS_TIMEOUT = Duration.ofSeconds(5);

  private final Map<String, ComposeService> services;
  private final StackInspector inspector;
  private final LogAudit audit;
  private final int lastLines;
  private final Function<String, Optional<Integer>> lastExitFromEvents;

  /**
   * @param lastExitFromEvents the exit code of a service's last {@code die} event: inspect reads 0
   *     again once a restarted container runs, so the event is the truth about the last exit
   */
  EvidenceCollector(
      ComposeFile compose,
      StackInspector inspector,
      LogAudit audit,
      int lastLines,
      Function<String, Optional<Integer>> lastExitFromEvents) {
    this(compose.services(), inspector, audit, lastLines, lastExitFromEvents);
  }

  /** As above, for a stack known by its services rather than a compose file (a deployed target). */
  EvidenceCollector(
      Map<String, ComposeService> services,
      StackInspector inspector,
      LogAudit audit,
      int lastLines,
      Function<String, Optional<Integer>> lastExitFromEvents) {
    this.services = new java.util.LinkedHashMap<>(services); // keeps the compose order
    this.inspector = inspector;
    this.audit = audit;
    this.lastLines = lastLines;
    this.lastExitFromEvents = lastExitFromEvents;
  }

  private final Map<String, CompletableFuture<Optional<StatsSnapshot>>> stats = new HashMap<>();

  /**
   * Starts the stats readings of every container now. A reading takes the engine about a second (it
   * needs two CPU samples), so the gate asks for all at once, while it settles.
   */
  EvidenceCollector prefetchStats() {
    for (ServiceContainer c : inspector.containers()) {
      stats.computeIfAbsent(
          c.id(), id -> CompletableFuture.supplyAsync(() -> inspector.stats(id, STATS_TIMEOUT)));
    }
    return this;
  }

  List<ServiceEvidence> collect() {
    prefetchStats();
    List<ServiceContainer> containers = inspector.containers();
    List<ServiceEvidence> evidence = new ArrayList<>();
    for (ComposeService service : services.values()) {
      Optional<ServiceContainer> c =
          containers.stream().filter(x -> x.service().equals(service.name())).findFirst();
      evidence.add(
          c.map(container -> collect(service, container, stats.get(container.id()).join()))
              .orElseGet(() -> missing(service)));
    }
    return evidence;
  }

  private ServiceEvidence collect(
      ComposeService service, ServiceContainer container, Optional<StatsSnapshot> reading) {
    ContainerState state = inspector.state(container.id());
    StatsSnapshot stats = state.running() ? reading.orElse(null) : null;
    LogScanner scanner = audit.scanner(service.name());
    ArrayDeque<String> tail = new ArrayDeque<>(lastLines);
    List<LogFinding> findings = new ArrayList<>();
    long[] totals = new long[2]; // [lines, findings]
    inspector.readLog(
        container.id(),
        LOG_READ_TIMEOUT,
        line -> {
          totals[0]++;
          if (tail.size() == lastLines) {
            tail.removeFirst();
          }
          tail.addLast(line);
          keep(scanner.accept(line), findings, totals);
        });
    keep(scanner.finish(), findings, totals);
    return new ServiceEvidence(
        service.name(),
        container.name(),
        service.oneShot(),
        state.status(),
        state.health(),
        state.restartCount(),
        lastExitFromEvents.apply(service.name()).orElse(state.exitCode()),
        state.oomKilled(),
        state.healthLog(),
        stats,
        findings,
        totals[1],
        List.copyOf(tail),
        totals[0]);
  }

  /**
   * Evidence of a burn-in: the logs were followed live into the recorders, so they are not read
   * again; the stats snapshot is the watch's latest reading.
   */
  List<ServiceEvidence> collect(
      Map<String, ServiceRecorder> recorders,
      Function<String, Optional<StatsSnapshot>> latestStats) {
    List<ServiceContainer> containers;
    try {
      containers = inspector.containers();
    } catch (RuntimeException e) {
      containers = null; // the engine is gone: keep what the recorders hold
    }
    List<ServiceEvidence> evidence = new ArrayList<>();
    for (ComposeService service : services.values()) {
      ServiceRecorder r = recorders.get(service.name());
      if (r == null) {
        evidence.add(missing(service));
        continue;
      }
      r.finish();
      Optional<ServiceContainer> c =
          containers == null
              ? Optional.empty()
              : containers.stream().filter(x -> x.service().equals(service.name())).findFirst();
      if (containers != null && c.isEmpty()) {
        evidence.add(missing(service));
        continue;
      }
      ContainerState state = c.isPresent() ? stateOrUnknown(c.get().id()) : UNKNOWN;
      evidence.add(
          new ServiceEvidence(
              service.name(),
              c.map(ServiceContainer::name).orElse(""),
              service.oneShot(),
              state.status(),
              state.health(),
              state.restartCount(),
              lastExitFromEvents.apply(service.name()).orElse(state.exitCode()),
              state.oomKilled(),
              state.healthLog(),
              state.running() ? latestStats.apply(service.name()).orElse(null) : null,
              r.findings(),
              r.findingsTotal(),
              r.lastLines(),
              r.linesSeen()));
    }
    return evidence;
  }

  /** What a container's state reads when the engine cannot be asked. */
  private static final ContainerState UNKNOWN =
      new ContainerState("unknown", "unknown", 0, null, false, List.of());

  private ContainerState stateOrUnknown(String containerId) {
    try {
      return inspector.state(containerId);
    } catch (RuntimeException e) {
      return UNKNOWN;
    }
  }

  private static ServiceEvidence missing(ComposeService service) {
    return new ServiceEvidence(
        service.name(),
        "",
        service.oneShot(),
        "missing",
        "none",
        0,
        null,
        false,
        List.of(),
        null,
        List.of(),
        0,
        List.of(),
        0);
  }

  private static void keep(List<LogFinding> found, List<LogFinding> kept, long[] totals) {
    for (LogFinding f : found) {
      totals[1]++;
      if (kept.size() < FINDINGS_KEPT) {
        kept.add(f);
      }
    }
  }
}
