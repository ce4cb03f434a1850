package dev.stagegate.junit.gate;

import com.github.dockerjava.api.model.Container;
import dev.stagegate.assertions.ServiceJudge;
import dev.stagegate.assertions.deploy.CommandResult;
import dev.stagegate.assertions.deploy.HookReport;
import dev.stagegate.assertions.deploy.HookResult;
import dev.stagegate.assertions.deploy.HookRunner;
import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.docker.ContainerState;
import dev.stagegate.junit.docker.DockerExec;
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
import dev.stagegate.report.ReportRedaction;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.AuditDigest;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.HookResultSummary;
import dev.stagegate.report.deploy.MarkerCheck;
import dev.stagegate.report.deploy.MarkerFactory;
import dev.stagegate.report.deploy.Outcome;
import dev.stagegate.report.deploy.RecordedHistory;
import dev.stagegate.report.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of a {@code @PostDeployWatch}: against a stack deployed elsewhere (reached by its Docker
 * host URL), check the deployment marker, run the hooks, run the method body, watch for the
 * duration with the hooks re-run periodically, then judge the evidence. Collects every failure.
 * Nothing is torn down (it is the deployed target); only the streams it opened are closed.
 */
public final class PostDeployRun {
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PENDING_DIE_WAIT = Duration.ofSeconds(2);
  private static final int NOTE_CHARS = 2000;
  private static final String DEPENDS_ON_LABEL = "com.docker.compose.depends_on";
  private static final String CONFIG_FILES_LABEL = "com.docker.compose.project.config_files";

  private final PostDeploySpec spec;
  private final Consumer<String> progress;
  private final List<CheckResult> checks = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> inconclusive = new ArrayList<>();
  private final List<HookResultSummary> hookSummaries = new ArrayList<>();
  private final Redactor redactor = Redactor.defaults();
  private Throwable bodyFailure;
  private DeploymentMarker marker;
  private RemoteDocker docker;
  private StackInspector inspector;
  private EventWatch events;
  private BurnInWatch watch;
  private long watchStartNanos;
  private List<dev.stagegate.report.TestedImage> ranImages = List.of();

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
      List<Container> found =
          docker
              .client()
              .listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(Map.of(PostDeploySpec.PROJECT_LABEL, spec.project()))
              .exec();
      found = new ArrayList<>(found);
      found.sort(
          java.util.Comparator.comparing(
              (Container c) -> c.getLabels().getOrDefault("com.docker.compose.service", "?")));
      Set<String> completionTargets = completionTargets(found);
      for (Container c : found) {
        String service = c.getLabels().getOrDefault("com.docker.compose.service", "?");
        boolean oneShot =
            "true".equalsIgnoreCase(c.getLabels().get(ComposeFile.ONE_SHOT_LABEL))
                || "True".equals(c.getLabels().get("com.docker.compose.oneoff"))
                || completionTargets.contains(service)
                || finishedWithoutRestart(c);
        services.put(service, new ComposeService(service, false, false, oneShot, Set.of()));
      }
      if (services.isEmpty()) {
        failures.add(
            "No container on "
                + spec.dockerHost()
                + " carries the label "
                + PostDeploySpec.PROJECT_LABEL
                + "="
                + spec.project()
                + ": nothing of project \""
                + spec.project()
                + "\" is deployed there");
        checks.add(CheckResult.fail("target found", failures.get(0), ""));
      } else {
        checks.add(
            CheckResult.pass(
                "target found",
                "project \""
                    + spec.project()
                    + "\" on "
                    + spec.dockerHost()
                    + ": "
                    + String.join(", ", services.keySet())
                    + composeFiles(found),
                ""));
        for (ServiceContainer c : inspector.containers()) {
          baseline.put(c.service(), inspector.state(c.id()));
        }
        checkMarker();
        ranImages =
            ApprovedImagesCheck.running(
                docker.client(),
                found,
                spec.approvedAudit().map(ApprovedImagesCheck::approvalOrNull).orElse(null));
        // without the approved audit there is nothing to compare with; the checklist says so
        if (spec.approvedAudit().isPresent()) {
          ApprovedImagesCheck images =
              ApprovedImagesCheck.of(docker.client(), spec.approvedAudit().get(), found);
          checks.add(images.check());
          failures.addAll(images.failures());
        }
        List<String> hookFailures = runHooks("hooks at start");
        failures.addAll(hookFailures);
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
                      runHooks(
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
        checks.add(
            new CheckResult(
                CheckName.WATCH.id(),
                stop.verdict() == Verdict.PASS
                    ? CheckStatus.PASS
                    : stop.verdict() == Verdict.FAIL ? CheckStatus.FAIL : CheckStatus.SKIPPED,
                stop.isCompleted()
                    ? "watched " + BurnInClock.human(actual) + " without a failure"
                    : stop.reason(),
                ""));
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
          judge(evidence, baseline);
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
        new GateResult(
            spec.id(),
            spec.displayName(),
            GateKind.POST_DEPLOY_WATCH,
            decided.verdict(),
            started,
            Duration.between(started, Instant.now()),
            spec.dockerHost(),
            spec.project(),
            engineInfo,
            checks,
            evidence,
            decided.reasons(),
            watchEvidence),
        redactor);
  }

