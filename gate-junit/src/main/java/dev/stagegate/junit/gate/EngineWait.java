package dev.stagegate.junit.gate;

import static dev.stagegate.junit.gate.GateText.secondsSince;

import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.EnginePing;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInterruption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link GateRun}'s waits for a Docker engine that stopped answering, each bounded by {@code
 * stagegate.teardown.engine-wait}: after a watch the engine interrupted, and before the teardown.
 * Once a wait ran out, the teardown does not wait a second time; it says what it leaves on the
 * engine and how to remove it.
 */
final class EngineWait {
  private final GateSpec spec;
  private final RunLabels labels;
  private final Consumer<String> progress;
  private final List<CheckResult> checks;
  private final List<String> inconclusive;
  private final EnginePing ping;
  private String engineIdAtStart = "";
  // the wait for the engine ran out once: teardown does not wait a second time
  private boolean engineGaveUp;

  EngineWait(
      GateSpec spec,
      RunLabels labels,
      EnginePing ping,
      Consumer<String> progress,
      GateFindings findings) {
    this.spec = spec;
    this.labels = labels;
    this.ping = ping;
    this.progress = progress;
    this.checks = findings.checks();
    this.inconclusive = findings.inconclusive();
  }

  /** Notes the engine's ID at the start: after an interruption, another ID is another engine. */
  void noteEngineAtStart() {
    engineIdAtStart = ping.engineId().orElse("");
  }

  /**
   * Waits (at most {@code stagegate.teardown.engine-wait}) for the engine that went away during the
   * watch, and completes its interruption with when it came back and its engine ID then.
   */
  EngineInterruption awaitEngine(EngineInterruption seen, EventWatch events)
      throws InterruptedException {
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
  boolean engineAnswersForTeardown(ComposeProject project) {
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
    String left = leftBehind(project);
    checks.add(CheckResult.fail("teardown", left, ""));
    inconclusive.add(left);
    return false;
  }

  /** What a teardown that gave up leaves on the engine, and the commands that remove it. */
  private String leftBehind(ComposeProject compose) {
    String project = compose.projectName();
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
}
