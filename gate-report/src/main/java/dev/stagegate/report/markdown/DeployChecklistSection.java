package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.checklist.AuditChecklists;
import dev.stagegate.report.checklist.ChecklistFiller;
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
  private final ChecklistFiller checklists;

  /** No checklists filled ({@link ChecklistFiller#NONE}). */
  DeployChecklistSection() {
    this(ChecklistFiller.NONE);
  }

  /** The checklists {@code checklists} fills. */
  DeployChecklistSection(ChecklistFiller checklists) {
    this.checklists = checklists;
  }

  /** This section with another filler. */
  DeployChecklistSection withChecklists(ChecklistFiller other) {
    return new DeployChecklistSection(other);
  }

  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    AuditChecklists filled = checklists.fill(report);
    // a failed deployment is recorded too (Status: FAILED): shown whatever the verdict
    filled.deploymentRecord().ifPresent(record -> renderDeployment(record, doc));
    if (!report.verdict().nothingFailed() && !filled.deployStep()) {
      return; // a gate that did not pass: nothing to deploy (a deploy step shows what failed)
    }
    doc.heading(2, "Deploy checklist");
    ChecklistSection.render(filled, doc);
    RollbackSubsection.render(filled.evidence(), doc);
  }

  /**
   * The deployment in the seed's text format. The entry's fields were redacted when it was made;
   * masking again changes nothing then, and keeps a secret out if an entry came from elsewhere.
   */
  static void renderDeployment(String seedText, MarkdownDocument doc) {
    doc.heading(2, "Deployment");
    doc.paragraph(
        "As recorded in the seed's format (the block `deployments.log` gets; time in UTC):");
    doc.codeBlock("text", Redactor.defaults().redact(seedText));
  }
}
