package dev.stagegate.junit.gate;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.docker.ContainerState;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.RemoteDocker;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.RecordedHistory;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of a {@code @PostDeployWatch}: against a stack deployed elsewhere (reached by its Docker
 * host URL), check the deployment marker, run the hooks, run the method body, watch for the
 * duration with the hooks re-run periodically, then judge the evidence. Collects every failure.
 * Nothing is torn down (it is the deployed target); only the streams it opened are closed. The
 * target's containers are a {@link DeployedStack}, the marker is checked by {@link
 * DeployMarkerCheck}, the hooks run in {@link DeployHookRounds}, what changed during the watch is
 * judged by {@link WatchChanges}, and the deployment is recorded as a {@link PostDeployEntry}.
 */
public final class PostDeployRun {
  private static final Duration PENDING_DIE_WAIT = Duration.ofSeconds(2);

  private final PostDeploySpec spec;
  private final Consumer<String> progress;
  private final List<CheckResult> checks = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> inconclusive = new ArrayList<>();
  private final Redactor redactor = Redactor.defaults();
  private Throwable bodyFailure;
  private DeploymentMarker marker;
  private RemoteDocker docker;
  private StackInspector inspector;
  private EventWatch events;
  private BurnInWatch watch;
  private DeployHookRounds hooks;
  private long watchStartNanos;
  private List<TestedImage> ranImages = List.of();

  public PostDeployRun(PostDeploySpec spec, Consumer<String> progress) {
    this.spec = spec;
    this.progress = progress;
  }

  /** The exception the method body threw, if any. */
  public Throwable bodyFailure() {
    return bodyFailure;
  }

