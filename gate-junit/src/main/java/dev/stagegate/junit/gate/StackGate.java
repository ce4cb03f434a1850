package dev.stagegate.junit.gate;

import dev.stagegate.report.GateResult;
import java.nio.file.Path;
import java.util.List;

/**
 * A gate that builds the compose stack, runs it and tears it down: {@link HealthySmokeGate} and
 * {@link BurnInGate}. Its {@link GateRun} is the test method's one, shared with the {@code
 * GateStack} parameter the body may take ({@link GateContext#stackRun}).
 */
public sealed interface StackGate extends Gate permits HealthySmokeGate, BurnInGate {
  /** The gate as read from its annotation and the configuration. */
  GateSpec spec();

  /** Adds {@code result} to the audit and closes the run's evidence journal. */
  static GateOutcome recorded(GateRun run, GateResult result, GateContext context) {
    Path report = context.session().add(result);
    run.finishJournal();
    return new GateOutcome(result, report, run.bodyFailure(), List.of());
  }
}
