package dev.stagegate.junit.load;

import dev.stagegate.report.load.LoadHistory;
import dev.stagegate.report.load.LoadInterval;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a constant rate, whatever the service does (an open model): request {@code i}
 * is due at {@code start + i / rate}, is sent then without waiting for earlier ones, and its
 * latency counts from that intended time. A service that stalls for a second therefore shows a
 * second of latency on every request due in that second, not one slow request followed by silence:
 * the generator does not suffer coordinated omission.
 *
 * <pre>{@code
 * try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 20, Duration.ofMinutes(1))) {
 *   load.start();
 *   Thread.sleep(Duration.ofMinutes(10).toMillis());
 *   LoadSummary s = load.stop();       // p50/p95/p99/max, error rate, achieved rate per minute
 * }
 * }</pre>
 *
 * <p>One platform thread schedules; HTTP/1.1 requests go through {@link HttpClient#sendAsync} so a
 * slow answer never delays the next send. Every outcome is recorded into HdrHistograms (see {@link
 * LoadRecorder}); per-interval summaries go into a bounded {@link LoadHistory}, so memory stays
 * fixed for a 24-hour run. A request still unanswered after the target's timeout is an error.
 */
public final class LoadGenerator implements AutoCloseable {
  private final LoadTarget target;
  private final double rate;
  private final long periodNanos;
  private final long intervalNanos;
  private final HttpRequest request;
  private final ExecutorService completions;
  private final HttpClient client;
  private final LoadRecorder recorder;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong sentTotal = new AtomicLong();
  private volatile boolean running;
  private Thread scheduler;
  private long startNanos;
  private LoadSummary finished;

  /**
   * A generator of {@code rate} requests per second to {@code target}, summarising every {@code
   * interval}; nothing is sent before {@link #start()}.
   */
  public LoadGenerator(LoadTarget target, double rate, Duration interval) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number but was " + rate);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive but was " + interval);
    }
    this.target = target;
    this.rate = rate;
    this.periodNanos = Math.max(1, Math.round(1e9 / rate));
    this.intervalNanos = interval.toNanos();
    this.request = request(target);
    this.completions =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "stagegate-load-completions");
              t.setDaemon(true);
              return t;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(target.timeout())
            .executor(completions)
            .build();
    this.recorder = new LoadRecorder(new LoadHistory());
  }

  private static HttpRequest request(LoadTarget target) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target.uri())
            .timeout(target.timeout())
            .method(
                target.method(),
                target.body().isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(target.body()));
    for (Map.Entry<String, String> h : target.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    return b.build();
  }

  /** Starts sending; returns this. */
  public synchronized LoadGenerator start() {
    if (scheduler != null) {
      throw new IllegalStateException("the load generator was already started");
    }
    running = true;
    startNanos = System.nanoTime();
    scheduler = new Thread(this::schedule, "stagegate-load " + target.describe());
    scheduler.setDaemon(true);
    scheduler.start();
    return this;
  }

  /** The intervals closed so far (not the one in progress). */
  public List<LoadInterval> intervals() {
    return recorder.summary(target, rate).intervals();
  }

  /** Requests sent so far. */
  public long sent() {
    return sentTotal.get();
  }

  /** Seconds since {@link #start()}. */
  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Stops sending, waits for the requests in flight (at most the target's timeout), closes the last
   * interval and returns the run. Idempotent: later calls return the same summary.
   */
  public synchronized LoadSummary stop() throws InterruptedException {
    if (finished != null) {
      return finished;
    }
    if (scheduler == null) {
      throw new IllegalStateException("the load generator was not started");
    }
    running = false;
    LockSupport.unpark(scheduler);
    scheduler.join();
    double stoppedAt = elapsedSeconds();
    long waitUntil = System.nanoTime() + target.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
    while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(5);
    }
    // the last interval ends when sending stopped; latecomers still count in it
    recorder.roll(stoppedAt);
    finished = recorder.summary(target, rate);
    completions.shutdownNow();
    return finished;
  }

  /** Stops the load if it still runs (see {@link #stop()}). */
  @Override
  public void close() {
    try {
      if (scheduler != null) {
        stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      completions.shutdownNow();
    }
  }

  private void schedule() {
    long nextRoll = startNanos + intervalNanos;
    for (long i = 0; running; i++) {
      long intended = startNanos + (long) (i * (1e9 / rate));
      while (running) {
        long now = System.nanoTime();
        if (now >= nextRoll) {
          recorder.roll((nextRoll - startNanos) / 1e9);
          nextRoll += intervalNanos;
          continue;
        }
        if (now >= intended) {
          break;
        }
        LockSupport.parkNanos(Math.min(intended, nextRoll) - now);
      }
      if (!running) {
        return;
      }
      send(intended);
    }
  }

  private void send(long intended) {
    recorder.sent();
    sentTotal.incrementAndGet();
    inFlight.incrementAndGet();
    try {
      client
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                long latency = System.nanoTime() - intended;
                recorder.completed(latency, errorKind(response, failure));
                inFlight.decrementAndGet();
              });
    } catch (RuntimeException e) {
      recorder.completed(System.nanoTime() - intended, "not sent: " + e.getClass().getSimpleName());
      inFlight.decrementAndGet();
    }
  }

  private String errorKind(HttpResponse<?> response, Throwable failure) {
    if (failure == null) {
      return response.statusCode() == target.expectedStatus()
          ? null
          : "status " + response.statusCode();
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof IOException) {
      return "connection failed (" + cause.getClass().getSimpleName() + ")";
    }
    return "failed (" + cause.getClass().getSimpleName() + ")";
  }

  /** Requests per period: {@code 1e9 / rate} nanoseconds between intended sends. */
  long periodNanos() {
    return periodNanos;
  }
}
