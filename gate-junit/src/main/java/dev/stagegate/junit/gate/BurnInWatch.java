package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.EnginePing;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.EngineSign;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Watches a running stack for a burn-in: container events (fail fast on die, OOM, kill or an
 * unhealthy turn), every service's log followed live through the log audit (fail fast on a crash
 * signature unless {@code stagegate.logs.failfast=false}), and {@code docker stats} sampled into
 * bounded histories. Waiting is event-driven: a failure ends the watch within milliseconds, not at
 * the next poll.
 *
 * <p>The engine itself is watched too: a kill or a 137/143 exit waits up to {@link
 * EngineTroubleCheck#CONFIRM_WINDOW} for the engine's answer to a ping (a daemon that shuts down
 * kills every container first), the engine is pinged every {@link #ENGINE_PING_EVERY}, and a broken
 * event stream is checked with a ping. An engine that went away ends the watch as INCONCLUSIVE with
 * an {@link EngineInterruption}, never as a service's failure.
 *
 * <p>This class runs the loop; {@link WatchStreams} holds the log and stats streams, {@link
 * WatchTrouble} turns events and log findings into failures (holding them while the engine is
 * asked), and {@link WatchFailures} holds the future the first failure completes and the later
 * ones.
 */
final class BurnInWatch {
  private static final Duration TICK = Duration.ofMillis(500);

  /** How often the watch asks the engine whether it still answers. */
  static final Duration ENGINE_PING_EVERY = Duration.ofSeconds(2);

  private final String watchName;
  private final EventWatch events;
  private final GateSettings settings;
  private final Consumer<String> progress;
  private final EnginePing ping;
  private final WatchFailures failures = new WatchFailures();
  private final WatchTrouble trouble;
  private final WatchStreams streams;
  private long startNanos;

  BurnInWatch(
      ComposeFile compose,
      DockerClient client,
      StackInspector inspector,
      EventWatch events,
      GateSettings settings,
      Map<String, ServiceRecorder> recorders,
      Consumer<String> progress) {
    this(
        service -> compose.service(service).map(ComposeService::oneShot).orElse(false),
        "burn-in",
        null,
        client,
        inspector,
        events,
        settings,
        recorders,
        progress);
  }

  /**
   * A watch of a stack without a compose file at hand (a deployed target).
   *
   * @param oneShot whether a service is a one-shot job (its exit 0 is not a failure)
   * @param watchName what messages call the watch, e.g. {@code post-deploy watch}
   * @param logsSince follow logs from this epoch second on ({@code null}: the whole log)
   */
  BurnInWatch(
      Predicate<String> oneShot,
      String watchName,
      Long logsSince,
      DockerClient client,
      StackInspector inspector,
      EventWatch events,
      GateSettings settings,
      Map<String, ServiceRecorder> recorders,
      Consumer<String> progress) {
    this.watchName = watchName;
    this.events = events;
    this.settings = settings;
    this.progress = progress;
    this.ping = new EnginePing(client);
    this.trouble =
        new WatchTrouble(oneShot, watchName, settings, recorders, ping, failures, this::elapsed);
    this.streams =
        new WatchStreams(
            oneShot, watchName, logsSince, client, inspector, settings, recorders, this::elapsed);
  }

  /**
   * Each service's count of log lines seen when the engine's trouble began; empty when the engine
   * did not go away.
   */
  Map<String, Long> linesAtEngineTrouble() {
    return trouble.linesAtEngineTrouble();
  }

  /**
   * Watches for {@code duration} or until something fails; runs {@code smoke} every {@code
   * smokeEvery} (it returns failure sentences, empty when fine). Always stops its streams.
   */
  WatchStop watch(
      Duration duration,
      Optional<Duration> smokeEvery,
      Supplier<List<String>> smoke,
      Runnable checkpoint)
      throws InterruptedException {
    return watch(duration, smokeEvery, Duration.ZERO, smoke, checkpoint);
  }

  /**
   * As {@link #watch(Duration, Optional, Supplier, Runnable)}, but a failure ends the watch only
   * {@code afterFailure} later (never after {@code duration}): the failures seen meanwhile come
   * with the first, in {@link WatchStop#afterwards()}.
   */
  WatchStop watch(
      Duration duration,
      Optional<Duration> smokeEvery,
      Duration afterFailure,
      Supplier<List<String>> smoke,
      Runnable checkpoint)
      throws InterruptedException {
    startNanos = System.nanoTime();
    events.onEvent(trouble::onEvent);
    try {
      streams.start(trouble::onLogLine);
      checkpoint.run();
      return loop(duration, smokeEvery, afterFailure, smoke, checkpoint);
    } finally {
      events.onEvent(e -> {});
      streams.close();
    }
  }

  /** How long the watch has run. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The latest stats reading of a service, for the end-of-run snapshot. */
  Optional<StatsSnapshot> latestStats(String service) {
    return streams.latestStats(service);
  }

  private WatchStop loop(
      Duration duration,
      Optional<Duration> smokeEvery,
      Duration afterFailure,
      Supplier<List<String>> smoke,
      Runnable checkpoint)
      throws InterruptedException {
    long nextCheckpoint = startNanos + settings.journalInterval().toNanos();
    long deadline = startNanos + duration.toNanos();
    long nextProgress = startNanos + settings.progressInterval().toNanos();
    long nextSmoke = smokeEvery.map(d -> startNanos + d.toNanos()).orElse(Long.MAX_VALUE);
    long nextPing = startNanos + ENGINE_PING_EVERY.toNanos();
    WatchStop first = null; // the failure the watch goes on after
    long firstAt = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= deadline) {
        return first == null ? WatchStop.completed() : failures.watchedOn(first, firstAt);
      }
      long wait = Math.min(TICK.toNanos(), deadline - now);
      if (first == null) {
        try {
          WatchStop s = failures.stop().get(wait, TimeUnit.NANOSECONDS);
          if (s.verdict() != Verdict.FAIL || afterFailure.isZero()) {
            return s;
          }
          first = s;
          firstAt = System.nanoTime();
          deadline = Math.min(deadline, firstAt + afterFailure.toNanos());
          progress.accept(
              watchName
                  + " failed after "
                  + BurnInClock.human(elapsed())
                  + "; watching "
                  + BurnInClock.human(afterFailure)
                  + " more for the other services' reactions: "
                  + s.reason());
          continue;
        } catch (TimeoutException e) {
          // nothing failed during this tick: check the slower conditions
        } catch (java.util.concurrent.ExecutionException e) {
          return WatchStop.inconclusive("the watch broke: " + e.getCause());
        }
      } else {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (first != null) {
        // after a failure the verdict is decided: the evidence stream or the engine failing now
        // ends the watch without taking the failure back
        if (events.failure().isPresent() || (System.nanoTime() >= nextPing && !ping.answers())) {
          return failures.watchedOn(first, firstAt);
        }
        if (System.nanoTime() >= nextPing) {
          nextPing = System.nanoTime() + ENGINE_PING_EVERY.toNanos();
        }
        // watching on may last up to 30 minutes: keep the journal and the log streams as before
        streams.reattachBrokenLogStreams();
        if (System.nanoTime() >= nextCheckpoint) {
          nextCheckpoint += settings.journalInterval().toNanos();
          checkpoint.run();
        }
        if (System.nanoTime() >= nextSmoke) {
          nextSmoke += smokeEvery.orElseThrow().toNanos();
          smoke.get().forEach(failures::afterwards);
        }
        continue;
      }
      Optional<Throwable> broken = events.failure();
      if (broken.isPresent()) {
        if (!ping.answers()) {
          trouble.snapshotLines();
          trouble.engineGone(
              List.of(EngineSign.EVENT_STREAM_BROKE, EngineSign.PING_FAILED), elapsed());
          continue; // the decision completes the stop
        }
        return WatchStop.inconclusive(
            "the Docker event stream broke ("
                + broken.get()
                + ") while the engine still answered; the evidence so far is kept");
      }
      if (System.nanoTime() >= nextPing && !trouble.checking()) {
        nextPing = System.nanoTime() + ENGINE_PING_EVERY.toNanos();
        if (!ping.answers()) {
          trouble.snapshotLines();
          trouble.pingFailed(elapsed());
          continue; // the decision completes the stop
        }
      }
      Optional<WatchStop> stalled = streams.stalled();
      if (stalled.isPresent()) {
        return stalled.get();
      }
      streams.reattachBrokenLogStreams();
      now = System.nanoTime();
      if (now >= nextProgress && deadline - now > TICK.toNanos()) {
        nextProgress += settings.progressInterval().toNanos();
        progress.accept(streams.progressLine(duration));
      }
      if (now >= nextCheckpoint) {
        nextCheckpoint += settings.journalInterval().toNanos();
        checkpoint.run();
      }
      if (now >= nextSmoke) {
        nextSmoke += smokeEvery.orElseThrow().toNanos();
        List<String> failed = smoke.get();
        if (!failed.isEmpty()) {
          failures.fail(String.join("; ", failed)); // the next tick ends the watch, or watches on
        }
      }
    }
  }

  /**
   * The services whose memory was recorded as {@code docker stats} shows it, page cache on the
   * active list included, because the engine reported no anonymous memory for them.
   */
  Set<String> memoryWithPageCache() {
    return streams.memoryWithPageCache();
  }
}
