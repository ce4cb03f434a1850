package dev.stagegate.junit.gate;

import dev.stagegate.report.GateResult;

/**
 * {@code @HealthySmoke}: no-cache build, every service healthy, the smoke checks, the body, a
 * settle window, teardown.
 *
 * @param spec the gate as read from its annotation and the configuration
 */
public record HealthySmokeGate(GateSpec spec) implements StackGate {
  @Override
  public GateOutcome run(GateRun.Body body, GateContext context) {
    GateRun run = context.stackRun();
    GateResult result = run.execute(body);
    return StackGate.recorded(run, result, context);
  }
}
