package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of all gates: the overview a reviewer scans before reading any gate's details; then the
 * engine, when every gate ran on the same one (each gate's overview then leaves it out).
 */
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
    EngineInfo shared = sharedEngine(report);
    if (shared != null) {
      doc.paragraph("Engine of every gate: " + GateOverviewSection.engineText(shared) + ".");
    }
  }

  /**
   * The engine every gate of the report ran on, when there are several gates and one engine; else
   * null (each gate then names its own).
   */
  static EngineInfo sharedEngine(AuditReport report) {
    if (report.gates().size() < 2) {
      return null;
    }
    EngineInfo first = GateOverviewSection.engineOf(report.gates().get(0));
    for (GateResult gate : report.gates()) {
      if (!first.equals(GateOverviewSection.engineOf(gate))) {
        return null;
      }
    }
    return first;
  }
}
