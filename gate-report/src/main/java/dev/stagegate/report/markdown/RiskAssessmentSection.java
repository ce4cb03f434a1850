package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ## Risk assessment}: the overall level, then one row per finding (highest level first)
 * with why it matters and, for content rules, the matching added line. Renders nothing when the
 * report has no assessment.
 *
 * <pre>{@code
 * String md = AuditMarkdown.standard().render(AuditReport.of(gates, change, risk));
 * }</pre>
 */
final class RiskAssessmentSection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    RiskAssessment risk = report.riskAssessment();
    if (risk == null) {
      return;
    }
    doc.heading(2, "Risk assessment");
    int n = risk.findings().size();
    doc.paragraph(
        "**Risk: "
            + risk.level()
            + "** · "
            + (n == 0 ? "no rule matched the change" : n + (n == 1 ? " finding" : " findings")));
    if (n == 0) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (RiskFinding f : risk.findings()) {
      rows.add(
          List.of(
              f.level().name(),
              f.category().name(),
              MarkdownText.cell(f.file()),
              MarkdownText.cell(f.ruleId()),
              MarkdownText.cell(f.why()),
              f.line() == null ? "" : MarkdownText.cell(f.line())));
    }
    doc.table(List.of("Level", "Category", "File", "Rule", "Why", "Matching line"), rows);
  }
}
