package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;

/**
 * The last log lines of each service, collapsed so a long audit stays scannable; the summary says
 * how much of the log is shown.
 */
final class LogTailSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    if (gate.services().isEmpty()) {
      return;
    }
    doc.heading(3, "Last log lines");
    for (ServiceEvidence s : gate.services()) {
      String summary =
          s.service()
              + " ("
              + s.lastLogLines().size()
              + " of "
              + s.totalLogLines()
              + (s.totalLogLines() == 1 ? " line)" : " lines)");
      if (s.lastLogLines().isEmpty()) {
        doc.paragraph(MarkdownText.text(s.service()) + " printed no log lines.");
      } else {
        doc.collapsedCodeBlock(summary, "text", String.join("\n", s.lastLogLines()));
      }
    }
  }
}
