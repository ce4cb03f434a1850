package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The title and the overall verdict, with one line per reason and a legend of the verdicts the
 * audit shows, so a reviewer sees the decision and why before anything else.
 */
final class VerdictSection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    doc.heading(1, "Stability audit");
    doc.paragraph("**Verdict: " + report.verdict() + "**");
    List<String> reasons = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      if (gate.verdict() == Verdict.PASS) {
        continue;
      }
      String prefix = MarkdownText.code(gate.id()) + ": ";
      if (gate.failures().isEmpty()) {
        reasons.add(prefix + MarkdownText.text(gate.verdictText()) + ", no failure recorded");
      }
      for (String failure : gate.failures()) {
        reasons.add(
            prefix
                + (gate.verdict() == Verdict.PASS_SHORTENED
                    ? MarkdownText.text(gate.verdictText()) + ": "
                    : "")
                + MarkdownText.text(failure));
      }
    }
    if (report.gates().isEmpty()) {
      reasons.add("No gate ran.");
    }
    doc.bullets(reasons);
    int n = report.gates().size();
    long shortened =
        report.gates().stream().filter(g -> g.verdict() == Verdict.PASS_SHORTENED).count();
    String summary =
        switch (report.verdict()) {
          case PASS -> n == 1 ? "The gate passed." : "All " + n + " gates passed.";
          case PASS_SHORTENED ->
              "Nothing failed in the time watched, but "
                  + shortened
                  + " of "
                  + n
                  + (n == 1 ? " gate" : " gates")
                  + " watched less than requested: approvable only with a recorded reason"
                  + " (`ApprovalCli approve --accept REASON`).";
          default -> n + (n == 1 ? " gate" : " gates");
        };
    doc.paragraph(
        summary
            + " · generated "
            + MarkdownText.text(String.valueOf(report.generatedAt()))
            + " · schema version "
            + report.schemaVersion());
    doc.paragraph("Verdicts: " + MarkdownText.text(legend(report)) + ".");
  }

  /**
   * The legend of the verdicts this audit shows (its own and its gates'), in the order of {@link
   * Verdict}: the meaning of a verdict that appears nowhere in it decides nothing here.
   */
  static String legend(AuditReport report) {
    EnumSet<Verdict> shown = EnumSet.of(report.verdict());
    for (GateResult gate : report.gates()) {
      shown.add(gate.verdict());
    }
    List<String> parts = new ArrayList<>();
    for (Verdict v : shown) {
      parts.add(v.name() + ": " + v.meaning());
    }
    return String.join(" · ", parts);
  }
}
