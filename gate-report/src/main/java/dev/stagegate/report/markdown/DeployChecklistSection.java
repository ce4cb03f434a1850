package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.checklist.DeployFacts;

/**
 * After a PASS: the deploy checklists filled from the evidence ({@link ChecklistSection}), and the
 * rollback command back to the commit the change was measured against (the base), so the way back
 * is written down before the way forward is taken. Nothing is shown for any other verdict: there is
 * nothing to deploy.
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
    if (report.verdict() != Verdict.PASS) {
      return;
    }
    doc.heading(2, "Deploy checklist");
    new ChecklistSection(facts).render(report, doc);
    ChangeSummary change = report.changeSummary();
    doc.heading(3, "Rollback");
    if (change == null || change.baseCommit() == null) {
      doc.paragraph(
          "No base commit is known (no git repository or no base): roll back to the last"
              + " deployed tag by hand, e.g. `git checkout <previous tag> && docker-compose up -d"
              + " --build`.");
      return;
    }
    String target = change.baseRef() == null ? change.baseCommit() : change.baseRef();
    doc.paragraph(
        "Back to the base this change was measured against ("
            + MarkdownText.text(change.baseChoice())
            + "):");
    doc.codeBlock(
        "bash",
        "git checkout "
            + shellWord(target)
            + "   # "
            + change.baseCommit()
            + "\ndocker-compose build --no-cache && docker-compose up -d");
  }

  /** Refs are untrusted text too: quote anything that is not a plain ref. */
  private static String shellWord(String ref) {
    return ref.matches("[A-Za-z0-9._/@^~-]+") ? ref : "'" + ref.replace("'", "'\\''") + "'";
  }
}