  /**
   * Runs the watch and returns what it found; a failing target is in the result, not thrown.
   *
   * @throws dev.stagegate.junit.GateConfigurationException when the Docker host is unreachable
   */
  public GateResult execute(GateRun.Body body) {
    Instant started = Instant.now();
    docker = RemoteDocker.connect(spec.dockerHost(), spec.dockerHostSource(), spec.ssh());
    EngineInfo engineInfo =
        new EngineInfo(docker.engineVersion(), docker.apiVersion(), "n/a (deployed target)");
    List<ServiceEvidence> evidence = List.of();
    BurnInEvidence watchEvidence = null;
    Map<String, ServiceRecorder> recorders = new LinkedHashMap<>();
    Map<String, ComposeService> services = new LinkedHashMap<>();
    Map<String, ContainerState> baseline = new LinkedHashMap<>();
    WatchStop stop = null;
    Duration actual = Duration.ZERO;
    try {
      inspector =
          StackInspector.byLabel(docker.client(), PostDeploySpec.PROJECT_LABEL, spec.project());
      events =
          EventWatch.byLabel(docker.client(), PostDeploySpec.PROJECT_LABEL, spec.project(), e -> {})
              .start();
      hooks = new DeployHookRounds(spec, docker.client(), inspector, checks);
      DeployedStack found = DeployedStack.list(docker.client(), spec.project());
      services.putAll(found.services());
      if (services.isEmpty()) {
        failures.add(DeployedStack.nothingDeployed(spec));
        checks.add(CheckResult.fail("target found", failures.get(0), ""));
      } else {
        checks.add(CheckResult.pass("target found", found.describe(spec), ""));
        for (ServiceContainer c : inspector.containers()) {
          baseline.put(c.service(), inspector.state(c.id()));
        }
        marker = DeployMarkerCheck.check(spec, docker.client(), inspector, checks, failures);
        ranImages =
            ApprovedImagesCheck.running(
                docker.client(),
                found.containers(),
                spec.approvedAudit().map(ApprovedImagesCheck::approvalOrNull).orElse(null));
        // without the approved audit there is nothing to compare with; the checklist says so
        if (spec.approvedAudit().isPresent()) {
          ApprovedImagesCheck images =
              ApprovedImagesCheck.of(
                  docker.client(), spec.approvedAudit().get(), found.containers());
          checks.add(images.check());
          failures.addAll(images.failures());
        }
        failures.addAll(hooks.run("hooks at start"));
        bodyFailure = GateMethod.run(body, checks);
        LogAudit audit = spec.logAudit(services.keySet());
        for (ComposeService s : services.values()) {
          recorders.put(
              s.name(),
              ServiceRecorder.builder(s.name())
                  .audit(audit)
                  .lastLines(spec.settings().logLines())
                  .build());
        }
        watch =
            new BurnInWatch(
                service -> services.containsKey(service) && services.get(service).oneShot(),
                "post-deploy watch",
                Instant.now().getEpochSecond(),
                docker.client(),
                inspector,
                events,
                spec.settings(),
                recorders,
                progress);
        progress.accept(
            "watching project \""
                + spec.project()
                + "\" on "
                + spec.dockerHost()
                + " for "
                + BurnInClock.human(spec.planned()));
        watchStartNanos = System.nanoTime();
        try {
          stop =
              watch.watch(
                  spec.planned(),
                  spec.hooksEvery(),
                  () ->
                      hooks.run(
                          "hooks after "
                              + BurnInClock.human(
                                  Duration.ofNanos(System.nanoTime() - watchStartNanos))),
                  () -> {});
          if (!stop.isCompleted()) {
            events.awaitPendingDies(PENDING_DIE_WAIT);
          }
        } finally {
          actual = watch.elapsed();
        }
        if (stop.verdict() == Verdict.FAIL) {
          failures.add(stop.reason());
        } else if (stop.verdict() == Verdict.INCONCLUSIVE) {
          inconclusive.add(stop.reason());
        }
        checks.add(watchCheck(stop, actual));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("The post-deploy watch was interrupted before it finished");
    } catch (RuntimeException e) {
      inconclusive.add("The target could not be inspected: " + e);
    } finally {
      try {
        if (watch != null) {
          EvidenceCollector collector =
              new EvidenceCollector(
                  services,
                  inspector,
                  LogAudit.defaults(),
                  spec.settings().logLines(),
                  service -> events.lastExitCode(service));
          evidence = collector.collect(recorders, watch::latestStats);
          WatchChanges.judge(evidence, baseline, events, checks, failures);
        }
      } catch (RuntimeException e) {
        inconclusive.add("Could not collect evidence from the target: " + e);
      }
      watchEvidence =
          new BurnInEvidence(
              spec.requested(),
              spec.planned(),
              actual,
              stop == null ? Instant.now() : stop.detectedAt(),
              stop == null ? "did not start" : stop.reason(),
              events == null ? List.of() : events.events(),
              events == null ? 0 : events.dropped(),
              List.of());
      close();
    }
    List<String> all = new ArrayList<>(failures);
    if (bodyFailure != null) {
      all.add(GateMethod.failed(bodyFailure));
    }
    GateVerdict decided = GateVerdict.of(all, inconclusive, watchEvidence.shortfall());
    return ReportRedaction.redact(
        GateResult.builder(spec.id(), GateKind.POST_DEPLOY_WATCH)
            .displayName(spec.displayName())
            .verdict(decided.verdict())
            .startedAt(started)
            .duration(Duration.between(started, Instant.now()))
            .composeFile(spec.dockerHost())
            .project(spec.project())
            .engine(engineInfo)
            .checks(checks)
            .services(evidence)
            .failures(decided.reasons())
            .burnIn(watchEvidence)
            .build(),
        redactor);
  }

  /** The watch's own check: watched the whole duration, or why it stopped. */
  private static CheckResult watchCheck(WatchStop stop, Duration actual) {
    return new CheckResult(
        CheckName.WATCH.id(),
        stop.verdict() == Verdict.PASS
            ? CheckStatus.PASS
            : stop.verdict() == Verdict.FAIL ? CheckStatus.FAIL : CheckStatus.SKIPPED,
        stop.isCompleted()
            ? "watched " + BurnInClock.human(actual) + " without a failure"
            : stop.reason(),
        "");
  }

  /**
   * This watch as a deployment: SUCCESS when it passed, else FAILED, with the hooks and the
   * marker's version and commit. Every text field is masked as the audit is, so the seed block the
   * deploy record shows and the one {@code deployments.log} gets are the same and hold no secret.
   *
   * @param auditJson the audit that now holds the result, whose SHA-256 the entry keeps
   */
  public DeploymentEntry deploymentEntry(GateResult result, Path auditJson) throws IOException {
    return new PostDeployEntry(
            spec, marker, hooks == null ? List.of() : hooks.summaries(), ranImages, redactor)
        .of(result, auditJson);
  }

  /**
   * Records the deployment in the JSON Lines log and, as configured ({@code stagegate.history.*}),
   * the text log, the {@code deployment_history} table and the release tag. The logs are written
   * first, so a database that is down loses nothing.
   *
   * @throws IOException when the tag cannot be made
   * @throws RuntimeException when the table or a log cannot be written, or the tag names another
   *     commit
   */
  public RecordedHistory recordDeployment(DeploymentEntry entry) throws IOException {
    return spec.history().record(entry, Path.of("").toAbsolutePath());
  }

  private void close() {
    if (events != null) {
      events.close();
    }
    if (docker != null) {
      docker.close();
    }
  }
}
