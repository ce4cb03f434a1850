package dev.stagegate.assertions.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of {@link HookRunner}'s parallelism (run by {@code bench/hook-parallelism.sh}): five
 * hooks of every kind against real local peers, each slow on purpose (an HTTP JSON health check
 * answering after 400 ms, a Prometheus metric after 300 ms, a command that sleeps 500 ms, a user
 * hook of 600 ms, a TCP connect), run together by one runner and, side by side in the same round,
 * one after the other. Prints per round and the medians; exits 1 when the parallel run takes more
 * than the slowest hook plus 250 ms.
 *
 * <p>Not a unit test: timings belong in a rerunnable benchmark, not in assertions.
 */
public final class HookParallelismBench {
  private HookParallelismBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    try (LocalHttp http =
            new LocalHttp()
                .answer("/health", 200, "{\"status\":\"ok\",\"db_ready\":true}", 400)
                .answer("/metrics", 200, "system_state_status 0\n", 300);
        ServerSocket db = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> acceptForever(db), "bench-db");
      acceptor.setDaemon(true);
      acceptor.start();
      List<DeployHook> hooks =
          List.of(
              HttpJsonHook.get(http.uri("/health")).expectJson("{\"db_ready\":true}"),
              MetricHook.prometheus(http.uri("/metrics")).expect("system_state_status", 0),
              ExecHook.in("worker", "sh", "-c", "sleep 0.5; echo pool ready"),
              Hooks.sleeping("external api", 600),
              TcpConnectHook.to("127.0.0.1", db.getLocalPort()));
      CommandRunner local = HookParallelismBench::runLocally;

      double[] parallel = new double[rounds];
      double[] sequential = new double[rounds];
      double[] slowest = new double[rounds];
      System.out.printf(
          Locale.ROOT, "%-6s %12s %14s %12s%n", "round", "parallel_s", "sequential_s", "slowest_s");
      for (int r = 0; r < rounds; r++) {
        HookReport together = runner(hooks, local).run();
        require(together);
        parallel[r] = seconds(together.total());
        slowest[r] =
            together.results().stream().mapToDouble(h -> seconds(h.took())).max().orElse(0);
        long start = System.nanoTime();
        for (DeployHook h : hooks) {
          require(runner(List.of(h), local).run());
        }
        sequential[r] = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%-6d %12.3f %14.3f %12.3f%n",
            r + 1,
            parallel[r],
            sequential[r],
            slowest[r]);
      }
      double p = median(parallel);
      double s = median(sequential);
      double slow = median(slowest);
      System.out.printf(
          Locale.ROOT,
          "median: %d hooks, parallel %.3f s, sequential %.3f s (%.2fx), slowest hook %.3f s%n",
          hooks.size(),
          p,
          s,
          s / p,
          slow);
      boolean ok = p <= slow + 0.25;
      System.out.println(
          ok
              ? "PASS: the parallel run takes about as long as its slowest hook"
              : "FAIL: the parallel run takes more than its slowest hook + 250 ms");
      System.exit(ok ? 0 : 1);
    }
  }

  private static HookRunner runner(List<DeployHook> hooks, CommandRunner local) {
    return HookRunner.of(hooks).withTimeout(Duration.ofSeconds(5)).withCommandRunner(local);
  }

  private static void require(HookReport report) {
    if (!report.passed()) {
      throw new IllegalStateException("a hook failed: " + report.failures());
    }
  }

  /** The exec hook's command runs on this machine (the bench has no container). */
  private static CommandResult runLocally(String service, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    return new CommandResult(p.waitFor(), out.toString(StandardCharsets.UTF_8), "");
  }

  private static void acceptForever(ServerSocket server) {
    List<Socket> open = new ArrayList<>();
    while (!server.isClosed()) {
      try {
        open.add(server.accept());
      } catch (IOException e) {
        return;
      }
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
