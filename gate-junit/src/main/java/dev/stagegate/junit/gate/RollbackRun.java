package dev.stagegate.junit.gate;

import dev.stagegate.assertions.deploy.CommandResult;
import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.junit.compose.ComposeCommand;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.compose.ProcessOutput;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.BuiltImages;
import dev.stagegate.junit.docker.ClassicBuildImages;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.DockerExec;
import dev.stagegate.junit.docker.LeftoverSweeper;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ReportRedaction;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.MarkerCheck;
import dev.stagegate.report.deploy.MarkerFactory;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One {@link dev.stagegate.junit.RollbackDrill}: export HEAD and the previous ref, build the
 * previous release's images as its gate did (kept under the drill's names), then in one compose
 * project bring up current, run the audit's rollback command (the previous images, {@code up -d
 * --no-build}: no rebuild), and return to current, judging each step; always tear down. Collects
 * every failure; a failed rollback still attempts the return.
 *
 * <p>{@code up} runs with the local compose binary ({@link ComposeProject#named}), not through
 * Testcontainers: a rollback replaces the running stack in place, so the project name must stay the
 * same across two versions' compose files, and Testcontainers randomises it per container object.
 */
public final class RollbackRun implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);
  private static final int TAIL_LINES = 30;

  private final RollbackSpec spec;
  private final DockerEngine engine;
  private final Consumer<String> progress;
  private final RunLabels labels;
  private final StackInspector inspector;
  private final List<CheckResult> checks = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> inconclusive = new ArrayList<>();
  private final Redactor redactor = Redactor.defaults();
  private List<ServiceEvidence> evidence;
  private Path workDir;
  private Stage lastApplied;
  private TeardownHook teardownHook;
  private boolean tornDown;
  // what the classic builder made without the run's label (BuildKit: none)
  private final Set<String> unlabelledImages = new HashSet<>();
  private Throwable bodyFailure;
  // service to the ID of the previous image the drill built and kept under its own name
  private final Map<String, String> keptIds = new java.util.HashMap<>();

  /** One version of the stack, exported and ready to deploy. */
  private record Stage(
      String name, String commit, String version, ComposeFile compose, ComposeProject project) {}

  /** What one deploy step saw. */
  private record StepOutcome(boolean healthy, Duration took, List<String> problems) {}

  public RollbackRun(RollbackSpec spec, DockerEngine engine, Consumer<String> progress) {
    this.spec = spec;
    this.engine = engine;
    this.progress = progress;
    this.labels = new RunLabels(newRunId(), RunLabels.localHost(), ProcessHandle.current().pid());
    this.inspector = new StackInspector(engine.client(), labels.runId());
  }

  /** The exception the method body threw, if any. */
  public Throwable bodyFailure() {
    return bodyFailure;
  }

  /** Runs the drill; a failing step is in the result, not thrown. */
  public GateResult execute(GateRun.Body body) {
    Instant started = Instant.now();
    EngineInfo engineInfo = engine.info(composeCommand().display());
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
      Stage current = export("current", spec.currentCommit(), spec.currentVersion());
      Stage previous = export("previous", spec.previousCommit(), spec.previousVersion());
      List<String> migrations = migrations();
      List<RollbackImage> images =
          RollbackImages.choose(
              builtServices(previous),
              spec.imageRepository(),
              spec.previousCommit(),
              spec.target().recordedImages());
      command =
          RollbackCommand.render(
              spec.previousRef(),
              spec.previousCommit(),
              spec.subdir(),
              composeShellWords(),
              spec.composeName(),
              images,
              spec.deployProject(),
              migrations,
              "/tmp/rollback-" + RollbackRefs.shortId(spec.previousCommit()),
              List.of(),
              spec.target().source());
      teardownHook = TeardownHook.register(this::close, labels.runId());

      String head = "HEAD " + RollbackRefs.shortId(spec.currentCommit());
      String target = spec.previousLabel();
      // The previous release's images, as its gate built and kept them: the way back runs them
      // without a rebuild, so they must exist before the rollback, under the drill's own names.
      Map<String, String> previousTags = keepPreviousImages(previous, target);
      // the same command with the drill's names: the images it built stand in for the recorded
      // ones, and a checked tag is checked against the ID the drill gave it
      List<RollbackImage> drillImages = new ArrayList<>();
      if (previousTags != null) {
        for (RollbackImage image : images) {
          String tag = previousTags.get(image.service());
          drillImages.add(
              image.renamed(
                  tag,
                  image.expectedId().isPresent()
                      ? Optional.of(keptIds.get(image.service()))
                      : Optional.empty()));
        }
      }
      if (previousTags != null) {
        StepOutcome up = deploy("current up", current);
        if (!up.healthy()) {
          fail("Current " + head + " did not come up", up, current);
        } else if (markerOk("marker after current up", current, head)) {
          String drillCommand =
              RollbackCommand.render(
                  spec.previousRef(),
                  spec.previousCommit(),
                  spec.subdir(),
                  composeShellWords(),
                  spec.composeName(),
                  drillImages,
                  labels.runId(),
                  migrations,
                  workDir.resolve("rollback").toString(),
                  List.of(
                      previous
                          .project()
                          .files()
                          .get(previous.project().files().size() - 1)
                          .toString()),
                  spec.target().source());
          StepOutcome back = rollBack("rollback to " + target, previous, drillCommand);
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
          StepOutcome forward = up("return to current", current, System.nanoTime(), "");
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
        if (evidence == null && lastApplied != null) {
          evidence = collect(lastApplied);
        }
      } catch (RuntimeException e) {
        inconclusive.add("Could not collect evidence from the stack: " + e);
      }
      close();
    }
    GateVerdict decided = GateVerdict.of(failures, inconclusive);
    RollbackEvidence rollback =
        new RollbackEvidence(
            spec.previousRef(),
            spec.previousCommit(),
            spec.previousVersion(),
            spec.currentCommit(),
            project,
            command,
            proven && failures.isEmpty(),
            started,
            rollbackHealthy,
            markerVersion,
            spec.target().source());
    return ReportRedaction.redact(
        new GateResult(
            spec.id(),
            spec.displayName(),
            GateKind.ROLLBACK_DRILL,
            decided.verdict(),
            started,
            Duration.between(started, Instant.now()),
            spec.composeAttribute(),
            project,
            engineInfo,
            checks,
            evidence == null ? List.of() : evidence,
            decided.reasons(),
            null,
            rollback),
        redactor);
  }

  /** Exports one commit's subtree, writes its marker and its labelling override. */
  private Stage export(String name, String commit, String version) throws IOException {
    Path root = workDir.resolve(name);
    List<String> skipped;
    try (GitTrees git = GitTrees.open(spec.repoRoot()).orElseThrow()) {
      skipped = git.export(commit, spec.subdir(), root);
    }
    Path dir = spec.subdir().isEmpty() ? root : root.resolve(spec.subdir());
    String detail =
        "exported "
            + (spec.subdir().isEmpty() ? "the tree" : spec.subdir() + "/")
            + " of "
            + ("current".equals(name) ? "HEAD " : spec.previousRef() + " ")
            + RollbackRefs.shortId(commit)
            + (spec.markerFile().isEmpty() ? "" : " and wrote its marker (version " + version + ")")
            + (skipped.isEmpty()
                ? ""
                : "; not exported (symbolic links and submodules are skipped): "
                    + String.join(", ", skipped));
    String markerJson = "";
    if (!spec.markerFile().isEmpty()) {
      DeploymentMarker marker =
          new DeploymentMarker(
              version,
              Instant.now(),
              commit,
              spec.environment(),
              MarkerFactory.defaultDeployedBy(System.getenv()));
      markerJson = marker.toJson();
      marker.writeTo(dir.resolve(spec.markerFile()));
    }
    checks.add(CheckResult.pass("export " + name, detail, markerJson));
    ComposeFile compose =
        ComposeFile.load(
            List.of(dir.resolve(spec.composeName())),
            spec.settings().composeProfiles(),
            composeCommand());
    Path override = ComposeOverride.write(compose, labels, workDir.resolve("override-" + name));
    ComposeProject project =
        ComposeProject.named(labels.runId(), compose, override, labels, engine.composeEngine());
    return new Stage(name, commit, version, compose, project);
  }

  private ComposeCommand composeCommand() {
    return ComposeCommand.resolve(spec.settings().composeCommand());
  }

  /** The compose command as shell words, e.g. {@code docker compose}. */
  private String composeShellWords() {
    return String.join(" ", composeCommand().argv().stream().map(RollbackCommand::word).toList());
  }

  /** No-cache build, {@code up -d} in the drill's project, wait healthy; one check. */
  private StepOutcome deploy(String step, Stage stage) throws InterruptedException {
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

  private ProcessOutput build(Stage stage) {
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
  private Map<String, String> keepPreviousImages(Stage previous, String target) {
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
    Map<String, String> tags = tags(previous, "stagegate-" + labels.runId() + "-previous");
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
      keptIds.put(e.getKey(), id);
      kept.add(e.getKey() + " " + dev.stagegate.report.TestedImage.shortId(id));
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
    return tags;
  }

  /** The services the stage builds, in the compose file's order. */
  private static List<String> builtServices(Stage stage) {
    return stage.compose().services().values().stream()
        .filter(ComposeService::builds)
        .map(ComposeService::name)
        .toList();
  }

  /** The image tag of every service the stage builds: {@code <repository>/<service>:<commit>}. */
  private static Map<String, String> tags(Stage stage, String repository) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    for (ComposeService s : stage.compose().services().values()) {
      if (s.builds()) {
        tags.put(
            s.name(), repository + "/" + s.name().toLowerCase(Locale.ROOT) + ":" + stage.commit());
      }
    }
    return tags;
  }

  /** The migration files changed since the previous commit; a check says which, or why unknown. */
  private List<String> migrations() {
    try {
      List<String> found =
          MigrationChanges.between(spec.repoRoot(), spec.previousCommit(), spec.currentCommit());
      checks.add(
          found.isEmpty()
              ? CheckResult.pass(
                  "migrations since previous", "no migration changed: images alone roll back", "")
              : new CheckResult(
                  "migrations since previous",
                  CheckStatus.SKIPPED,
                  "not judged: "
                      + found.size()
                      + " migration file(s) changed ("
                      + String.join(", ", found.subList(0, Math.min(5, found.size())))
                      + "); the rollback command rolls back the images only, a database rollback"
                      + " needs a person",
                  String.join("\n", found)));
      return found;
    } catch (IOException | RuntimeException e) {
      checks.add(
          new CheckResult(
              "migrations since previous",
              CheckStatus.SKIPPED,
              "not judged: the change could not be read (" + e.getMessage() + ")",
              ""));
      return List.of();
    }
  }

  /** Runs the rollback command itself (the audit's, with the drill's names) and waits healthy. */
  private StepOutcome rollBack(String step, Stage previous, String drillCommand)
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
  private StepOutcome up(String step, Stage stage, long t0, String rawBefore)
      throws InterruptedException {
    lastApplied = stage;
    ProcessOutput up = stage.project().upLocal(spec.startupTimeout().plusSeconds(30));
    return upOutcome(step, stage, t0, up, rawBefore + "$ docker compose up -d --no-build\n");
  }

  private StepOutcome upOutcome(
      String step, Stage stage, long t0, ProcessOutput up, String rawBefore)
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

  /** Records a step's failure as one sentence and collects evidence at the first failure. */
  private void fail(String what, StepOutcome outcome, Stage stage) {
    failures.add(
        what + " within " + seconds(outcome.took()) + ": " + String.join("; ", outcome.problems()));
    collectOnce(stage);
  }

  /** The stack as it is now, before anything else changes it: only the first failure's. */
  private void collectOnce(Stage stage) {
    if (evidence != null) {
      return;
    }
    try {
      evidence = collect(stage);
    } catch (RuntimeException e) {
      inconclusive.add("Could not collect evidence from the stack: " + e);
    }
  }

  private List<ServiceEvidence> collect(Stage stage) {
    return new EvidenceCollector(
            stage.compose(),
            inspector,
            LogAudit.defaults(),
            spec.settings().logLines(),
            service -> Optional.empty())
        .collect();
  }

  /**
   * Reads the marker in {@link RollbackSpec#markerService()} and checks it names the stage's commit
   * and version; true when it does or when no marker service is given.
   *
   * @param expected names the build in sentences, e.g. {@code HEAD 9f8e7d6} or {@code rollback
   *     target v1.2.2 (abc1234)}
   */
  private boolean markerOk(String step, Stage stage, String expected) throws InterruptedException {
    if (spec.markerService().isEmpty()) {
      return true;
    }
    String service = spec.markerService();
    String shortId = RollbackRefs.shortId(stage.commit());
    Optional<ServiceContainer> container = inspector.container(service);
    List<String> problems = new ArrayList<>();
    String raw = "";
    if (container.isEmpty()) {
      problems.add("no container of service \"" + service + "\" to read the marker from");
    } else {
      Optional<String> json = Optional.empty();
      try {
        CommandResult r =
            DockerExec.run(
                engine.client(), container.get().id(), EXEC_TIMEOUT, "cat", DeploymentMarker.PATH);
        json = r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
        raw = r.exitCode() == 0 ? r.stdout() : r.stderr();
      } catch (IOException e) {
        raw = e.toString();
      }
      // MarkerCheck phrases a wrong commit as "not HEAD"; here the expected commit is often not
      // HEAD, so it checks presence, form, version and environment, and the commit is judged here
      problems.addAll(
          MarkerCheck.expecting()
              .version(stage.version())
              .environment(spec.environment())
              .problems(json, service));
      if (json.isPresent() && problems.stream().noneMatch(p -> p.contains("malformed"))) {
        DeploymentMarker m = DeploymentMarker.parse(json.get(), DeploymentMarker.PATH);
        if (!m.commit().startsWith(stage.commit()) && !stage.commit().startsWith(m.commit())) {
          problems.add(
              0,
              "service \""
                  + service
                  + "\" carries marker commit "
                  + m.shortCommit()
                  + " (version "
                  + m.version()
                  + "), not "
                  + expected
                  + ": compose did not replace its container with the "
                  + stage.name()
                  + " build");
        }
      }
    }
    if (problems.isEmpty()) {
      checks.add(
          CheckResult.pass(
              step,
              "service \""
                  + service
                  + "\" runs commit "
                  + shortId
                  + ", version "
                  + stage.version()
                  + ", environment "
                  + spec.environment(),
              raw));
      return true;
    }
    checks.add(CheckResult.fail(step, String.join("; ", problems), raw));
    for (String p : problems) {
      failures.add(capitalised(step) + " (" + expected + "): " + p);
    }
    collectOnce(stage);
    return false;
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
      if (lastApplied != null) {
        progress.accept("tearing down project " + labels.runId());
        ProcessOutput down = lastApplied.project().downLocal(DOWN_TIMEOUT);
        if (!down.succeeded()) {
          inconclusive.add(
              "Teardown (compose down) exited with code " + down.exitCode() + ": " + down.tail(5));
        }
        inconclusive.addAll(BuiltImages.remove(engine.client(), labels, unlabelledImages));
      }
    } finally {
      TeardownHook.deleteWorkDir(workDir);
      if (teardownHook != null) {
        teardownHook.remove();
      }
      engine.close();
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
