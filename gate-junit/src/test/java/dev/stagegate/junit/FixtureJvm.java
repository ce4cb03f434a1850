package dev.stagegate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    return startBurnIn(gate, reports, env, List.of());
  }

  /** As above, with more configuration parameters ({@code key=value}). */
  static Process startBurnIn(
      Class<?> gate, Path reports, Map<String, String> env, List<String> parameters)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FixtureMain.class.getName(),
                gate.getName(),
                reports.toString(),
                "stagegate.burnin.duration=PT5M",
                "stagegate.journal.interval=PT2S"));
    command.addAll(parameters);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(reports).toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /**
   * Runs the gate class to its end in a JVM of its own, in {@code workingDir} with {@code env}
   * added (e.g. {@code DOCKER_BUILDKIT=0}), and returns what it printed: a {@code FAILURE …} line
   * per failed test and {@code SUCCEEDED n}.
   */
  static String runToEnd(
      Class<?> gate, Path reports, Path workingDir, Map<String, String> env, String... parameters)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FixtureMain.class.getName(),
                gate.getName(),
                reports.toString()));
    command.addAll(List.of(parameters));
    Files.createDirectories(reports);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log(reports).toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    return Files.readString(log(reports));
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
