package dev.stagegate.junit.gate;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagegate.assertions.ServiceJudge;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.compose.ComposeUpException;
import dev.stagegate.junit.compose.ProcessOutput;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.BuiltImages;
import dev.stagegate.junit.docker.ClassicBuildImages;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.EnginePing;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.LeftoverSweeper;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ReportRedaction;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.journal.EvidenceJournal;
import dev.stagegate.report.redact.EnvSecrets;
import dev.stagegate.report.redact.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run of a gate: build without cache, start, wait for health, smoke-check, run the method body,
 * capture evidence, judge, and always tear down. Collects every failure rather than stopping at the
 * first, so the report and the message show the whole picture.
 */
public final class GateRun implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BUILD_TAIL_LINES = 30;

  private final GateSpec spec;
  private final DockerEngine engine;
  private final RunLabels labels;
  private final StackInspector inspector;
  private final RunningStack stack;
  private final List<CheckResult> checks = new ArrayList<>();
  private final Map<String, String> serviceProblems = new LinkedHashMap<>();
  private final List<String> otherFailures = new ArrayList<>();
  private Throwable bodyFailure;
  private ComposeProject project;
  private Path workDir;
  private TeardownHook teardownHook;
  private EventWatch events;
  private BurnInRun burnIn;
  private LoadRun load;
  private EvidenceJournal journal;
  private final List<String> inconclusive = new ArrayList<>();
  private final Consumer<String> progress;
  private final Redactor redactor;
  private boolean tornDown;
  private final EvidenceCollector collector;
  // what the classic builder made without the run's label (BuildKit: none)
  private final Set<String> unlabelledImages = new HashSet<>();
  private final TestedImages images;
  private final EnginePing ping;
  private String engineIdAtStart = "";
  // the engine went away during the watch: completed with whether and when it came back
  private EngineInterruption engineInterruption;
  // the wait for the engine ran out once: teardown does not wait a second time
  private boolean engineGaveUp;
  // runs compared side by side start their watches together; alone, nothing to wait for
  private WatchRendezvous.Party rendezvous = new WatchRendezvous(1).party();

  /**
   * @param progress where a burn-in reports progress (a line every {@code
   *     stagegate.progress.interval})
   */
  public GateRun(GateSpec spec, DockerEngine engine, Consumer<String> progress) {
    this.spec = spec;
    this.progress = progress;
    this.redactor = redactorFor(spec);
    this.engine = engine;
    this.ping = new EnginePing(engine.client());
    this.labels = new RunLabels(newRunId(), RunLabels.localHost(), ProcessHandle.current().pid());
    this.inspector = new StackInspector(engine.client(), labels.runId());
    this.stack =
        new RunningStack(
            spec.compose(),
            inspector,
            engine.client(),
            engine.hostAddress(),
            spec.settings().smokeTimeout());
    this.images = new TestedImages(engine.client(), spec.compose(), labels, spec.settings());
    this.collector =
        new EvidenceCollector(
            spec.compose(),
            inspector,
            spec.logAudit(),
            spec.settings().logLines(),
            service -> events == null ? Optional.empty() : events.lastExitCode(service));
  }

  /** Starts this run's watch only when the other parties of {@code rendezvous} are ready too. */
  void watchTogether(WatchRendezvous together) {
    this.rendezvous = together.party();
  }

  /** What this run was configured with. */
  public GateSpec spec() {
    return spec;
  }

  /** What each {@code @Load} measured, in annotation order; empty before the watch ended. */
  public List<dev.stagegate.junit.load.LoadSummary> loadSummaries() {
    return load == null ? List.of() : load.summaries();
  }

  /** The handle given to the gate method. */
  public GateStack stack() {
    return stack;
  }

  /** The owner labels of this run. */
  public RunLabels labels() {
    return labels;
  }

  /** The method body: runs once the stack is healthy and smoke-checked. */
  @FunctionalInterface
  public interface Body {
    void run() throws Throwable;
  }

  /**
   * Runs the whole gate and returns what it found; never throws for a failing stack (failures are
   * in the result), so the caller can write the report before failing the test.
   */
  public GateResult execute(Body body) {
    Instant started = Instant.now();
    EngineInfo engineInfo = engine.info(spec.compose().command().display());
    // compared after an interruption: another ID means another engine answered
    engineIdAtStart = ping.engineId().orElse("");
    // Only what dead runs left is swept, never this run's: it need not finish before the build.
    CompletableFuture<?> sweep =
        CompletableFuture.runAsync(
            () -> new LeftoverSweeper(engine.client(), labels.host()).sweep());
    List<ServiceEvidence> evidence = List.of();
    BurnInEvidence burnInEvidence = null;
    try {
      // under the report dir, not /tmp: what a killed run leaves goes with `mvn clean`
      // absolute: compose runs in the project directory, wherever the report directory is
      workDir =
          Files.createDirectories(
              spec.settings()
                  .reportDir()
                  .toAbsolutePath()
                  .normalize()
                  .resolve("work")
                  .resolve(labels.runId()));
      Path override = ComposeOverride.write(spec.compose(), labels, workDir);
      project = new ComposeProject(spec.compose(), override, labels, engine.composeEngine());
      teardownHook = TeardownHook.register(this::close, labels.runId());
      boolean built = build();
      sweep.join();
      if (built && start()) {
        long healthyAt = System.nanoTime();
        smoke();
        bodyFailure = GateMethod.run(body, checks);
        if (spec.burnIn().isPresent()) {
          rendezvous.ready();
          burnIn = new BurnInRun(spec, engine.client(), inspector, events, progress);
          load = LoadRun.start(spec.loads(), stack);
          journal =
              EvidenceJournal.open(
                  spec.settings().reportDir(), labels.runId(), labels.host(), labels.pid());
          WatchStop stop =
              burnIn.run(
                  spec.burnIn().get(),
                  this::smokeDuringWatch,
                  () ->
                      journal.checkpoint(
                          ReportRedaction.redact(partial(started, engineInfo), redactor)));
          load.stop();
          if (stop.engineInterruption().isPresent()) {
            engineInterruption = awaitEngine(stop.engineInterruption().get());
            burnIn.engineInterruption(engineInterruption);
          } else if (stop.verdict() == Verdict.PASS) {
            smoke();
          } else if (stop.verdict() == Verdict.FAIL) {
            otherFailures.add(stop.reason());
            otherFailures.addAll(stop.afterwards());
          } else {
            inconclusive.add(stop.reason());
          }
        } else {
          collector.prefetchStats();
          settle(healthyAt);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      otherFailures.add("The gate was interrupted before it finished");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      rendezvous.leave();
      try {
        if (engineInterruption != null && engineInterruption.backAt() == null) {
          // the engine is not there to ask: the audit keeps the watch's own evidence
          evidence = List.of();
        } else {
          evidence = burnIn == null ? collector.collect() : burnIn.evidence(collector);
          if (engineInterruption != null) {
            otherFailures.addAll(EngineBlame.ownFailures(evidence, burnIn.linesAtEngineTrouble()));
          } else {
            judge(evidence);
          }
        }
        if (burnIn != null) {
          burnInEvidence = burnIn.summarise(otherFailures, inconclusive);
          if (load != null) {
            load.stop();
            burnInEvidence =
                burnInEvidence.withLoads(
                    load.judge(
                        burnIn.completed(),
                        spec.settings().trendMinimumSpan(),
                        otherFailures,
                        inconclusive));
          }
        }
      } catch (RuntimeException e) {
        // not a verdict on the stack, but the gate cannot pass without its evidence
        inconclusive.add("Could not collect evidence from the stack: " + e);
      }
      keepImagesIfPassed();
      close();
    }
    List<String> failures = new ArrayList<>(otherFailures);
    failures.addAll(0, serviceProblems.values());
    if (bodyFailure != null) {
      failures.add(GateMethod.failed(bodyFailure));
    }
    GateVerdict decided =
        GateVerdict.of(
            failures,
            inconclusive,
            burnInEvidence == null ? List.of() : burnInEvidence.shortfall(),
            Optional.ofNullable(engineInterruption),
            "burn-in");
    return ReportRedaction.redact(
        new GateResult(
                spec.id(),
                spec.displayName(),
                spec.kind(),
                decided.verdict(),
                started,
                Duration.between(started, Instant.now()),
                spec.composeAttribute(),
                labels.runId(),
                engineInfo,
                checks,
                evidence,
                decided.reasons(),
                burnInEvidence)
            .withImages(images.result()),
        redactor);
  }

  /**
   * Tags the tested images for the deploy when nothing failed and nothing was left undecided: only
   * a passing gate's images may be approved, so only they outlive the teardown.
   */
  private void keepImagesIfPassed() {
    boolean passed =
        serviceProblems.isEmpty()
            && otherFailures.isEmpty()
            && inconclusive.isEmpty()
            && bodyFailure == null
            && checks.stream().anyMatch(c -> c.name().equals("all services healthy"));
    // keep=false: the Images section says the images were removed; no check adds noise
    if (!passed || !images.wanted()) {
      return;
    }
    CheckResult kept = images.keep();
    checks.add(kept);
    if (kept.status() == CheckStatus.FAIL) {
      // the stack passed, but what it tested cannot be deployed: not a PASS to approve
      inconclusive.add("The tested images could not be kept for the deploy: " + kept.detail());
    }
  }

  /**
   * Masks the values of the stack's environment (compose {@code environment:}, {@code env_file},
   * {@code .env}) and common secret patterns in everything this run reports, its failure message
   * included.
   */
  private static Redactor redactorFor(GateSpec spec) {
    try {
      Redactor redactor = Redactor.defaults();
      for (Path file : spec.compose().files()) {
        redactor = redactor.withEnvSecrets(EnvSecrets.fromCompose(file));
      }
      return redactor;
    } catch (IOException | RuntimeException e) {
      return Redactor.defaults(); // an unreadable env_file: the patterns still apply
    }
  }

  /** The gate so far, for the evidence journal: what a killed JVM leaves for the next run. */
  private GateResult partial(Instant started, EngineInfo engineInfo) {
    List<String> failures = new ArrayList<>(serviceProblems.values());
    failures.addAll(otherFailures);
    return new GateResult(
        spec.id(),
        spec.displayName(),
        spec.kind(),
        Verdict.INCOMPLETE,
        started,
        Duration.between(started, Instant.now()),
        spec.composeAttribute(),
        labels.runId(),
        engineInfo,
        List.copyOf(checks),
        burnIn.evidence(collector),
        failures,
        burnIn.snapshot());
  }

  /** The audit now holds this gate: its evidence journal (a burn-in's) is no longer needed. */
  public void finishJournal() {
    if (journal != null) {
      journal.finish();
    }
  }

  /** Smoke checks during a burn-in's watch: the failures, empty when all passed. */
  private List<String> smokeDuringWatch() {
    List<String> failed = new ArrayList<>();
    for (SmokeSpec s : spec.smokeChecks()) {
      CheckResult r = SmokeRunner.run(s, stack);
      if (!r.passed()) {
        checks.add(r);
        failed.add(r.detail());
      }
    }
    return failed;
  }

  /** The exception the method body threw, if any, to attach as the failure's cause. */
  public Throwable bodyFailure() {
    return bodyFailure;
  }

  private boolean build() {
    boolean anyBuild = spec.compose().services().values().stream().anyMatch(ComposeService::builds);
    if (!anyBuild) {
      checks.add(
          new CheckResult(
              CheckName.NO_CACHE_BUILD.id(),
              CheckStatus.SKIPPED,
              "no service has a build: section",
              ""));
      return true;
    }
    long t0 = System.nanoTime();
    ClassicBuildImages made = ClassicBuildImages.before(engine.client());
    ProcessOutput out = project.buildNoCache(spec.settings().buildTimeout(), made);
    unlabelledImages.addAll(made.created(engine.client()));
    if (out.succeeded()) {
      images.recordBuilt();
      checks.add(
          CheckResult.pass(
              CheckName.NO_CACHE_BUILD.id(),
              "every service with build: rebuilt without cache in " + secondsSince(t0),
              out.tail(BUILD_TAIL_LINES)));
      return true;
    }
    String why =
        out.timedOut()
            ? "timed out after " + spec.settings().buildTimeout().toSeconds() + " s"
            : "exited with code " + out.exitCode();
    String failure =
        "No-cache build of "
            + spec.composeAttribute()
            + " "
            + why
            + "; last lines:\n"
            + indent(out.tail(10));
    checks.add(
        CheckResult.fail(
            CheckName.NO_CACHE_BUILD.id(),
            "docker compose build --no-cache " + why,
            out.tail(BUILD_TAIL_LINES)));
    otherFailures.add(failure);
    return false;
  }

  private boolean start() throws InterruptedException {
    List<String> missing = ExternalResources.missing(spec.compose(), engine.client());
    if (!missing.isEmpty()) {
      otherFailures.addAll(missing);
      checks.add(
          CheckResult.fail(CheckName.ALL_SERVICES_HEALTHY.id(), String.join("; ", missing), ""));
      return false;
    }
    HealthWait wait = new HealthWait(spec.compose(), inspector);
    events = new EventWatch(engine.client(), labels.runId(), e -> {}).start();
    RuntimeException upFailure = null;
    long t0 = System.nanoTime();
    try {
      project.up(spec.startupTimeout());
    } catch (RuntimeException e) {
      upFailure = e;
    }
    String upTook = secondsSince(t0);
    long t1 = System.nanoTime();
    Map<String, String> problems =
        upFailure == null ? wait.await(spec.startupTimeout()) : wait.diagnose();
    if (upFailure != null) {
      otherFailures.add(upFailed(upFailure, inspector.containers().isEmpty()));
    }
    serviceProblems.putAll(problems);
    boolean healthy = upFailure == null && problems.isEmpty();
    checks.add(
        healthy
            ? CheckResult.pass(
                CheckName.ALL_SERVICES_HEALTHY.id(),
                "every long-running service healthy or running, one-shot jobs exited 0 (up took "
                    + upTook
                    + ", healthy "
                    + secondsSince(t1)
                    + " later)",
                "")
            : CheckResult.fail(
                CheckName.ALL_SERVICES_HEALTHY.id(), String.join("; ", problems.values()), ""));
    return healthy;
  }

  /**
   * The gate's sentence for a failed {@code up}, then what compose said as evidence. When no
   * container shows why, compose's own words are the only evidence: ask for them.
   */
  private String upFailed(RuntimeException failure, boolean nothingToDiagnose) {
    Optional<ProcessOutput> said =
        failure instanceof ComposeUpException c ? c.output() : Optional.empty();
    if (said.isEmpty() && nothingToDiagnose) {
      said = Optional.of(project.explainFailedUp(spec.startupTimeout()));
    }
    StringBuilder sb =
        new StringBuilder("Compose could not start the stack of ")
            .append(spec.composeAttribute())
            .append(" (")
            .append(String.join(" ", spec.compose().command().argv()))
            .append(" up -d ")
            .append(failure.getMessage())
            .append(")");
    for (ComposeService s : spec.compose().services().values()) {
      if (!s.builds() && s.image().isPresent() && !imagePresent(s.image().get())) {
        sb.append("; service \"")
            .append(s.name())
            .append("\" runs image ")
            .append(s.image().get())
            .append(", which is not on the engine and could not be pulled");
      }
    }
    said.filter(o -> !o.lines().isEmpty())
        .ifPresent(o -> sb.append("; compose said:\n").append(indent(o.tail(8))));
    return sb.toString();
  }

  private boolean imagePresent(String image) {
    try {
      engine.client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      return true; // cannot tell: say nothing rather than something wrong
    }
  }

  private void smoke() {
    for (SmokeSpec s : spec.smokeChecks()) {
      CheckResult r = SmokeRunner.run(s, stack);
      checks.add(r);
      if (!r.passed()) {
        otherFailures.add(r.detail());
      }
    }
  }

  /** Keeps the stack up until the settle time has passed since it became healthy. */
  private void settle(long healthyAt) throws InterruptedException {
    long remaining = spec.settle().toNanos() - (System.nanoTime() - healthyAt);
    if (remaining > 0) {
      Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
    }
  }

  private void judge(List<ServiceEvidence> evidence) {
    boolean started =
        checks.stream().anyMatch(c -> c.name().equals(CheckName.ALL_SERVICES_HEALTHY.id()));
    if (!started) {
      return; // nothing ran; the build failure says why
    }
    List<String> judged = new ArrayList<>();
    for (ServiceEvidence e : evidence) {
      if (serviceProblems.containsKey(e.service())) {
        ServiceJudge.logFindings(e).ifPresent(judged::add);
      } else {
        judged.addAll(ServiceJudge.problems(e));
      }
    }
    checks.add(
        judged.isEmpty()
            ? CheckResult.pass(
                "restarts, exits and logs", "no restart, exit, OOM kill or log finding", "")
            : CheckResult.fail("restarts, exits and logs", String.join("; ", judged), ""));
    otherFailures.addAll(judged);
  }

  /**
   * Waits (at most {@code stagegate.teardown.engine-wait}) for the engine that went away during the
   * watch, and completes its interruption with when it came back and its engine ID then.
   */
  private EngineInterruption awaitEngine(EngineInterruption seen) throws InterruptedException {
    EngineInterruption withStart =
        new EngineInterruption(
            seen.at(),
            seen.intoWatch(),
            seen.signs(),
            // the held events, and the shutdown's later kills and exits the timeline has
            EngineBlame.enginesEvents(events.events(), seen.at(), seen.engineEvents()),
            null,
            engineIdAtStart,
            "");
    progress.accept(
        "the Docker engine stopped answering "
            + BurnInClock.human(seen.intoWatch())
            + " into the burn-in; waiting up to "
            + BurnInEvidence.human(spec.settings().engineWait())
            + " ("
            + dev.stagegate.junit.config.GateSettings.ENGINE_WAIT
            + ") for it to answer again");
    Optional<Instant> back = ping.awaitAnswer(spec.settings().engineWait());
    if (back.isEmpty()) {
      engineGaveUp = true;
      return withStart;
    }
    return withStart.back(back.get(), ping.engineId().orElse(""));
  }

  /**
   * Before compose down: an engine that does not answer is waited for (bounded); one that never
   * answers leaves the stack where it is, and the gate says what and how to remove it.
   *
   * @return whether teardown can go on
   */
  private boolean engineAnswersForTeardown() {
    if (ping.answers()) {
      return true;
    }
    long t0 = System.nanoTime();
    Optional<Instant> back = Optional.empty();
    if (!engineGaveUp) {
      try {
        back = ping.awaitAnswer(spec.settings().engineWait());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (back.isPresent()) {
      checks.add(
          CheckResult.pass(
              "teardown",
              "the Docker engine did not answer at teardown; waited "
                  + secondsSince(t0)
                  + " for it to answer again, then removed the stack by its labels",
              ""));
      return true;
    }
    String left = leftBehind();
    checks.add(CheckResult.fail("teardown", left, ""));
    inconclusive.add(left);
    return false;
  }

  /** What a teardown that gave up leaves on the engine, and the commands that remove it. */
  private String leftBehind() {
    String project = this.project.projectName();
    List<String> images =
        spec.compose().services().values().stream()
            .filter(ComposeService::builds)
            .map(s -> ComposeOverride.imageName(labels, s.name()))
            .toList();
    String run = RunLabels.RUN + "=" + labels.runId();
    return "Teardown gave up: the Docker engine did not answer within "
        + BurnInEvidence.human(spec.settings().engineWait())
        + " ("
        + dev.stagegate.junit.config.GateSettings.ENGINE_WAIT
        + "), so the stack is still on it: the containers of compose project \""
        + project
        + "\" (services "
        + String.join(", ", spec.compose().services().keySet())
        + "), its networks ("
        + project
        + "_default"
        + (spec.compose().networks().isEmpty()
            ? ""
            : ", "
                + String.join(
                    ", ", spec.compose().networks().stream().map(n -> project + "_" + n).toList()))
        + ")"
        + (spec.compose().volumes().isEmpty() ? "" : ", its volumes")
        + (images.isEmpty() ? "" : " and the images " + String.join(", ", images))
        + ". Once the engine answers, remove them with: docker ps -aq --filter label="
        + run
        + " | xargs -r docker rm -fv; docker network prune -f --filter label="
        + run
        + "; docker volume prune -af --filter label="
        + run
        + "; docker image prune -af --filter label="
        + RunLabels.MARKER
        + "="
        + labels.asImageLabel().get(RunLabels.MARKER)
        + " (the next gate on this machine also sweeps them, once this JVM has ended)";
  }

  /** Tears the stack down and removes the images it built; idempotent. */
  @Override
  public synchronized void close() {
    if (tornDown) {
      return;
    }
    tornDown = true;
    try {
      if (load != null) {
        load.close();
      }
      if (events != null) {
        events.close();
      }
      if (project != null && engineAnswersForTeardown()) {
        try {
          ProcessOutput down = project.down(spec.startupTimeout());
          if (!down.succeeded()) {
            inconclusive.add(
                "Teardown (compose down) exited with code "
                    + down.exitCode()
                    + "; compose said:\n"
                    + indent(down.tail(5)));
          }
        } catch (RuntimeException e) {
          inconclusive.add("Teardown (compose down) failed: " + e.getMessage());
        }
        inconclusive.addAll(
            BuiltImages.remove(
                engine.client(), labels, unlabelledImages, images.keptIds(), images.runNames()));
      }
    } finally {
      TeardownHook.deleteWorkDir(workDir);
      if (teardownHook != null) {
        teardownHook.remove();
      }
      engine.close();
    }
  }

  private static String secondsSince(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private static String indent(String text) {
    return text.lines().map(l -> "     | " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static String newRunId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder("sg");
    for (int i = 0; i < 6; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
