package dev.stagegate.junit.gate;

import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.DockerEngine;
import java.util.function.Consumer;

/**
 * What a {@link Gate} run takes from the test engine, implemented by the extension over JUnit's
 * stores: the per-method stack run, the per-execution audit, progress and report entries.
 */
public interface GateContext {
  /** Progress lines: the console (a long run must not look hung) and the JUnit report. */
  Consumer<String> progress();

  /** The audit of this engine execution, written after every gate. */
  ReportSession session();

  /**
   * The test method's {@link GateRun}, created on first use and shared with the {@code GateStack}
   * parameter; torn down when the method's context closes at the latest.
   */
  GateRun stackRun();

  /** The engine a stack runs on: Testcontainers' or the configured Docker host. */
  DockerEngine engine(GateSettings settings);

  /** Publishes a JUnit report entry. */
  void publish(String key, String value);
}
