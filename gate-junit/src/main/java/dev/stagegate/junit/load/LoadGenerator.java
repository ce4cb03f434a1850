package dev.stagegate.junit.load;

import dev.stagegate.report.load.LoadHistory;
import dev.stagegate.report.load.LoadInterval;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a constant rate, whatever the service does (an open model): request {@code i}
 * is due at {@code start + i / rate} and its latency counts from that intended time. A service that
 * stalls for a second therefore shows a second of latency on every request due in that second, not
 * one slow request followed by silence: the generator does not suffer coordinated omission.
 *
 * <pre>{@code
 * try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 20, Duration.ofMinutes(1))) {
 *   load.start();
 *   Thread.sleep(Duration.ofMinutes(10).toMillis());
 *   LoadSummary s = load.stop();       // p50/p95/p99/max, error rate, achieved rate per minute
 * }
 * }</pre>
 *
 * <p>One thread schedules: at each due time it hands the request to an idle connection, opening
 * another (up to {@value #MAX_CONNECTIONS}) when every connection is busy, so a slow answer never
 * delays the next send. Each connection is a keep-alive HTTP/1.1 socket on a worker thread of its
 * own ({@link Http11Connection}). Only with every connection busy does a request wait for one; the
 * wait counts in its latency, and a request counts as sent when it is written, so the achieved rate
 * then shows the shortfall. Every outcome is recorded into HdrHistograms (see {@link
 * LoadRecorder}); per-interval summaries go into a bounded {@link LoadHistory}, so memory stays
 * fixed for a 24-hour run. A request whose answer takes longer than the target's timeout is an
 * error.
 */
public final class LoadGenerator implements AutoCloseable {
  /** At most this many connections (and worker threads) per generator. */
  public static final int MAX_CONNECTIONS = 256;

  private static final long IDLE_POLL_MILLIS = 100;

  private final LoadTarget target;
  private final double rate;
  private final long intervalNanos;
  private final byte[] request;
  private final LoadRecorder recorder;
  private final BlockingQueue<Long> due = new LinkedBlockingQueue<>();
  private final AtomicInteger idle = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicLong sentTotal = new AtomicLong();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private volatile boolean closing;
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
    if (!"http".equalsIgnoreCase(target.uri().getScheme())) {
      throw new IllegalArgumentException(
          "the load generator speaks plain http to a stack's published port, not "
              + target.uri().getScheme()
              + ": "
              + target.uri());
    }
    this.target = target;
    this.rate = rate;
    this.intervalNanos = interval.toNanos();
    this.request = Http11Connection.request(target);
    this.recorder = new LoadRecorder(new LoadHistory());
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
    while ((!due.isEmpty() || busy.get() > 0) && System.nanoTime() < waitUntil) {
      Thread.sleep(5);
    }
    // the last interval ends when sending stopped; latecomers still count in it. A stub of less
    // than half an interval joins the one before, rather than read as a rate of its own.
    double intervalSeconds = intervalNanos / 1e9;
    double stub = stoppedAt - Math.floor(stoppedAt / intervalSeconds) * intervalSeconds;
    recorder.roll(stoppedAt, stoppedAt > intervalSeconds && stub < intervalSeconds / 2);
    finished = recorder.summary(target, rate);
    shutDownWorkers();
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
      shutDownWorkers();
    }
  }

  private void shutDownWorkers() {
    closing = true;
    synchronized (workers) {
      workers.forEach(Thread::interrupt);
    }
  }

  private void schedule() {
    long nextRoll = startNanos + intervalNanos;
    double period = 1e9 / rate;
    for (long i = 0; running; i++) {
      long intended = startNanos + (long) (i * period);
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
      due.add(intended);
      if (idle.get() == 0) {
        addWorker();
      }
    }
  }

  private void addWorker() {
    synchronized (workers) {
      if (workers.size() >= MAX_CONNECTIONS) {
        return; // every connection busy: the request waits, and its wait counts as latency
      }
      Thread t =
          new Thread(
              null,
              this::work,
              "stagegate-load-" + workers.size() + " " + target.describe(),
              256 * 1024);
      t.setDaemon(true);
      workers.add(t);
      idle.incrementAndGet(); // counted idle before it runs, so one due request starts one worker
      t.start();
    }
  }

  private void work() {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
    boolean head = target.method().equals("HEAD");
    try (Http11Connection connection =
        new Http11Connection(target.uri(), request, head, timeoutMillis)) {
      while (!closing) {
        Long intended;
        try {
          intended = due.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (intended == null) {
          continue;
        }
        idle.decrementAndGet();
        busy.incrementAndGet();
        try {
          send(connection, intended);
        } finally {
          busy.decrementAndGet();
          idle.incrementAndGet();
        }
      }
    }
  }

  private void send(Http11Connection connection, long intended) {
    recorder.sent();
    sentTotal.incrementAndGet();
    String errorKind;
    try {
      int status = connection.exchange();
      errorKind = status == target.expectedStatus() ? null : "status " + status;
    } catch (ConnectException e) {
      errorKind = "connection refused";
    } catch (SocketTimeoutException e) {
      errorKind = "timeout";
    } catch (IOException | RuntimeException e) {
      errorKind = "connection failed (" + e.getClass().getSimpleName() + ")";
    }
    long latency = System.nanoTime() - intended;
    if (errorKind == null && latency > target.timeout().toNanos()) {
      errorKind = "timeout";
    }
    recorder.completed(latency, errorKind);
  }
}
