package dev.stagegate.report.markdown;

import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Each check with its result, then the raw output behind each check that has one (a response body,
 * build output), verbatim in a code block: the evidence, not a summary of it.
 */
final class ChecksSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    doc.heading(3, "Checks");
    if (gate.checks().isEmpty()) {
      doc.paragraph("No checks ran.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (CheckResult check : gate.checks()) {
      rows.add(
          List.of(
              MarkdownText.cell(check.name()),
              result(check.status()),
              MarkdownText.cell(check.detail())));
    }
    doc.table(List.of("Check", "Result", "Detail"), rows);
    for (CheckResult check : gate.checks()) {
      if (!check.rawOutput().isEmpty()) {
        doc.heading(4, "Output: " + check.name());
        doc.codeBlock("text", check.rawOutput());
      }
    }
  }

  /** Failures in bold so they stand out in a long table. */
  private static String result(CheckStatus status) {
    return status == CheckStatus.FAIL ? "**FAIL**" : String.valueOf(status);
  }
}
