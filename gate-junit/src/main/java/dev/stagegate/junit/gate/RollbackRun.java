package dev.stagegate.junit.gate;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ProcessOutput;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.BuiltImages;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.LeftoverSweeper;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One {@link dev.stagegate.junit.RollbackDrill}: export HEAD and the previous ref, build the
 * previous release's images as its gate did (kept under the drill's names), then in one compose
 * project bring up current, run the audit's rollback command (the previous images, {@code up -d
 * --no-build}: no rebuild), and return to current, judging each step; always tear down. Collects
 * every failure; a failed rollback still attempts the return. The exports are a {@link
 * DrillWorkspace}'s, the steps {@link DrillDeploys}', the marker checks {@link DrillMarkerCheck}'s,
 * and the result is assembled by {@link DrillOutcome}.
 *
 * <p>{@code up} runs with the local compose binary ({@link ComposeProject#named}), not through
 * Testcontainers: a rollback replaces the running stack in place, so the project name must stay the
 * same across two versions' compose files, and Testcontainers randomises it per container object.
 */
public final class RollbackRun implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

  private final RollbackSpec spec;
  private final DockerEngine engine;
  private final Consumer<String> progress;
  private final RunLabels labels;
  private final StackInspector inspector;
  private final List<CheckResult> checks = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> inconclusive = new ArrayList<>();
  private final Redactor redactor = Redactor.defaults();
  private final DrillDeploys deploys;
  private final DrillMarkerCheck markers;
  private List<ServiceEvidence> evidence;
  private Path workDir;
  private TeardownHook teardownHook;
  private boolean tornDown;
  private Throwable bodyFailure;

  public RollbackRun(RollbackSpec spec, DockerEngine engine, Consumer<String> progress) {
    this.spec = spec;
    this.engine = engine;
    this.progress = progress;
    this.labels = new RunLabels(newRunId(), RunLabels.localHost(), ProcessHandle.current().pid());
    this.inspector = new StackInspector(engine.client(), labels.runId());
    this.deploys = new DrillDeploys(spec, engine, progress, labels, inspector, checks, failures);
    this.markers = new DrillMarkerCheck(spec, engine.client(), inspector, checks, failures);
  }

  /** The exception the method body threw, if any. */
  public Throwable bodyFailure() {
    return bodyFailure;
  }

  /** Runs the drill; a failing step is in the result, not thrown. */
  public GateResult execute(GateRun.Body body) {
    Instant started = Instant.now();
    EngineInfo engineInfo = engine.info(DrillWorkspace.composeCommand(spec).display());
    new LeftoverSweeper(engine.client(), labels.host()).sweep();
    String project = labels.runId();
    String command = "";
    Duration rollbackHealthy = null;
    String markerVersion = null;
    boolean proven = false;
    try {
      // under the report dir, not /tmp: what a killed run leaves goes with `mvn clean`; absolute,
      // because compose runs in the exported trees and reads the override from here
      workDir =
          Files.createDirectories(
              spec.settings().reportDir().toAbsolutePath().resolve("work").resolve(labels.runId()));
      DrillWorkspace workspace = new DrillWorkspace(spec, workDir, labels, engine);
      DrillStage current =
          workspace.export("current", spec.currentCommit(), spec.currentVersion(), checks);
      DrillStage previous =
          workspace.export("previous", spec.previousCommit(), spec.previousVersion(), checks);
      List<String> migrations = DrillMigrations.changed(spec, checks);
      List<RollbackImage> images =
          RollbackImages.choose(
              previous.builtServices(),
              spec.imageRepository(),
              spec.previousCommit(),
              spec.target().recordedImages());
      command =
          rollbackCommand(
              images,
              spec.deployProject(),
              migrations,
              "/tmp/rollback-" + RollbackRefs.shortId(spec.previousCommit()),
              List.of());
      teardownHook = TeardownHook.register(this::close, labels.runId());

      String head = "HEAD " + RollbackRefs.shortId(spec.currentCommit());
      String target = spec.previousLabel();
      // The previous release's images, as its gate built and kept them: the way back runs them
      // without a rebuild, so they must exist before the rollback, under the drill's own names.
      PreviousImages kept = deploys.keepPreviousImages(previous, target);
      if (kept != null) {
        // the same command with the drill's names
        List<RollbackImage> drillImages = kept.standingIn(images);
        DrillDeploys.StepOutcome up = deploys.deploy("current up", current);
        if (!up.healthy()) {
          fail("Current " + head + " did not come up", up, current);
        } else if (markerOk("marker after current up", current, head)) {
          String drillCommand =
              rollbackCommand(
                  drillImages,
                  labels.runId(),
                  migrations,
                  workDir.resolve("rollback").toString(),
                  List.of(previous.override()));
          DrillDeploys.StepOutcome back =
              deploys.rollBack("rollback to " + target, previous, drillCommand);
          boolean backOk = back.healthy();
          if (backOk) {
            rollbackHealthy = back.took();
            backOk = markerOk("marker after rollback", previous, "rollback target " + target);
            if (backOk && !spec.markerService().isEmpty()) {
              markerVersion = previous.version();
            }
          } else {
            fail("The rollback command to " + target + " did not bring it up", back, previous);
          }
          DrillDeploys.StepOutcome forward =
              deploys.up("return to current", current, System.nanoTime(), "");
          boolean forwardOk = forward.healthy();
          if (forwardOk) {
            forwardOk = markerOk("marker after return to current", current, head);
          } else {
            fail("Return to current " + head + " did not come up", forward, current);
          }
          proven = backOk && forwardOk;
          if (proven) {
            runBody(body);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("The rollback drill was interrupted before it finished");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        if (evidence == null && deploys.lastApplied() != null) {
          evidence = collect(deploys.lastApplied());
        }
      } catch (RuntimeException e) {
        inconclusive.add("Could not collect evidence from the stack: " + e);
      }
      close();
    }
    DrillOutcome outcome =
        new DrillOutcome(
            project, command, proven && failures.isEmpty(), rollbackHealthy, markerVersion);
    return ReportRedaction.redact(
        outcome.result(
            spec,
            started,
            engineInfo,
            GateVerdict.of(failures, inconclusive),
            checks,
            evidence == null ? List.of() : evidence),
        redactor);
  }

  /** The audit's rollback command, rendered for the given images, project and files. */
  private String rollbackCommand(
      List<RollbackImage> images,
      String composeProject,
      List<String> migrations,
      String checkoutDir,
      List<String> extraFiles) {
    return RollbackCommand.render(
        spec.previousRef(),
        spec.previousCommit(),
        spec.subdir(),
        DrillWorkspace.composeShellWords(spec),
        spec.composeName(),
        images,
        composeProject,
        migrations,
        checkoutDir,
        extraFiles,
        spec.target().source());
  }

  /** Records a step's failure as one sentence and collects evidence at the first failure. */
  private void fail(String what, DrillDeploys.StepOutcome outcome, DrillStage stage) {
    failures.add(
        what
            + " within "
            + DrillDeploys.seconds(outcome.took())
            + ": "
            + String.join("; ", outcome.problems()));
    collectOnce(stage);
  }

  /** The marker check of {@link DrillMarkerCheck}; at a failure, the evidence is collected. */
  private boolean markerOk(String step, DrillStage stage, String expected)
      throws InterruptedException {
    if (markers.passes(step, stage, expected)) {
      return true;
    }
    collectOnce(stage);
    return false;
  }

  /** The stack as it is now, before anything else changes it: only the first failure's. */
  private void collectOnce(DrillStage stage) {
    if (evidence != null) {
      return;
    }
    try {
      evidence = collect(stage);
    } catch (RuntimeException e) {
      inconclusive.add("Could not collect evidence from the stack: " + e);
    }
  }

  private List<ServiceEvidence> collect(DrillStage stage) {
    return new EvidenceCollector(
            stage.compose(),
            inspector,
            LogAudit.defaults(),
            spec.settings().logLines(),
            service -> Optional.empty())
        .collect();
  }

  private void runBody(GateRun.Body body) {
    bodyFailure = GateMethod.run(body, checks);
    if (bodyFailure != null) {
      failures.add(GateMethod.failed(bodyFailure));
    }
  }

  /** Tears the project down and removes every image this drill built; idempotent. */
  @Override
  public synchronized void close() {
    if (tornDown) {
      return;
    }
    tornDown = true;
    try {
      DrillStage lastApplied = deploys.lastApplied();
      if (lastApplied != null) {
        progress.accept("tearing down project " + labels.runId());
        ProcessOutput down = lastApplied.project().downLocal(DOWN_TIMEOUT);
        if (!down.succeeded()) {
          inconclusive.add(
              "Teardown (compose down) exited with code " + down.exitCode() + ": " + down.tail(5));
        }
        inconclusive.addAll(
            BuiltImages.remove(engine.client(), labels, deploys.unlabelledImages()));
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
    return sb.toString();
  }
}
