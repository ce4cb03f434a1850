package dev.stagegate.junit.gate;

import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.EnginePing;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.EngineSign;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.StackEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The trouble a watch hears of, and whose it is: a container event or a log finding becomes a
 * failure sentence, but a kill, a 137/143 exit or a finding the engine's own trouble may explain is
 * held by {@link EngineTroubleCheck} while the engine is pinged. An engine that answers hands the
 * held failure on to {@link WatchFailures}; one that went away ends the watch with an {@link
 * EngineInterruption}, and the log lines each service had logged until then are remembered.
 */
final class WatchTrouble {
  private final Predicate<String> oneShot;
  private final String watchName;
  private final GateSettings settings;
  private final Map<String, ServiceRecorder> recorders;
  private final WatchFailures failures;
  private final Supplier<Duration> elapsed;
  private final EngineTroubleCheck trouble;
  // each service's log lines seen when the engine's trouble began: findings after it are not theirs
  private volatile Map<String, Long> linesAtTrouble;

  /**
   * @param oneShot whether a service is a one-shot job (its exit 0 is not a failure)
   * @param watchName what messages call the watch, e.g. {@code post-deploy watch}
   * @param elapsed how long the watch has run
   */
  WatchTrouble(
      Predicate<String> oneShot,
      String watchName,
      GateSettings settings,
      Map<String, ServiceRecorder> recorders,
      EnginePing ping,
      WatchFailures failures,
      Supplier<Duration> elapsed) {
    this.oneShot = oneShot;
    this.watchName = watchName;
    this.settings = settings;
    this.recorders = recorders;
    this.failures = failures;
    this.elapsed = elapsed;
    this.trouble =
        new EngineTroubleCheck(
            ping::answers,
            r -> {
              Thread t = new Thread(r, "stagegate-engine-check");
              t.setDaemon(true);
              t.start();
            },
            this::onTroubleDecided);
  }

  /**
   * Each service's count of log lines seen when the engine's trouble began; empty when the engine
   * did not go away.
   */
  Map<String, Long> linesAtEngineTrouble() {
    Map<String, Long> lines = linesAtTrouble;
    return lines == null ? Map.of() : lines;
  }

  /** Whether the engine is being asked about trouble just now. */
  boolean checking() {
    return trouble.checking();
  }

  /** The watch's periodic ping failed {@code intoWatch} into it (see {@code pingFailed}). */
  void pingFailed(Duration intoWatch) {
    trouble.pingFailed(intoWatch);
  }

  /** The watch itself saw the engine go: {@code signs}, {@code intoWatch} into it. */
  void engineGone(List<EngineSign> signs, Duration intoWatch) {
    trouble.engineGone(signs, intoWatch);
  }

  void onEvent(StackEvent e) {
    String failure = failureOf(e);
    Duration into = elapsed();
    boolean wasChecking = trouble.checking();
    if ((failure != null || EngineTroubleCheck.shutdownLike(e))
        && trouble.offer(e, into, failure)) {
      if (!wasChecking) {
        snapshotLines();
      }
      return; // the engine's answer decides whose it is
    }
    if (failure != null) {
      failures.fail(failure);
    }
  }

  /** What an event means for the watch: a failure sentence, or {@code null} when nothing. */
  private String failureOf(StackEvent e) {
    boolean oneShot = oneShot(e.service());
    String what =
        switch (e.action()) {
          case "die" ->
              oneShot && e.exitCode() != null && e.exitCode() == 0
                  ? null
                  : "died (exit code " + e.exitCode() + ")";
          case "oom" -> "was OOM-killed";
          case "kill" -> oneShot ? null : "was killed";
          default -> e.action().startsWith("health_status: unhealthy") ? "turned unhealthy" : null;
        };
    if (what == null) {
      return null;
    }
    return "Expecting service \""
        + e.service()
        + "\" to keep running for the whole "
        + watchName
        + " but it "
        + what
        + " after "
        + BurnInClock.human(elapsed());
  }

  /** Remembers each service's log lines so far, once: the engine's trouble begins now. */
  void snapshotLines() {
    if (linesAtTrouble == null) {
      Map<String, Long> lines = new LinkedHashMap<>();
      recorders.forEach((service, r) -> lines.put(service, r.linesSeen()));
      linesAtTrouble = Map.copyOf(lines);
    }
  }

  private void onTroubleDecided(EngineTroubleCheck.Outcome o) {
    if (!o.engineGone()) {
      linesAtTrouble = null; // the engine answered: the held failures are the services' own
      o.firstFailure().ifPresent(failures::fail);
      return;
    }
    EngineInterruption interruption =
        new EngineInterruption(o.at(), o.intoWatch(), o.signs(), o.events(), null, "", "");
    failures
        .stop()
        .complete(
            WatchStop.engineInterrupted(
                interruption,
                "the Docker engine stopped answering "
                    + BurnInClock.human(o.intoWatch())
                    + " into the "
                    + watchName
                    + " (seen: "
                    + String.join("; ", o.signs().stream().map(EngineSign::describe).toList())
                    + ")"));
  }

  void onLogLine(ServiceRecorder recorder, String line) {
    List<LogFinding> found = recorder.onLogLine(line);
    if (!found.isEmpty() && settings.logsFailFast()) {
      LogFinding f = found.get(0);
      String failure =
          "Expecting service \""
              + recorder.service()
              + "\" to log no errors but it logged at line "
              + f.lineNumber()
              + " ["
              + f.rule()
              + "] "
              + f.line()
              + " after "
              + BurnInClock.human(elapsed());
      if (!trouble.offer(elapsed(), failure)) {
        failures.stop().complete(WatchStop.failed(failure));
      }
    }
  }

  private Duration elapsed() {
    return elapsed.get();
  }

  private boolean oneShot(String service) {
    return oneShot.test(service);
  }
}
