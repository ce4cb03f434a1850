package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ProcessOutput;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.ClassicBuildImages;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.TestedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A rollback drill's steps in its one compose project: the no-cache builds, {@code up}, the
 * rollback command, each waited healthy and judged as one check, and the previous release's images
 * kept under the drill's names. Remembers what was applied last and what the classic builder made
 * without the run's label, for teardown.
 */
final class DrillDeploys {
  private static final int TAIL_LINES = 30;

  private final RollbackSpec spec;
  private final DockerEngine engine;
  private final Consumer<String> progress;
  private final RunLabels labels;
  private final StackInspector inspector;
  private final List<CheckResult> checks;
  private final List<String> failures;
  private DrillStage lastApplied;
  // what the classic builder made without the run's label (BuildKit: none)
  private final Set<String> unlabelledImages = new HashSet<>();

  /** What one deploy step saw. */
  record StepOutcome(boolean healthy, Duration took, List<String> problems) {}

  DrillDeploys(
      RollbackSpec spec,
      DockerEngine engine,
      Consumer<String> progress,
      RunLabels labels,
      StackInspector inspector,
      List<CheckResult> checks,
      List<String> failures) {
    this.spec = spec;
    this.engine = engine;
    this.progress = progress;
    this.labels = labels;
    this.inspector = inspector;
    this.checks = checks;
    this.failures = failures;
  }

  /** The stage last built or started; {@code null} before the first: nothing to tear down. */
  DrillStage lastApplied() {
    return lastApplied;
  }

  /** What the classic builder made without the run's label; teardown removes them too. */
  Set<String> unlabelledImages() {
    return unlabelledImages;
  }

  /** No-cache build, {@code up -d} in the drill's project, wait healthy; one check. */
  StepOutcome deploy(String step, DrillStage stage) throws InterruptedException {
    long t0 = System.nanoTime();
    ProcessOutput build = build(stage);
    if (!build.succeeded()) {
      String why = buildFailed(build);
      checks.add(CheckResult.fail(step, why, build.tail(TAIL_LINES)));
      return new StepOutcome(false, since(t0), List.of(why + "; last lines:\n" + build.tail(10)));
    }
    return up(
        step, stage, t0, "$ docker compose build --no-cache\n" + build.tail(TAIL_LINES) + "\n");
  }

  private ProcessOutput build(DrillStage stage) {
    progress.accept(stage.name() + ": building " + stage.version() + " without cache");
    lastApplied = lastApplied == null ? stage : lastApplied;
    ClassicBuildImages made = ClassicBuildImages.before(engine.client());
    ProcessOutput build = stage.project().buildNoCache(spec.settings().buildTimeout(), made);
    unlabelledImages.addAll(made.created(engine.client()));
    return build;
  }

  private String buildFailed(ProcessOutput build) {
    return build.timedOut()
        ? "its no-cache build timed out after " + spec.settings().buildTimeout().toSeconds() + " s"
        : "its no-cache build exited with code " + build.exitCode();
  }

  /**
   * Builds the previous commit's images as its gate did and tags them under the drill's own
   * repository, {@code stagegate-<run>-previous/<service>:<commit>}, which teardown removes with
   * the run's other images. One check; {@code null} when the build failed (the failure is
   * recorded).
   */
  PreviousImages keepPreviousImages(DrillStage previous, String target) {
    String step = "previous images";
    long t0 = System.nanoTime();
    ProcessOutput build = build(previous);
    if (!build.succeeded()) {
      String why = buildFailed(build);
      checks.add(CheckResult.fail(step, why, build.tail(TAIL_LINES)));
      failures.add(
          "The images of rollback target "
              + target
              + " could not be built: "
              + why
              + "; last lines:\n"
              + build.tail(10));
      return null;
    }
    Map<String, String> tags = previous.tags("stagegate-" + labels.runId() + "-previous");
    Map<String, String> ids = new HashMap<>();
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, String> e : tags.entrySet()) {
      String tag = e.getValue();
      String repository = tag.substring(0, tag.lastIndexOf(':'));
      String id =
          engine
              .client()
              .inspectImageCmd(ComposeOverride.imageName(labels, e.getKey()))
              .exec()
              .getId();
      engine
          .client()
          .tagImageCmd(id, repository, tag.substring(tag.lastIndexOf(':') + 1))
          .withForce()
          .exec();
      ids.put(e.getKey(), id);
      kept.add(e.getKey() + " " + TestedImage.shortId(id));
    }
    checks.add(
        CheckResult.pass(
            step,
            "built "
                + target
                + " as its gate did, in "
                + seconds(since(t0))
                + ", and kept "
                + String.join(", ", kept)
                + " under the drill's names",
            build.tail(TAIL_LINES)));
    return new PreviousImages(tags, ids);
  }

  /** Runs the rollback command itself (the audit's, with the drill's names) and waits healthy. */
  StepOutcome rollBack(String step, DrillStage previous, String drillCommand)
      throws InterruptedException {
    progress.accept(step + ": running the rollback command (no build)");
    long t0 = System.nanoTime();
    lastApplied = previous;
    ProcessOutput ran =
        ComposeProject.shell(
            drillCommand,
            spec.repoRoot(),
            engine.composeEngine(),
            spec.startupTimeout().plusSeconds(30));
    return upOutcome(step, previous, t0, ran, "$ " + drillCommand.replace("\n", "\n$ ") + "\n");
  }

  /** {@code up -d --no-build} of images already built, wait healthy; one check. */
  StepOutcome up(String step, DrillStage stage, long t0, String rawBefore)
      throws InterruptedException {
    lastApplied = stage;
    ProcessOutput up = stage.project().upLocal(spec.startupTimeout().plusSeconds(30));
    return upOutcome(step, stage, t0, up, rawBefore + "$ docker compose up -d --no-build\n");
  }

  private StepOutcome upOutcome(
      String step, DrillStage stage, long t0, ProcessOutput up, String rawBefore)
      throws InterruptedException {
    HealthWait wait = new HealthWait(stage.compose(), inspector);
    Map<String, String> problems =
        up.succeeded() ? wait.await(spec.startupTimeout()) : wait.diagnose();
    List<String> said = new ArrayList<>(problems.values());
    if (!up.succeeded()) {
      // the gate's own sentences first; compose's words are evidence after them
      said.add(
          "compose up "
              + (up.timedOut() ? "timed out" : "exited with code " + up.exitCode())
              + "; compose said: "
              + up.tail(3).replace('\n', ' '));
    }
    Duration took = since(t0);
    String raw = rawBefore + up.tail(TAIL_LINES);
    if (said.isEmpty()) {
      checks.add(
          CheckResult.pass(
              step,
              stage.version()
                  + " ("
                  + RollbackRefs.shortId(stage.commit())
                  + ") healthy "
                  + seconds(took)
                  + (step.startsWith("rollback")
                      ? " after the rollback command started (no build)"
                      : step.startsWith("return")
                          ? " after up -d (no build)"
                          : " after its build started")
                  + ", in project "
                  + labels.runId(),
              raw));
      return new StepOutcome(true, took, List.of());
    }
    checks.add(CheckResult.fail(step, String.join("; ", said), raw));
    return new StepOutcome(false, took, said);
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
