package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/**
 * The log lines that signal a problem, quoted with their line numbers so a reviewer can find them
 * in the full log; says how many were left out when the list was capped.
 */
final class LogFindingsSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    if (LogTailSection.passedQuietly(gate)) {
      return; // nothing to list: the last-log-lines line says "no log finding"
    }
    doc.heading(3, "Log findings");
    boolean any = false;
    for (ServiceEvidence s : gate.services()) {
      if (s.findings().isEmpty() && s.findingsTotal() == 0) {
        continue;
      }
      any = true;
      doc.heading(4, s.service());
      List<String> items = new ArrayList<>();
      for (LogFinding f : s.findings()) {
        String span = f.blockLines() > 1 ? " (" + f.blockLines() + " lines)" : "";
        items.add(
            "line "
                + f.lineNumber()
                + span
                + ", "
                + MarkdownText.code(f.rule())
                + ": "
                + MarkdownText.code(f.line()));
      }
      long notShown = s.findingsTotal() - s.findings().size();
      if (notShown > 0) {
        items.add(notShown + " more not shown");
      }
      doc.bullets(items);
    }
    if (!any) {
      doc.paragraph("No log findings.");
    }
  }
}
