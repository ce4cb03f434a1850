package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.checklist.DeployFacts;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.text.MarkdownDocument;

/**
 * After a PASS or PASS_SHORTENED: the deploy checklists filled from the evidence ({@link
 * ChecklistSection}), and the way back ({@link RollbackSubsection}: the command a rollback drill
 * proved, else the base commit, marked as not proven), so the way back is written down before the
 * way forward is taken. Nothing is shown for any other verdict, there being nothing to deploy,
 * except in a deploy step's audit (its facts hold the approved audit), where the checklists show
 * what blocked.
 *
 * <p>Once a post-deploy watch has recorded the deployment, its record comes first: the seed's
 * {@code [YYYY-MM-DD HH:MM:SS] DEPLOYMENT} block, the same text {@code deployments.log} gets.
 */
final class DeployChecklistSection implements AuditSection {
  private final DeployFacts facts;

  /** The checklists from the audit alone. */
  DeployChecklistSection() {
    this(DeployFacts.none());
  }

  /** The checklists with facts beyond the audit. */
  DeployChecklistSection(DeployFacts facts) {
    this.facts = facts;
  }

  /** This section with other facts. */
  DeployChecklistSection withFacts(DeployFacts other) {
    return new DeployChecklistSection(other);
  }

  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    // a failed deployment is recorded too (Status: FAILED): shown whatever the verdict
    facts.deployment().ifPresent(entry -> renderDeployment(entry, doc));
    if (!report.verdict().nothingFailed() && facts.approvedAudit().isEmpty()) {
      return; // a gate that did not pass: nothing to deploy (a deploy step shows what failed)
    }
    doc.heading(2, "Deploy checklist");
    new ChecklistSection(facts).render(report, doc);
    RollbackSubsection.render(facts.evidence(report), doc);
  }

  /**
   * The deployment in the seed's text format. The entry's fields were redacted when it was made;
   * masking again changes nothing then, and keeps a secret out if an entry came from elsewhere.
   */
  static void renderDeployment(DeploymentEntry entry, MarkdownDocument doc) {
    doc.heading(2, "Deployment");
    doc.paragraph(
        "As recorded in the seed's format (the block `deployments.log` gets; time in UTC):");
    doc.codeBlock("text", Redactor.defaults().redact(entry.toSeedText()));
  }
}