  /**
   * This watch as a deployment: SUCCESS when it passed, else FAILED, with the hooks and the
   * marker's version and commit. Every text field is masked as the audit is, so the seed block the
   * deploy record shows and the one {@code deployments.log} gets are the same and hold no secret.
   *
   * @param auditJson the audit that now holds the result, whose SHA-256 the entry keeps
   */
  public DeploymentEntry deploymentEntry(GateResult result, Path auditJson) throws IOException {
    String version = marker != null ? marker.version() : spec.version().orElse("unknown");
    String commit = marker != null ? marker.commit() : expectedOrHead();
    String environment =
        marker != null
            ? marker.environment()
            : spec.environment().isBlank() ? "unknown" : spec.environment();
    String deployedBy =
        marker != null ? marker.deployedBy() : MarkerFactory.defaultDeployedBy(System.getenv());
    String note =
        result.verdict().nothingFailed()
            ? "post-deploy watch " + result.verdictText()
            : "post-deploy watch "
                + result.verdictText()
                + ": "
                + String.join("; ", result.failures());
    if (note.length() > NOTE_CHARS) {
      note = note.substring(0, NOTE_CHARS) + "…";
    }
    return new DeploymentEntry(
        Instant.now(),
        redactor.redact(version),
        commit,
        redactor.redact(environment),
        redactor.redact(deployedBy),
        result.verdict().nothingFailed() ? Outcome.SUCCESS : Outcome.FAILED,
        result.duration(),
        hookSummaries.stream()
            .map(
                h ->
                    new HookResultSummary(
                        h.name(), h.status(), h.took(), redactor.redact(h.detail())))
            .toList(),
        Files.isRegularFile(auditJson) ? AuditDigest.sha256(auditJson) : null,
        redactor.redact(note),
        ranImages);
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

  /**
   * An exited container that compose would not restart: a job that ran (Compose v2 sets the restart
   * policy {@code no} on every service without {@code restart:}, so a running container with that
   * policy is a long-running service, not a job).
   */
  private boolean finishedWithoutRestart(Container c) {
    if (!"exited".equals(c.getState())) {
      return false;
    }
    var policy =
        docker.client().inspectContainerCmd(c.getId()).exec().getHostConfig().getRestartPolicy();
    return policy == null
        || policy.getName() == null
        || policy.getName().isEmpty()
        || "no".equals(policy.getName());
  }

  /**
   * The services another container waits for with {@code condition:
   * service_completed_successfully}: one-shot jobs such as {@code migrate}. The target's compose
   * file is not at hand, but Compose v2 writes each container's {@code depends_on} into its {@code
   * com.docker.compose.depends_on} label ({@code migrate:service_completed_successfully:false,…}).
   * The restart policy alone tells little: v2 sets {@code no} on every service without {@code
   * restart:}, which made every deployed service look like a job.
   */
  static Set<String> completionTargets(List<Container> containers) {
    Set<String> targets = new java.util.TreeSet<>();
    for (Container c : containers) {
      String dependsOn = c.getLabels() == null ? null : c.getLabels().get(DEPENDS_ON_LABEL);
      if (dependsOn == null || dependsOn.isBlank()) {
        continue;
      }
      for (String dependency : dependsOn.split(",")) {
        String[] parts = dependency.strip().split(":");
        if (parts.length >= 2 && parts[1].equals("service_completed_successfully")) {
          targets.add(parts[0]);
        }
      }
    }
    return targets;
  }

  /**
   * {@code ; compose files: /srv/app/docker-compose.yml}, as Compose v2 labels the containers it
   * made ({@code com.docker.compose.project.config_files}); nothing when no container says.
   */
  static String composeFiles(List<Container> containers) {
    Set<String> files = new java.util.TreeSet<>();
    for (Container c : containers) {
      String value = c.getLabels() == null ? null : c.getLabels().get(CONFIG_FILES_LABEL);
      if (value != null && !value.isBlank()) {
        for (String f : value.split(",")) {
          if (!f.isBlank()) {
            files.add(f.strip());
          }
        }
      }
    }
    return files.isEmpty() ? "" : "; compose files: " + String.join(", ", files);
  }

  /** Without a marker, the log names the commit the gate expected (or HEAD). */
  private String expectedOrHead() {
    if (!spec.expectedCommit().isBlank()) {
      return spec.expectedCommit();
    }
    try {
      return MarkerFactory.headCommit(Path.of("").toAbsolutePath());
    } catch (IOException e) {
      return "0000000"; // no repository: the entry still needs a commit; the note explains
    }
  }

  private void checkMarker() throws InterruptedException {
    if (spec.markerService().isBlank()) {
      checks.add(
          new CheckResult(
              CheckName.DEPLOYMENT_MARKER.id(), CheckStatus.SKIPPED, "no markerService given", ""));
      return;
    }
    MarkerCheck check = MarkerCheck.expecting().commit(spec.expectedCommit());
    if (!spec.environment().isBlank()) {
      check = check.environment(spec.environment());
    }
    if (spec.version().isPresent()) {
      check = check.version(spec.version().get());
    }
    Optional<ServiceContainer> container = inspector.container(spec.markerService());
    List<String> problems;
    String raw = "";
    if (container.isEmpty()) {
      problems =
          List.of(
              "no container of service \""
                  + spec.markerService()
                  + "\" in project \""
                  + spec.project()
                  + "\" to read the deployment marker from");
    } else {
      Optional<String> json;
      try {
        CommandResult r =
            DockerExec.run(
                docker.client(), container.get().id(), EXEC_TIMEOUT, "cat", DeploymentMarker.PATH);
        json = r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
        raw = r.exitCode() == 0 ? r.stdout() : r.stderr();
      } catch (IOException | RuntimeException e) {
        json = Optional.empty();
        raw = e.toString();
      }
      problems = check.problems(json, spec.markerService());
      if (json.isPresent()) {
        try {
          marker = DeploymentMarker.parse(json.get(), DeploymentMarker.PATH);
        } catch (RuntimeException e) {
          marker = null; // malformed: the problems say so
        }
      }
    }
    if (problems.isEmpty()) {
      checks.add(
          CheckResult.pass(
              CheckName.DEPLOYMENT_MARKER.id(),
              "service \""
                  + spec.markerService()
                  + "\" runs commit "
                  + marker.shortCommit()
                  + ", version "
                  + marker.version()
                  + ", environment "
                  + marker.environment(),
              raw));
    } else {
      checks.add(
          CheckResult.fail(CheckName.DEPLOYMENT_MARKER.id(), String.join("; ", problems), raw));
      for (String p : problems) {
        failures.add("Deployment marker: " + p);
      }
    }
  }

  /** Runs every hook once in parallel; returns a sentence per failing or timed-out hook. */
  private List<String> runHooks(String when) {
    if (spec.hooks().isEmpty()) {
      return List.of();
    }
    HookRunner runner =
        HookRunner.of(spec.hooks())
            .withTimeout(spec.hookTimeout())
            .withOverallTimeout(spec.hookTimeout())
            .withCommandRunner(
                (service, command) -> {
                  ServiceContainer c =
                      inspector
                          .container(service)
                          .orElseThrow(
                              () ->
                                  new IOException(
                                      "no container of service \""
                                          + service
                                          + "\" in project \""
                                          + spec.project()
                                          + "\""));
                  return DockerExec.run(docker.client(), c.id(), spec.hookTimeout(), command);
                });
    if (spec.baseUrl().isPresent()) {
      runner = runner.withBaseUri(spec.baseUrl().get());
    }
    HookReport report = runner.run();
    boolean first = hookSummaries.isEmpty();
    List<String> failed = new ArrayList<>();
    for (HookResult r : report.results()) {
      if (first || !r.passed()) {
        hookSummaries.add(
            new HookResultSummary(
                first ? r.name() : r.name() + " (" + when + ")",
                r.status().name(),
                r.took(),
                r.detail()));
      }
      if (first || !r.passed()) {
        checks.add(
            new CheckResult(
                CheckName.HOOK.named(r.name()) + (first ? "" : " (" + when + ")"),
                r.passed() ? CheckStatus.PASS : CheckStatus.FAIL,
                r.sentence(),
                r.evidence()));
      }
      if (!r.passed()) {
        failed.add("Post-deploy " + r.sentence() + " (" + when + ")");
      }
    }
    return failed;
  }

  /**
   * Judges what changed during the watch: restarts and OOM kills already on the container before
   * the watch (the deployed stack's history) are not this watch's findings.
   */
  private void judge(List<ServiceEvidence> evidence, Map<String, ContainerState> baseline) {
    List<String> judged = new ArrayList<>();
    for (ServiceEvidence e : evidence) {
      ContainerState before = baseline.get(e.service());
      int restarts = before == null ? e.restartCount() : e.restartCount() - before.restartCount();
      boolean diedDuringWatch = events.lastExitCode(e.service()).isPresent();
      ServiceEvidence during =
          new ServiceEvidence(
              e.service(),
              e.container(),
              e.oneShot(),
              e.state(),
              e.health(),
              Math.max(0, restarts),
              // an earlier exit of a long-running service is the target's history, but a
              // one-shot job's exit code is its result: a migration that failed still counts
              diedDuringWatch || before == null || e.oneShot() ? e.exitCode() : null,
              e.oomKilled() && (before == null || !before.oomKilled()),
              e.healthLog(),
              e.stats(),
              e.findings(),
              e.findingsTotal(),
              e.lastLogLines(),
              e.totalLogLines());
      judged.addAll(ServiceJudge.problems(during));
    }
    judged.removeIf(failures::contains);
    checks.add(
        judged.isEmpty()
            ? CheckResult.pass(
                "restarts, exits and logs",
                "no restart, exit, OOM kill or log finding during the watch",
                "")
            : CheckResult.fail("restarts, exits and logs", String.join("; ", judged), ""));
    failures.addAll(judged);
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
