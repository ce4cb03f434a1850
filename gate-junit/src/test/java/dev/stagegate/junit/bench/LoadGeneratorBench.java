package dev.stagegate.junit.bench;

import dev.stagegate.junit.load.LoadGenerator;
import dev.stagegate.junit.load.LoadSummary;
import dev.stagegate.junit.load.LoadTarget;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The load generator's accuracy and cost against a local endpoint ({@link BenchHttpServer}, another
 * process): for each rate, achieved rate as the generator sent it and as the server counted it, the
 * generator JVM's CPU per 1,000 requests and as a share of one core, and the latency percentiles it
 * measured. A warm-up run at 100 requests/s comes first (class loading, JIT) and is not reported.
 *
 * <p>Arguments: base URL (e.g. {@code http://127.0.0.1:PORT}), seconds per rate (default 30), then
 * the rates (default 10 100 1000). Prints one table row per rate; exits 1 when a rate misses by
 * more than 1 % or the generator uses 5 % or more of one core at 100 requests/s.
 */
public final class LoadGeneratorBench {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LoadGeneratorBench() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    double[] rates = {10, 100, 1000};
    if (args.length > 2) {
      rates = new double[args.length - 2];
      for (int i = 2; i < args.length; i++) {
        rates[i - 2] = Double.parseDouble(args[i]);
      }
    }
    URI list = URI.create(base + "/api/v1/agents/list");
    HttpClient plain = HttpClient.newHttpClient();
    run(list, 100, 8); // warm-up, not reported
    System.out.println(
        "| requested/s | sent/s (generator) | served/s (server) | off by | CPU s per 1,000 req |"
            + " CPU % of one core | p50 ms | p99 ms | max ms | errors |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    boolean ok = true;
    for (double rate : rates) {
      long servedBefore = served(plain, base);
      long cpuBefore = OS.getProcessCpuTime();
      long wallBefore = System.nanoTime();
      LoadSummary s = run(list, rate, seconds);
      double cpu = (OS.getProcessCpuTime() - cpuBefore) / 1e9;
      double wall = (System.nanoTime() - wallBefore) / 1e9;
      long served = served(plain, base) - servedBefore;
      double servedRate = served / s.seconds();
      double offBy = Math.abs(servedRate - rate) / rate;
      double corePercent = 100 * cpu / wall;
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %.0f | %.2f | %.2f | %.2f %% | %.3f | %.2f %% | %.2f | %.2f | %.2f | %d |",
              rate,
              s.achievedRate(),
              servedRate,
              100 * offBy,
              cpu / (s.sent() / 1000.0),
              corePercent,
              s.p50Ms(),
              s.p99Ms(),
              s.maxMs(),
              s.errors()));
      ok &= offBy <= 0.01 && s.errors() == 0;
      if (rate == 100) {
        ok &= corePercent < 5;
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static LoadSummary run(URI uri, double rate, int seconds) throws InterruptedException {
    try (LoadGenerator g = new LoadGenerator(LoadTarget.get(uri), rate, Duration.ofMinutes(1))) {
      g.start();
      Thread.sleep(seconds * 1000L);
      LoadSummary s = g.stop();
      return s;
    }
  }

  private static long served(HttpClient client, String base) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/count")).build(),
            HttpResponse.BodyHandlers.ofString());
    return Long.parseLong(r.body().trim());
  }
}
