package dev.stagegate.deploy.checklist;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.approval.ApprovalStatus;
import dev.stagegate.report.checklist.AuditChecklists;
import dev.stagegate.report.checklist.ChecklistFiller;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit itself cannot know but the checklists use when given: the unit tests, the
 * approval, the deploy policy's decision, the deployment marker on the target. Every fact is
 * optional; an item without evidence is {@link ItemState#MANUAL}.
 *
 * <pre>{@code
 * DeployFacts facts =
 *     DeployFacts.none()
 *         .withTests(TestSummary.fromSurefireReports(Path.of("target/surefire-reports")))
 *         .withApproval(ApprovalCheck.of(auditMd).expectingCommit(head).run())
 *         .withPolicy(policy.evaluate(policyFacts));
 * String md = AuditMarkdown.standard().withChecklists(facts).render(report);
 * }</pre>
 *
 * @param tests the unit-test summary of the commit
 * @param approval what the approval check found
 * @param policy the deploy policy's decision
 * @param markerVerified whether the marker on the target names the commit
 * @param approvedAudit the reviewed audit a deploy step builds on: its gates (staging gate,
 *     burn-in, rollback drill) count as evidence beside the deploy step's own
 * @param deployment the deployment as recorded (the seed's {@code [YYYY-MM-DD HH:MM:SS] DEPLOYMENT}
 *     block), once a post-deploy watch has recorded it
 */
public record DeployFacts(
    Optional<TestSummary> tests,
    Optional<ApprovalStatus> approval,
    Optional<PolicyDecision> policy,
    Optional<Boolean> markerVerified,
    Optional<AuditReport> approvedAudit,
    Optional<DeploymentEntry> deployment)
    implements ChecklistFiller {
  public DeployFacts {
    Objects.requireNonNull(tests, "tests");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(markerVerified, "markerVerified");
    Objects.requireNonNull(approvedAudit, "approvedAudit");
    Objects.requireNonNull(deployment, "deployment");
  }

  /** No facts beyond the audit. */
  public static DeployFacts none() {
    return new DeployFacts(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** These facts with the test summary (empty: no reports). */
  public DeployFacts withTests(Optional<TestSummary> summary) {
    return new DeployFacts(summary, approval, policy, markerVerified, approvedAudit, deployment);
  }

  /** These facts with the test summary. */
  public DeployFacts withTests(TestSummary summary) {
    return withTests(Optional.of(summary));
  }

  /** These facts with the approval check's result. */
  public DeployFacts withApproval(ApprovalStatus status) {
    return new DeployFacts(
        tests, Optional.of(status), policy, markerVerified, approvedAudit, deployment);
  }

  /** These facts with the policy's decision. */
  public DeployFacts withPolicy(PolicyDecision decision) {
    return new DeployFacts(
        tests, approval, Optional.of(decision), markerVerified, approvedAudit, deployment);
  }

  /** These facts with whether the marker on the target names the commit. */
  public DeployFacts withMarkerVerified(boolean verified) {
    return new DeployFacts(
        tests, approval, policy, Optional.of(verified), approvedAudit, deployment);
  }

  /** These facts with the reviewed audit the deploy step builds on. */
  public DeployFacts withApprovedAudit(AuditReport audit) {
    return new DeployFacts(tests, approval, policy, markerVerified, Optional.of(audit), deployment);
  }

  /** These facts with the deployment as recorded, whose seed block the deploy record shows. */
  public DeployFacts withDeployment(DeploymentEntry entry) {
    return new DeployFacts(
        tests, approval, policy, markerVerified, approvedAudit, Optional.of(entry));
  }

  /**
   * The report with the approved audit's gates in front of its own: the evidence a deploy step's
   * checklists are filled from.
   */
  public AuditReport evidence(AuditReport report) {
    if (approvedAudit.isEmpty()) {
      return report;
    }
    List<GateResult> gates = new ArrayList<>(approvedAudit.get().gates());
    gates.addAll(report.gates());
    AuditReport earlier = approvedAudit.get();
    return new AuditReport(
        report.schemaVersion(),
        report.generatedAt(),
        gates,
        report.changeSummary() != null ? report.changeSummary() : earlier.changeSummary(),
        report.riskAssessment() != null ? report.riskAssessment() : earlier.riskAssessment(),
        report.source() != null ? report.source() : earlier.source());
  }

  /**
   * The deploy checklists filled from {@code report} and these facts: what the Markdown and its
   * JSON twin show.
   */
  @Override
  public AuditChecklists fill(AuditReport report) {
    return new AuditChecklists(
        true,
        Checklists.all(report, this),
        approvedAudit.isPresent(),
        evidence(report),
        deployment.map(DeploymentEntry::toSeedText));
  }
}
