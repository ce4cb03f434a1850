package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.EnginePing;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.LogFollower;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.junit.docker.StatsStream;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.EngineSign;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.StackEvent;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 */
final class BurnInWatch {
  private static final Duration TICK = Duration.ofMillis(500);

  /** Failures kept from the watch after the first one: each is said once, and a loop says a lot. */
  static final int AFTERWARDS_KEPT = 20;

  /** How often the watch asks the engine whether it still answers. */
  static final Duration ENGINE_PING_EVERY = Duration.ofSeconds(2);

  private final Predicate<String> oneShot;
  private final String watchName;
  private final Long logsSince;
  private final DockerClient client;
  private final StackInspector inspector;
  private final EventWatch events;
  private final GateSettings settings;
  private final Map<String, ServiceRecorder> recorders;
  private final Consumer<String> progress;
  private final CompletableFuture<WatchStop> stop = new CompletableFuture<>();
  // failures after the first, when the watch goes on after it (watchAfterFailure)
  private final Set<String> afterwards = new java.util.LinkedHashSet<>();
  private int afterwardsDropped;
  private final Map<String, StatsStream> stats = new LinkedHashMap<>();
  private final Map<String, LogFollower> followers = new LinkedHashMap<>();
  private final Set<String> memoryWithPageCache = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> stoppedContainers = new java.util.HashSet<>();
  private final EnginePing ping;
  private final EngineTroubleCheck trouble;
  // each service's log lines seen when the engine's trouble began: findings after it are not theirs
  private volatile Map<String, Long> linesAtTrouble;
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
    this.oneShot = oneShot;
    this.watchName = watchName;
    this.logsSince = logsSince;
    this.client = client;
    this.inspector = inspector;
    this.events = events;
    this.settings = settings;
    this.recorders = recorders;
    this.progress = progress;
    this.ping = new EnginePing(client);
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
    events.onEvent(this::onEvent);
    try {
      for (ServiceContainer c : inspector.containers()) {
        ServiceRecorder recorder = recorders.get(c.service());
        if (recorder == null) {
          continue;
        }
        LogFollower follower = new LogFollower(client, c.id(), line -> onLogLine(recorder, line));
        if (logsSince != null) {
          follower.since(logsSince);
        }
        followers.put(c.id(), follower.start());
        if (!oneShot(c.service())) {
          stats.put(
              c.service(),
              new StatsStream(client, c.id(), settings.statsInterval(), s -> onStats(recorder, s))
                  .start());
        }
      }
      checkpoint.run();
      return loop(duration, smokeEvery, afterFailure, smoke, checkpoint);
    } finally {
      events.onEvent(e -> {});
      stats.values().forEach(StatsStream::close);
      followers.values().forEach(LogFollower::close);
    }
  }

  /** How long the watch has run. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The latest stats reading of a service, for the end-of-run snapshot. */
  Optional<StatsSnapshot> latestStats(String service) {
    return Optional.ofNullable(stats.get(service)).map(StatsStream::latest);
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
        return first == null ? WatchStop.completed() : watchedOn(first, firstAt);
      }
      long wait = Math.min(TICK.toNanos(), deadline - now);
      if (first == null) {
        try {
          WatchStop s = stop.get(wait, TimeUnit.NANOSECONDS);
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
          return watchedOn(first, firstAt);
        }
        if (System.nanoTime() >= nextPing) {
          nextPing = System.nanoTime() + ENGINE_PING_EVERY.toNanos();
        }
        if (System.nanoTime() >= nextSmoke) {
          nextSmoke += smokeEvery.orElseThrow().toNanos();
          smoke.get().forEach(this::afterwards);
        }
        continue;
      }
      Optional<Throwable> broken = events.failure();
      if (broken.isPresent()) {
        if (!ping.answers()) {
          snapshotLines();
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
          snapshotLines();
          trouble.engineGone(List.of(EngineSign.PING_FAILED), elapsed());
          continue;
        }
      }
      for (Map.Entry<String, StatsStream> s : stats.entrySet()) {
        if (s.getValue().silence().compareTo(settings.statsStall()) > 0) {
          return WatchStop.inconclusive(
              "the stats stream of service \""
                  + s.getKey()
                  + "\" stalled for "
                  + s.getValue().silence().toSeconds()
                  + " s (stagegate.stats.stall = "
                  + settings.statsStall()
                  + ")");
        }
      }
      reattachBrokenLogStreams();
      now = System.nanoTime();
      if (now >= nextProgress && deadline - now > TICK.toNanos()) {
        nextProgress += settings.progressInterval().toNanos();
        progress.accept(progressLine(duration));
      }
      if (now >= nextCheckpoint) {
        nextCheckpoint += settings.journalInterval().toNanos();
        checkpoint.run();
      }
      if (now >= nextSmoke) {
        nextSmoke += smokeEvery.orElseThrow().toNanos();
        List<String> failures = smoke.get();
        if (!failures.isEmpty()) {
          fail(String.join("; ", failures)); // the next tick ends the watch, or watches on
        }
      }
    }
  }

  /**
   * A log stream also ends when the connection hiccups while the container runs on: follow it again
   * (the follower skips what it already handed on). A stopped container's stream ends for good; its
   * death is the event watch's business.
   */
  private void reattachBrokenLogStreams() {
    for (Map.Entry<String, LogFollower> f : followers.entrySet()) {
      if (!f.getValue().ended() || stoppedContainers.contains(f.getKey())) {
        continue;
      }
      try {
        if (inspector.state(f.getKey()).running()) {
          f.getValue().reattach();
        } else {
          stoppedContainers.add(f.getKey());
        }
      } catch (RuntimeException e) {
        // the engine did not answer: the event stream's failure decides what that means
      }
    }
  }

  private void onEvent(StackEvent e) {
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
      fail(failure);
    }
  }

  /** Ends the watch with {@code failure}, or keeps it among the later ones. */
  private void fail(String failure) {
    if (!stop.complete(WatchStop.failed(failure))) {
      afterwards(failure);
    }
  }

  private void afterwards(String failure) {
    synchronized (afterwards) {
      if (afterwards.size() < AFTERWARDS_KEPT) {
        afterwards.add(failure);
      } else if (!afterwards.contains(failure)) {
        afterwardsDropped++;
      }
    }
  }

  private WatchStop watchedOn(WatchStop first, long firstAt) {
    List<String> later;
    synchronized (afterwards) {
      later = new java.util.ArrayList<>(afterwards);
      later.remove(first.reason());
      if (afterwardsDropped > 0) {
        later.add(
            "… and "
                + afterwardsDropped
                + " more failures after the first (only the first "
                + AFTERWARDS_KEPT
                + " are kept)");
      }
    }
    return first.watchedOn(Duration.ofNanos(System.nanoTime() - firstAt), later);
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

  private void snapshotLines() {
    if (linesAtTrouble == null) {
      Map<String, Long> lines = new LinkedHashMap<>();
      recorders.forEach((service, r) -> lines.put(service, r.linesSeen()));
      linesAtTrouble = Map.copyOf(lines);
    }
  }

  private void onTroubleDecided(EngineTroubleCheck.Outcome o) {
    if (!o.engineGone()) {
      linesAtTrouble = null; // the engine answered: the held failures are the services' own
      o.firstFailure().ifPresent(this::fail);
      return;
    }
    EngineInterruption interruption =
        new EngineInterruption(o.at(), o.intoWatch(), o.signs(), o.events(), null, "", "");
    stop.complete(
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

  private void onLogLine(ServiceRecorder recorder, String line) {
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
        stop.complete(WatchStop.failed(failure));
      }
    }
  }

  private void onStats(ServiceRecorder recorder, StatsStream.Reading r) {
    StatsSnapshot s = r.snapshot();
    // leaks are judged on what the kernel cannot reclaim; page cache growth is not a leak
    long memory = r.anonymousBytes().orElse(s.memoryBytes());
    if (r.anonymousBytes().isEmpty()) {
      memoryWithPageCache.add(recorder.service());
    }
    recorder.onStats(elapsed().toMillis() / 1000.0, s.cpuPercent(), memory);
  }

  /**
   * The services whose memory was recorded as {@code docker stats} shows it, page cache on the
   * active list included, because the engine reported no anonymous memory for them.
   */
  Set<String> memoryWithPageCache() {
    return Set.copyOf(memoryWithPageCache);
  }

  private boolean oneShot(String service) {
    return oneShot.test(service);
  }

  private String progressLine(Duration duration) {
    Duration elapsed = elapsed();
    StringBuilder sb = new StringBuilder();
    sb.append(watchName + " ")
        .append(BurnInClock.human(elapsed))
        .append(" elapsed, ")
        .append(BurnInClock.human(duration.minus(elapsed)))
        .append(" remaining");
    for (ServiceRecorder r : recorders.values()) {
      if (oneShot(r.service())) {
        continue;
      }
      StatsStream s = stats.get(r.service());
      StatsSnapshot latest = s == null ? null : s.latest();
      sb.append(" | ").append(r.service()).append(": ");
      if (latest != null) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%.1f MiB, %.1f%% CPU",
                latest.memoryBytes() / 1048576.0,
                latest.cpuPercent()));
      } else {
        sb.append("no stats yet");
      }
      sb.append(", ").append(r.findingsTotal()).append(" log findings");
    }
    return sb.toString();
  }
}
