package dev.stagegate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fixture gate running in a JVM of its own ({@link FixtureMain}), for tests that kill that JVM or
 * take its engine away while a burn-in watches.
 */
final class FixtureJvm {
  private FixtureJvm() {}

  /** Starts the gate class with a 5-minute burn-in that journals every 2 s. */
  static Process startBurnIn(Class<?> gate, Path reports, Map<String, String> env)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    FixtureMain.class.getName(),
                    gate.getName(),
                    reports.toString(),
                    "stagegate.burnin.duration=PT5M",
                    "stagegate.journal.interval=PT2S"))
            .redirectErrorStream(true)
            .redirectOutput(log(reports).toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Where the JVM's output goes. */
  static Path log(Path reports) {
    return reports.resolve("gate-jvm.log");
  }

  /** Waits until the burn-in's watch has journaled its evidence once; false after the timeout. */
  static boolean awaitJournal(Path reports, int seconds) throws IOException, InterruptedException {
    Path root = reports.resolve("journal");
    for (int i = 0; i < seconds * 4; i++) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> runs = Files.list(root)) {
          if (runs.anyMatch(r -> Files.exists(r.resolve("gate.json")))) {
            return true;
          }
        }
      }
      Thread.sleep(250);
    }
    return false;
  }
}
