package dev.stagegate.junit.gate;

import static dev.stagegate.junit.gate.GateText.indent;
import static dev.stagegate.junit.gate.GateText.secondsSince;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.compose.ComposeUpException;
import dev.stagegate.junit.compose.ProcessOutput;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.ClassicBuildImages;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.checklist.CheckName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start of a {@link GateRun}'s stack: the no-cache build, then {@code up} and the wait for
 * every service's health, with the gate's sentence for each way they fail. Starts the run's event
 * watch before {@code up}, so it sees every event from the first container on.
 */
final class StackStart {
  private static final int BUILD_TAIL_LINES = 30;

  private final GateSpec spec;
  private final DockerEngine engine;
  private final StackInspector inspector;
  private final RunLabels labels;
  private final ComposeProject project;
  private final TestedImages images;
  private final Set<String> unlabelledImages;
  private final List<CheckResult> checks;
  private final Map<String, String> serviceProblems;
  private final List<String> otherFailures;
  private EventWatch events;

  /**
   * @param unlabelledImages where the build adds what the classic builder made without the run's
   *     label, for the teardown to remove
   */
  StackStart(
      GateSpec spec,
      DockerEngine engine,
      StackInspector inspector,
      RunLabels labels,
      ComposeProject project,
      TestedImages images,
      Set<String> unlabelledImages,
      GateFindings findings) {
    this.spec = spec;
    this.engine = engine;
    this.inspector = inspector;
    this.labels = labels;
    this.project = project;
    this.images = images;
    this.unlabelledImages = unlabelledImages;
    this.checks = findings.checks();
    this.serviceProblems = findings.serviceProblems();
    this.otherFailures = findings.otherFailures();
  }

  /** The run's event watch, once {@link #start()} started it; {@code null} before. */
  EventWatch events() {
    return events;
  }

  /** Builds every service with a {@code build:} section without cache; whether that succeeded. */
  boolean build() {
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

  /** Starts the stack and waits for its health; whether every service came up healthy. */
  boolean start() throws InterruptedException {
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
}
