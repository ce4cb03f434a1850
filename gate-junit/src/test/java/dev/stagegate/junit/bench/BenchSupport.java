package dev.stagegate.junit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Small helpers shared by the benchmark mains. */
final class BenchSupport {
  private BenchSupport() {}

  /** Runs a command, returns its standard output; fails on a non-zero exit. */
  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IOException(String.join(" ", command) + " exited " + rc + ": " + out.trim());
    }
    return out;
  }

  /**
   * Waits until a burn-in's evidence journal ({@code <reports>/journal/<run>/gate.json}, written
   * when the watch starts) exists; null after {@code timeout}.
   */
  static Path awaitJournal(Path reports, Duration timeout, Thread gate)
      throws IOException, InterruptedException {
    Path root = reports.resolve("journal");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && gate.isAlive()) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> runs = Files.list(root)) {
          var found = runs.map(r -> r.resolve("gate.json")).filter(Files::exists).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** Nearest-rank percentile of the values (0 < p ≤ 100); NaN when there are none. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  static double millis(java.time.Instant from, java.time.Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }
}
