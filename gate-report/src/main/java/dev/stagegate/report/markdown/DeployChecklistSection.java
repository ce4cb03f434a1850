package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.checklist.DeployFacts;

/**
 * After a PASS or PASS_SHORTENED: the deploy checklists filled from the evidence ({@link
 * ChecklistSection}), and the way back ({@link RollbackSubsection}: the command a rollback drill
 * proved, else the base commit, marked as not proven), so the way back is written down before the
 * way forward is taken. Nothing is shown for any other verdict, there being nothing to deploy,
 * except in a deploy step's audit (its facts hold the approved audit), where the checklists show
 * what blocked.
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
    if (!report.verdict().nothingFailed() && facts.approvedAudit().isEmpty()) {
      return; // a gate that did not pass: nothing to deploy (a deploy step shows what failed)
    }
    doc.heading(2, "Deploy checklist");
    new ChecklistSection(facts).render(report, doc);
    RollbackSubsection.render(facts.evidence(report), doc);
  }
}
