package dev.stagegate.junit.gate;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.RecordedHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code @PostDeployWatch}: the deployed target is watched in place, then the deployment is
 * recorded; nothing is built or torn down.
 *
 * @param spec the watch as read from its annotation and the configuration
 * @param earlierSteps when the pipeline names the earlier steps' audits, the facts that fill the
 *     deploy record's checklists from their gates too (approval, deploy decision)
 */
public record PostDeployWatchGate(PostDeploySpec spec, Optional<DeployFacts> earlierSteps)
    implements Gate {
  @Override
  public GateOutcome run(GateRun.Body body, GateContext context) {
    PostDeployRun run = new PostDeployRun(spec, context.progress());
    GateResult result = run.execute(body);
    ReportSession session = context.session();
    earlierSteps.ifPresent(session::withFacts);
    Path report = session.add(result);
    String recordFailure = null;
    try {
      DeploymentEntry entry = run.deploymentEntry(result, session.json());
      // the deploy record shows the seed block whether or not every store took it
      session.recorded(entry);
      RecordedHistory recorded = run.recordDeployment(entry);
      context.publish("stagegate.deployments", recorded.jsonLog().toString());
      for (String line : recorded.summary()) {
        System.out.println("[stagegate] " + result.id() + ": " + line);
      }
    } catch (IOException | RuntimeException e) {
      // the audit is written; say what is missing instead of losing the verdict
      recordFailure = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return new GateOutcome(
        result,
        report,
        run.bodyFailure(),
        recordFailure == null
            ? List.of()
            : List.of("The deployment could not be recorded: " + recordFailure));
  }
}
