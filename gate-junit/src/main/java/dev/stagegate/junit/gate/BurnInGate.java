package dev.stagegate.junit.gate;

import dev.stagegate.report.GateResult;
import java.util.Optional;

/**
 * {@code @BurnIn}: a smoke gate whose stack is then watched for hours; with {@code baseline}, the
 * previous release is burnt in beside it and compared ({@link BaselineRun}).
 *
 * @param spec the gate as read from its annotation and the configuration
 * @param baseline the release to compare with, when {@code @BurnIn(baseline)} names one
 */
public record BurnInGate(GateSpec spec, Optional<BaselineRun.Settings> baseline)
    implements StackGate {
  @Override
  public GateOutcome run(GateRun.Body body, GateContext context) {
    GateRun run = context.stackRun();
    GateResult result =
        baseline.isPresent()
            ? BaselineRun.execute(
                run,
                baseline.get(),
                () -> context.engine(spec.settings()),
                context.progress(),
                body)
            : run.execute(body);
    return StackGate.recorded(run, result, context);
  }
}
