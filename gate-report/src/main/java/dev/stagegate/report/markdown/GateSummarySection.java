package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import java.util.ArrayList;
import java.util.List;

/** A table of all gates: the overview a reviewer scans before reading any gate's details. */
final class GateSummarySection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    if (report.gates().isEmpty()) {
      return;
    }
    doc.heading(2, "Gates");
    List<List<String>> rows = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      rows.add(
          List.of(
              MarkdownText.cell(gate.id()),
              String.valueOf(gate.kind()),
              "**" + MarkdownText.text(gate.verdictText()) + "**",
              HumanDuration.format(gate.duration())));
    }
    doc.table(List.of("Gate", "Kind", "Verdict", "Duration"), rows);
  }
}
