package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * After a PASS: the deploy checklist a reviewer walks, and the way back ({@link
 * RollbackSubsection}: the command a rollback drill proved, else the base commit, marked as not
 * proven), so the way back is written down before the way forward is taken. Nothing is shown for
 * any other verdict: there is nothing to deploy.
 */
final class DeployChecklistSection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    if (report.verdict() != Verdict.PASS) {
      return;
    }
    doc.heading(2, "Deploy checklist");
    List<String> items = new ArrayList<>();
    items.add("[ ] This audit reviewed: verdict, failures (none), risk assessment, evidence");
    items.add("[ ] Code review approved and the test suite green on the same commit");
    items.add("[ ] Deployment marker prepared for the commit below");
    items.add("[ ] Deploy outside peak hours; the on-call engineer knows");
    items.add("[ ] After the deploy: health endpoint OK, workers running, no errors in logs");
    items.add("[ ] Watch the deployed stack for 10 minutes; roll back on any restart or error");
    doc.bullets(items);
    RollbackSubsection.render(report, doc);
  }
}
