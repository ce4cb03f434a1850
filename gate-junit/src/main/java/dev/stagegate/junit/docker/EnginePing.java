package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks whether the Docker engine answers: {@code /_ping} on a new request, bounded in time, and the
 * engine ID from {@code docker info}. A daemon that shuts down stops accepting requests within
 * milliseconds of its SIGTERM (measured: under 70 ms), while an event stream it already serves goes
 * on delivering its shutdown kills for seconds; a failed ping is therefore the first reliable sign.
 *
 * <pre>{@code
 * EnginePing ping = new EnginePing(client);
 * if (!ping.answers()) {
 *   ping.awaitAnswer(Duration.ofSeconds(60)); // when it was back, if it came back in time
 * }
 * }</pre>
 */
public final class EnginePing {
  /** A ping slower than this counts as no answer: a hung engine is no engine for a gate. */
  static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

  private static final Duration POLL = Duration.ofMillis(250);

  private static final ExecutorService PINGS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "stagegate-engine-ping");
            t.setDaemon(true);
            return t;
          });

  private final DockerClient client;

  public EnginePing(DockerClient client) {
    this.client = client;
  }

  /** Whether the engine answers {@code /_ping} within three seconds. */
  public boolean answers() {
    return call(() -> {
          client.pingCmd().exec();
          return Boolean.TRUE;
        })
        .orElse(false);
  }

  /** The engine's ID ({@code docker info}), when it answers. */
  public Optional<String> engineId() {
    return call(() -> client.infoCmd().exec().getId());
  }

  /**
   * Polls until the engine answers again, at most {@code max}; returns when it answered, empty when
   * it did not in time.
   */
  public Optional<Instant> awaitAnswer(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      if (answers()) {
        return Optional.of(Instant.now());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
    }
  }

  private static <T> Optional<T> call(java.util.concurrent.Callable<T> request) {
    CompletableFuture<T> f = new CompletableFuture<>();
    PINGS.execute(
        () -> {
          try {
            f.complete(request.call());
          } catch (Exception | Error e) {
            f.completeExceptionally(e);
          }
        });
    try {
      return Optional.ofNullable(f.get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty(); // refused, reset or too slow: the engine does not answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
