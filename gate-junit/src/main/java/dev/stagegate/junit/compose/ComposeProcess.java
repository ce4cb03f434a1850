package dev.stagegate.junit.compose;

import dev.stagegate.junit.GateConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one compose command line in the project directory with the environment compose should see,
 * keeping the last lines it printed (a failing gate quotes them) and never hanging past a timeout.
 */
final class ComposeProcess {
  /** Lines of output kept in memory; a failing step quotes the tail. */
  private static final int OUTPUT_LINES_KEPT = 400;

  // Variables that would make compose read other files or another project than the gate's.
  private static final List<String> CLEARED =
      List.of("COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES", "COMPOSE_PATH_SEPARATOR");

  private ComposeProcess() {}

  /** Runs {@code command}; stdout and stderr merged into the kept lines. */
  static ProcessOutput run(
      List<String> command, Path directory, Map<String, String> env, Duration timeout) {
    return run(command, directory, env, timeout, line -> {});
  }

  /** As {@link #run(List, Path, Map, Duration)}, showing every line to {@code onLine} as well. */
  static ProcessOutput run(
      List<String> command,
      Path directory,
      Map<String, String> env,
      Duration timeout,
      Consumer<String> onLine) {
    ProcessBuilder pb = builder(command, directory, env).redirectErrorStream(true);
    Deque<String> kept = new ArrayDeque<>();
    try {
      Process p = pb.start();
      Thread reader = drain(p.getInputStream(), kept, "stagegate-compose-output", onLine);
      boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(5_000);
      synchronized (kept) {
        return new ProcessOutput(finished ? p.exitValue() : -1, new ArrayList<>(kept), !finished);
      }
    } catch (IOException e) {
      throw cannotStart(command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (kept) {
        return new ProcessOutput(-1, new ArrayList<>(kept), true);
      }
    }
  }

  /** What a command printed on stdout, whole, and the tail of its stderr. */
  record Captured(int exitCode, String stdout, ProcessOutput stderr) {}

  /** Runs {@code command} keeping its stdout whole (e.g. {@code config --format json}). */
  static Captured capture(
      List<String> command, Path directory, Map<String, String> env, Duration timeout) {
    ProcessBuilder pb = builder(command, directory, env);
    Deque<String> errors = new ArrayDeque<>();
    try {
      Process p = pb.start();
      Thread reader = drain(p.getErrorStream(), errors, "stagegate-compose-stderr", line -> {});
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(5_000);
      synchronized (errors) {
        ProcessOutput err =
            new ProcessOutput(finished ? p.exitValue() : -1, new ArrayList<>(errors), !finished);
        return new Captured(err.exitCode(), out, err);
      }
    } catch (IOException e) {
      throw cannotStart(command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Captured(-1, "", new ProcessOutput(-1, List.of(), true));
    }
  }

  private static ProcessBuilder builder(
      List<String> command, Path directory, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> environment = pb.environment();
    CLEARED.forEach(environment::remove);
    environment.putAll(env);
    return pb;
  }

  private static Thread drain(
      InputStream in, Deque<String> kept, String name, Consumer<String> onLine) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  onLine.accept(line);
                  synchronized (kept) {
                    kept.addLast(line);
                    if (kept.size() > OUTPUT_LINES_KEPT) {
                      kept.removeFirst();
                    }
                  }
                }
              } catch (IOException ignored) {
                // the process ended; what was read is kept
              }
            },
            name);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static GateConfigurationException cannotStart(List<String> command, IOException e) {
    return new GateConfigurationException(
        "Cannot run '"
            + String.join(" ", command.subList(0, Math.min(2, command.size())))
            + "': "
            + e.getMessage()
            + ". Install Docker Compose v2 (see "
            + ComposeCommand.KEY
            + ").",
        e);
  }
}
