package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import dev.stagegate.report.StatsSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Streams {@code docker stats} of one container (the engine sends about one reading a second) and
 * hands on one reading per interval. Remembers when the last reading came, so a stalled stream can
 * be told from a quiet one.
 */
public final class StatsStream implements AutoCloseable {
  /**
   * One reading handed on.
   *
   * @param snapshot what {@code docker stats} shows
   * @param anonymousBytes memory the kernel cannot reclaim without swap (anonymous and shared; page
   *     cache not counted), empty when the engine does not report it
   */
  public record Reading(StatsSnapshot snapshot, OptionalLong anonymousBytes) {}

  private final DockerClient client;
  private final String containerId;
  private final long intervalNanos;
  private final Consumer<Reading> readings;
  private volatile long lastReadingNanos = System.nanoTime();
  private long lastHandedOnNanos;
  private volatile StatsSnapshot latest;
  private ResultCallback.Adapter<Statistics> callback;

  public StatsStream(
      DockerClient client, String containerId, Duration interval, Consumer<Reading> readings) {
    this.client = client;
    this.containerId = containerId;
    this.intervalNanos = interval.toNanos();
    this.readings = readings;
  }

  public StatsStream start() {
    callback =
        new ResultCallback.Adapter<>() {
          private boolean first = true;

          @Override
          public void onNext(Statistics s) {
            long now = System.nanoTime();
            lastReadingNanos = now;
            StatsSnapshot snapshot = StatsReading.toSnapshot(s);
            latest = snapshot;
            if (first) {
              first = false; // no previous CPU sample yet: its CPU is 0 by construction
              return;
            }
            if (now - lastHandedOnNanos >= intervalNanos * 9 / 10) {
              lastHandedOnNanos = now;
              readings.accept(new Reading(snapshot, StatsReading.anonymous(s)));
            }
          }
        };
    client.statsCmd(containerId).exec(callback);
    return this;
  }

  /** How long since the engine last sent a reading. */
  public Duration silence() {
    return Duration.ofNanos(System.nanoTime() - lastReadingNanos);
  }

  /** The most recent reading, or {@code null} before the first. */
  public StatsSnapshot latest() {
    return latest;
  }

  @Override
  public void close() {
    if (callback != null) {
      try {
        callback.close();
      } catch (IOException ignored) {
        // already ended
      }
    }
  }
}
