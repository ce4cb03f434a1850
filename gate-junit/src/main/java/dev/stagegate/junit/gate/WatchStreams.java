package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.watch.ServiceRecorder;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.LogFollower;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.junit.docker.StatsStream;
import dev.stagegate.report.StatsSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A watch's log and stats streams: every container's log followed live (again after a hiccup),
 * every long-running service's {@code docker stats} sampled into its recorder, and what they said
 * last, for the progress line, the stall check and the end-of-run snapshot.
 */
final class WatchStreams {
  private final Predicate<String> oneShot;
  private final String watchName;
  private final Long logsSince;
  private final DockerClient client;
  private final StackInspector inspector;
  private final GateSettings settings;
  private final Map<String, ServiceRecorder> recorders;
  private final Supplier<Duration> elapsed;
  private final Map<String, StatsStream> stats = new LinkedHashMap<>();
  private final Map<String, LogFollower> followers = new LinkedHashMap<>();
  private final Set<String> memoryWithPageCache = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> stoppedContainers = new java.util.HashSet<>();

  /**
   * @param oneShot whether a service is a one-shot job (no stats: it is meant to exit)
   * @param watchName what the progress line calls the watch
   * @param logsSince follow logs from this epoch second on ({@code null}: the whole log)
   * @param elapsed how long the watch has run
   */
  WatchStreams(
      Predicate<String> oneShot,
      String watchName,
      Long logsSince,
      DockerClient client,
      StackInspector inspector,
      GateSettings settings,
      Map<String, ServiceRecorder> recorders,
      Supplier<Duration> elapsed) {
    this.oneShot = oneShot;
    this.watchName = watchName;
    this.logsSince = logsSince;
    this.client = client;
    this.inspector = inspector;
    this.settings = settings;
    this.recorders = recorders;
    this.elapsed = elapsed;
  }

  /** Follows the log of every recorded container into {@code onLogLine}, and samples its stats. */
  void start(BiConsumer<ServiceRecorder, String> onLogLine) {
    for (ServiceContainer c : inspector.containers()) {
      ServiceRecorder recorder = recorders.get(c.service());
      if (recorder == null) {
        continue;
      }
      LogFollower follower =
          new LogFollower(client, c.id(), line -> onLogLine.accept(recorder, line));
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
  }

  /** Stops every stream started. */
  void close() {
    stats.values().forEach(StatsStream::close);
    followers.values().forEach(LogFollower::close);
  }

  /** The latest stats reading of a service, for the end-of-run snapshot. */
  Optional<StatsSnapshot> latestStats(String service) {
    return Optional.ofNullable(stats.get(service)).map(StatsStream::latest);
  }

  /** The end of the watch when a service's stats stream stalled: the evidence has a hole. */
  Optional<WatchStop> stalled() {
    for (Map.Entry<String, StatsStream> s : stats.entrySet()) {
      if (s.getValue().silence().compareTo(settings.statsStall()) > 0) {
        return Optional.of(
            WatchStop.inconclusive(
                "the stats stream of service \""
                    + s.getKey()
                    + "\" stalled for "
                    + s.getValue().silence().toSeconds()
                    + " s (stagegate.stats.stall = "
                    + settings.statsStall()
                    + ")"));
      }
    }
    return Optional.empty();
  }

  /**
   * A log stream also ends when the connection hiccups while the container runs on: follow it again
   * (the follower skips what it already handed on). A stopped container's stream ends for good; its
   * death is the event watch's business.
   */
  void reattachBrokenLogStreams() {
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

  /** The progress line of a watch planned for {@code duration}. */
  String progressLine(Duration duration) {
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

  private Duration elapsed() {
    return elapsed.get();
  }

  private boolean oneShot(String service) {
    return oneShot.test(service);
  }
}
