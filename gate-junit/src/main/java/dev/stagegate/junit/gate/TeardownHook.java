package dev.stagegate.junit.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's teardown on the JVM's way out: a shutdown hook that tears the run down when the JVM stops
 * before the run's own teardown did (Ctrl-C, a killed fork), removed again once the run tore down
 * itself; and the deletion of the run's work directory, the last thing a teardown does.
 */
final class TeardownHook {
  private final Thread thread;

  private TeardownHook(Thread thread) {
    this.thread = thread;
  }

  /**
   * Registers {@code teardown} to run at JVM shutdown, on a thread named {@code
   * stagegate-teardown-<runId>}.
   */
  static TeardownHook register(Runnable teardown, String runId) {
    Thread thread = new Thread(teardown, "stagegate-teardown-" + runId);
    Runtime.getRuntime().addShutdownHook(thread);
    return new TeardownHook(thread);
  }

  /** Removes the hook, unless it is the hook that runs this teardown. */
  void remove() {
    if (Thread.currentThread() != thread) {
      try {
        Runtime.getRuntime().removeShutdownHook(thread);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook is running or ran
      }
    }
  }

  /** Deletes a run's work directory tree as far as it can; a null one (none made) is skipped. */
  static void deleteWorkDir(Path workDir) {
    if (workDir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }
}
