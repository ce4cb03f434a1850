package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.EnginePing;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.LeftoverSweeper;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run of a gate: build without cache, start, wait for health, smoke-check, run the method body,
 * capture evidence, judge, and always tear down. Collects every failure rather than stopping at the
 * first, so the report and the message show the whole picture.
 *
 * <p>This class runs the phases in order; each adds to the run's {@link GateFindings}: {@link
 * StackStart} builds and starts the stack, {@link GateSmoke} smoke-checks it, {@link BurnInPhase}
 * runs a burn-in, {@link GateJudging} collects and judges the evidence, {@link EngineWait} waits
 * for an engine that stopped answering, and {@link StackTeardown} keeps a passing gate's images and
 * takes the stack down.
 */
public final class GateRun implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final GateSpec spec;
  private final DockerEngine engine;
  private final RunLabels labels;
  private final StackInspector inspector;
  private final RunningStack stack;
  private final GateFindings findings = new GateFindings();
  private Throwable bodyFailure;
  private ComposeProject project;
  private Path workDir;
  private TeardownHook teardownHook;
  private StackStart starting;
  private final Redactor redactor;
  private boolean tornDown;
  private final EvidenceCollector collector;
  // what the classic builder made without the run's label (BuildKit: none)
  private final Set<String> unlabelledImages = new HashSet<>();
  private final TestedImages images;
  private final GateSmoke smoke;
  private final EngineWait engineWait;
  private final BurnInPhase burnIn;
  private final GateJudging judging;
  private final StackTeardown teardown;
  // the engine went away during the watch: completed with whether and when it came back
  private EngineInterruption engineInterruption;
  // runs compared side by side start their watches together; alone, nothing to wait for
  private WatchRendezvous.Party rendezvous = new WatchRendezvous(1).party();

  /**
   * @param progress where a burn-in reports progress (a line every {@code
   *     stagegate.progress.interval})
   */
  public GateRun(GateSpec spec, DockerEngine engine, Consumer<String> progress) {
    this.spec = spec;
    this.redactor = StackRedactor.of(spec);
    this.engine = engine;
    this.labels = new RunLabels(newRunId(), RunLabels.localHost(), ProcessHandle.current().pid());
    this.engineWait =
        new EngineWait(spec, labels, new EnginePing(engine.client()), progress, findings);
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
            service -> events() == null ? Optional.empty() : events().lastExitCode(service));
    this.smoke = new GateSmoke(spec, stack, findings);
    this.burnIn =
        new BurnInPhase(
            spec,
            engine,
            inspector,
            labels,
            stack,
            progress,
            redactor,
            collector,
            smoke,
            engineWait,
            findings);
    this.judging = new GateJudging(spec, collector, findings);
    this.teardown = new StackTeardown(spec, engine, labels, images, unlabelledImages, findings);
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
    LoadRun load = burnIn.load();
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
    engineWait.noteEngineAtStart();
    // Only what dead runs left is swept, never this run's: it need not finish before the build.
    CompletableFuture<?> sweep =
        CompletableFuture.runAsync(
            () -> new LeftoverSweeper(engine.client(), labels.host()).sweep());
    CollectedEvidence evidence;
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
      starting =
          new StackStart(
              spec, engine, inspector, labels, project, images, unlabelledImages, findings);
      boolean built = starting.build();
      sweep.join();
      if (built && starting.start()) {
        long healthyAt = System.nanoTime();
        smoke.smoke();
        bodyFailure = GateMethod.run(body, findings.checks());
        if (spec.burnIn().isPresent()) {
          rendezvous.ready();
          engineInterruption = burnIn.run(starting.events(), started, engineInfo);
        } else {
          collector.prefetchStats();
          settle(healthyAt);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      findings.otherFailures().add("The gate was interrupted before it finished");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      rendezvous.leave();
      evidence = judging.collect(engineInterruption, burnIn.burnIn(), burnIn.load());
      teardown.keepImagesIfPassed(bodyFailure);
      close();
    }
    GateVerdict decided = judging.decide(bodyFailure, evidence, engineInterruption);
    return ReportRedaction.redact(
        GateResult.builder(spec.id(), spec.kind())
            .displayName(spec.displayName())
            .verdict(decided.verdict())
            .startedAt(started)
            .duration(Duration.between(started, Instant.now()))
            .composeFile(spec.composeAttribute())
            .project(labels.runId())
            .engine(engineInfo)
            .checks(findings.checks())
            .services(evidence.services())
            .failures(decided.reasons())
            .burnIn(evidence.burnIn())
            .build()
            .withImages(images.result()),
        redactor);
  }

  /** The audit now holds this gate: its evidence journal (a burn-in's) is no longer needed. */
  public void finishJournal() {
    burnIn.finishJournal();
  }

  /** The exception the method body threw, if any, to attach as the failure's cause. */
  public Throwable bodyFailure() {
    return bodyFailure;
  }

  /** The run's event watch, once the stack's start began it; {@code null} before. */
  private EventWatch events() {
    return starting == null ? null : starting.events();
  }

  /** Keeps the stack up until the settle time has passed since it became healthy. */
  private void settle(long healthyAt) throws InterruptedException {
    long remaining = spec.settle().toNanos() - (System.nanoTime() - healthyAt);
    if (remaining > 0) {
      Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
    }
  }

  /** Tears the stack down and removes the images it built; idempotent. */
  @Override
  public synchronized void close() {
    if (tornDown) {
      return;
    }
    tornDown = true;
    try {
      LoadRun load = burnIn.load();
      if (load != null) {
        load.close();
      }
      EventWatch events = events();
      if (events != null) {
        events.close();
      }
      if (project != null && engineWait.engineAnswersForTeardown(project)) {
        teardown.down(project);
      }
    } finally {
      TeardownHook.deleteWorkDir(workDir);
      if (teardownHook != null) {
        teardownHook.remove();
      }
      engine.close();
    }
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
