package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The title and the overall verdict, with one line per reason, so a reviewer sees the decision and
 * why before anything else.
 */
final class VerdictSection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    doc.heading(1, "Stability audit");
    doc.paragraph("**Verdict: " + report.verdict() + "**");
    List<String> reasons = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      if (gate.verdict() == Verdict.PASS) {
        if (gate.burnIn() != null && gate.burnIn().shortened()) {
          // a shortened burn-in must never read as the full one, even when it passed
          reasons.add(MarkdownText.code(gate.id()) + ": " + MarkdownText.text(gate.verdictText()));
        }
        continue;
      }
      String prefix = MarkdownText.code(gate.id()) + ": ";
      if (gate.failures().isEmpty()) {
        reasons.add(prefix + gate.verdict() + ", no failure recorded");
      }
      for (String failure : gate.failures()) {
        reasons.add(prefix + MarkdownText.text(failure));
      }
    }
    if (report.gates().isEmpty()) {
      reasons.add("No gate ran.");
    }
    doc.bullets(reasons);
    int n = report.gates().size();
    String summary =
        report.verdict() == Verdict.PASS
            ? (n == 1 ? "The gate passed." : "All " + n + " gates passed.")
            : n + (n == 1 ? " gate" : " gates");
    doc.paragraph(
        summary
            + " · generated "
            + MarkdownText.text(String.valueOf(report.generatedAt()))
            + " · schema version "
            + report.schemaVersion());
  }
}
