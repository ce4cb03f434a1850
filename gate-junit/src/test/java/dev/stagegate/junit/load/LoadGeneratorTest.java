package dev.stagegate.junit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stagegate.report.load.LoadInterval;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private HttpServer server;
  private ExecutorService pool;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** A local server whose handler runs {@code before} (e.g. a delay) and answers {@code status}. */
  private URI serve(ExecutorService executor, int status, Consumer<HttpExchange> before)
      throws IOException {
    pool = executor;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api",
        exchange -> {
          before.accept(exchange);
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(executor);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/list");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static LoadSummary run(LoadGenerator load, long millis) throws InterruptedException {
    load.start();
    Thread.sleep(millis);
    return load.stop();
  }

  @Test
  void sendsAtTheRequestedRateAndMeasuresTheInjectedDelay() throws Exception {
    URI uri = serve(Executors.newCachedThreadPool(), 200, e -> sleep(50));
    try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 50, Duration.ofMinutes(1))) {
      LoadSummary s = run(load, 2000);

      // request i is due at i / 50 s: in T seconds, floor(50 T) + 1 are due
      long due = (long) Math.floor(50 * s.seconds()) + 1;
      assertThat(s.sent())
          .as("requests sent in %.3f s at 50/s", s.seconds())
          .isCloseTo(due, within(1L));
      assertThat(s.completed()).isEqualTo(s.sent());
      assertThat(s.errors()).isZero();
      assertThat(s.achievedRate()).isCloseTo(50, within(1.0));
      assertThat(s.p50Ms()).as("median with a 50 ms handler").isBetween(50.0, 150.0);
      assertThat(s.p99Ms()).isGreaterThanOrEqualTo(s.p95Ms());
      assertThat(s.maxMs()).isGreaterThanOrEqualTo(s.p99Ms());
    }
  }

  @Test
  void aStallShowsAsLatencyOnEveryRequestDueDuringItNotAsOneSlowRequest() throws Exception {
    // one server thread: while it sleeps, every request waits behind it, as behind a stalled
    // process. A closed-loop client would send nothing during the stall and see one slow request.
    AtomicBoolean stalled = new AtomicBoolean();
    AtomicLong started = new AtomicLong(System.nanoTime());
    URI uri =
        serve(
            Executors.newSingleThreadExecutor(),
            200,
            e -> {
              if (System.nanoTime() - started.get() > 500_000_000L
                  && stalled.compareAndSet(false, true)) {
                sleep(1000);
              }
            });
    try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 50, Duration.ofMinutes(1))) {
      started.set(System.nanoTime());
      LoadSummary s = run(load, 2500);

      double[] latencies = s.latencySampleMs();
      long over200 = Arrays.stream(latencies).filter(ms -> ms >= 200).count();
      assertThat(stalled).isTrue();
      assertThat((double) over200 / latencies.length)
          .as(
              "share of requests at or over 200 ms after a 1 s stall (p50 %.1f, p95 %.1f ms)",
              s.p50Ms(), s.p95Ms())
          .isGreaterThan(0.2);
      assertThat(s.p95Ms()).isGreaterThan(500);
      assertThat(s.maxMs()).isGreaterThan(900);
    }
  }

  @Test
  void anUnexpectedStatusIsAnErrorByKind() throws Exception {
    URI uri = serve(Executors.newCachedThreadPool(), 500, e -> {});
    try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 40, Duration.ofMinutes(1))) {
      LoadSummary s = run(load, 1000);

      assertThat(s.errorRate()).isEqualTo(1.0);
      assertThat(s.errorKinds()).containsOnlyKeys("status 500");
      assertThat(s.errorKinds().get("status 500")).isEqualTo(s.errors());
    }
  }

  @Test
  void theExpectedStatusMethodBodyAndHeadersAreSent() throws Exception {
    AtomicLong seen = new AtomicLong();
    URI uri =
        serve(
            Executors.newCachedThreadPool(),
            201,
            e -> {
              try {
                String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (e.getRequestMethod().equals("POST")
                    && body.equals("{\"q\":1}")
                    && "yes".equals(e.getRequestHeaders().getFirst("X-Load"))) {
                  seen.incrementAndGet();
                }
              } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
              }
            });
    LoadTarget post =
        new LoadTarget(
            "POST", uri, "{\"q\":1}", Map.of("X-Load", "yes"), 201, Duration.ofSeconds(5));
    try (LoadGenerator load = new LoadGenerator(post, 20, Duration.ofMinutes(1))) {
      LoadSummary s = run(load, 1000);

      assertThat(s.errors()).isZero();
      assertThat(seen.get()).isEqualTo(s.completed()).isPositive();
    }
  }

  @Test
  void aRequestPastItsTimeoutIsATimeoutError() throws Exception {
    URI uri = serve(Executors.newCachedThreadPool(), 200, e -> sleep(800));
    LoadTarget slow = new LoadTarget("GET", uri, "", Map.of(), 200, Duration.ofMillis(200));
    try (LoadGenerator load = new LoadGenerator(slow, 10, Duration.ofMinutes(1))) {
      LoadSummary s = run(load, 1000);

      assertThat(s.errorKinds()).containsOnlyKeys("timeout");
      assertThat(s.errorRate()).isEqualTo(1.0);
      assertThat(s.p50Ms()).as("a timed-out request's latency").isBetween(190.0, 600.0);
    }
  }

  @Test
  void aRefusedConnectionIsAnError() throws Exception {
    URI uri = serve(Executors.newCachedThreadPool(), 200, e -> {});
    server.stop(0);
    server = null;
    try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 10, Duration.ofMinutes(1))) {
      LoadSummary s = run(load, 600);

      assertThat(s.sent()).isPositive();
      assertThat(s.errorKinds()).containsOnlyKeys("connection refused");
      assertThat(s.errorRate()).isEqualTo(1.0);
    }
  }

  @Test
  void everyIntervalIsSummarisedWithItsOwnRateAndPercentiles() throws Exception {
    URI uri = serve(Executors.newCachedThreadPool(), 200, e -> sleep(5));
    try (LoadGenerator load = new LoadGenerator(LoadTarget.get(uri), 40, Duration.ofMillis(500))) {
      LoadSummary s = run(load, 2100);

      List<LoadInterval> intervals = s.intervals();
      // 2.1 s in 0.5 s intervals: the 0.1 s stub at the end joins the fourth interval
      assertThat(intervals).hasSize(4);
      assertThat(intervals.get(3).seconds()).isGreaterThan(0.5);
      for (LoadInterval i : intervals.subList(0, 3)) {
        assertThat(i.seconds()).isCloseTo(0.5, within(0.01));
        assertThat(i.achievedRate()).as("rate in %s", i).isCloseTo(40, within(4.0));
        assertThat(i.p50Ms()).isBetween(5.0, 100.0);
        assertThat(i.errorRate()).isZero();
      }
      assertThat(intervals.stream().mapToLong(LoadInterval::sent).sum()).isEqualTo(s.sent());
      assertThat(intervals.get(intervals.size() - 1).tEndSeconds())
          .isCloseTo(s.seconds(), within(1e-9));
    }
  }
}
