package dev.stagegate.junit.gate;

import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.report.GateResult;
import java.util.List;

/**
 * {@code @RollbackDrill}: deploy the release, roll back to the previous one, roll forward again,
 * and end torn down. Its spec (git refs included) was read before the engine is contacted, so a ref
 * that does not resolve fails without creating anything.
 *
 * @param spec the drill as read from its annotation and the configuration
 */
public record RollbackDrillGate(RollbackSpec spec) implements Gate {
  @Override
  public GateOutcome run(GateRun.Body body, GateContext context) {
    GateResult result;
    Throwable bodyFailure;
    try (RollbackRun run = new RollbackRun(spec, DockerEngine.connect(), context.progress())) {
      result = run.execute(body);
      bodyFailure = run.bodyFailure();
    }
    return new GateOutcome(result, context.session().add(result), bodyFailure, List.of());
  }
}
