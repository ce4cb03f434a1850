package dev.stagegate.junit.gate;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.GateResult;
import java.util.List;

/**
 * {@code @PreDeployCheck}: the deploy policy decides from files (the approved audit, the approval,
 * the window); nothing is started. The audit's checklists are filled from its approval and
 * decision, on the approved audit's gates.
 *
 * @param spec the check as read from its annotation and the configuration
 */
public record PreDeployCheckGate(PreDeploySpec spec) implements Gate {
  @Override
  public GateOutcome run(GateRun.Body body, GateContext context) {
    PreDeployRun run = new PreDeployRun(spec);
    GateResult result = run.execute(body);
    ReportSession session = context.session();
    DeployFacts facts = DeployFacts.none().withApproval(run.approval()).withPolicy(run.decision());
    session.withFacts(run.approvedAudit().map(facts::withApprovedAudit).orElse(facts));
    return new GateOutcome(result, session.add(result), run.bodyFailure(), List.of());
  }
}
