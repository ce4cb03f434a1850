package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Follows a container's log live, stdout and stderr, handing every line to a consumer exactly once.
 * When the stream ends because the container died, {@link #reattach()} follows it again after a
 * restart: the engine replays the whole log (the restarted container keeps one log), so the lines
 * already handed on are skipped by count: nothing is lost and nothing comes twice.
 */
public final class LogFollower implements AutoCloseable {
  private final DockerClient client;
  private final String containerId;
  private final Consumer<String> lines;
  private long delivered;
  private Integer since;
  private volatile boolean ended;
  private ResultCallback.Adapter<Frame> callback;

  public LogFollower(DockerClient client, String containerId, Consumer<String> lines) {
    this.client = client;
    this.containerId = containerId;
    this.lines = lines;
  }

  /**
   * Follows only what the container logged from {@code epochSecond} on (every attach uses the same
   * start, so a reattach still skips by count); for a long-running deployed container whose older
   * log is not this watch's business.
   */
  public LogFollower since(long epochSecond) {
    this.since = (int) epochSecond;
    return this;
  }

  /** Starts following from the beginning of the container's log (or from {@link #since}). */
  public LogFollower start() {
    attach();
    return this;
  }

  /** Whether the stream ended (the container stopped); {@link #reattach()} to go on. */
  public boolean ended() {
    return ended;
  }

  /** Follows again after the container restarted, skipping lines already delivered. */
  public synchronized void reattach() {
    closeStream();
    attach();
  }

  /** Lines handed on so far. */
  public synchronized long delivered() {
    return delivered;
  }

  private synchronized void attach() {
    ended = false;
    long skip = delivered;
    long[] seen = {0};
    Consumer<String> deduplicating =
        line -> {
          synchronized (this) {
            if (seen[0]++ < skip) {
              return;
            }
            delivered++;
          }
          lines.accept(line);
        };
    LineSplitter stdout = new LineSplitter(deduplicating);
    LineSplitter stderr = new LineSplitter(deduplicating);
    callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            switch (frame.getStreamType()) {
              case STDERR -> stderr.accept(frame.getPayload());
              default -> stdout.accept(frame.getPayload());
            }
          }

          @Override
          public void onComplete() {
            stdout.flush();
            stderr.flush();
            ended = true;
          }

          @Override
          public void onError(Throwable t) {
            ended = true;
          }
        };
    var cmd =
        client
            .logContainerCmd(containerId)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(true)
            .withTailAll();
    if (since != null) {
      cmd = cmd.withSince(since);
    }
    cmd.exec(callback);
  }

  private void closeStream() {
    if (callback != null) {
      try {
        callback.close();
      } catch (IOException ignored) {
        // the engine already ended it
      }
    }
  }

  @Override
  public synchronized void close() {
    closeStream();
  }
}
