package dev.stagegate.junit.gate;

/**
 * One gate method: read once from its annotation and the configuration ({@link GateReader}, before
 * Docker is touched, so bad input fails first) and run by the extension's one intercept path. Each
 * kind runs the method's body its own way and adds its result to the audit; what it returns the
 * extension turns into the verdict's report entries and, unless the gate passed, a {@link
 * GateFailedError}.
 *
 * <pre>{@code
 * Gate gate = GateReader.read(extensionContext);
 * GateOutcome outcome = gate.run(invocation::proceed, gateContext);
 * }</pre>
 */
public sealed interface Gate
    permits StackGate, RollbackDrillGate, PreDeployCheckGate, PostDeployWatchGate {
  /**
   * Runs the gate around {@code body} and adds its result to the audit.
   *
   * @return the result, the audit it went into, and what failed
   */
  GateOutcome run(GateRun.Body body, GateContext context);
}
