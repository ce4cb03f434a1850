package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import dev.stagegate.report.text.UntrustedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The last log lines of the gate's services, in one folded block (each service under a {@code ==>
 * service <==} line, as {@code tail} prints several files), so a long audit stays scannable. A
 * service that failed (a log finding, a restart, a nonzero exit, an OOM kill, unhealthy) shows
 * {@link #TROUBLE_LINES} lines, any other {@link #QUIET_LINES}: the log audit, not the tail,
 * decides, and the JSON twin keeps every line the gate kept. The summary says how much is shown. A
 * gate that passed with no service in trouble quotes no tail, only how many lines each service
 * printed and where the kept ones are.
 */
final class LogTailSection implements GateSection {
  /** Lines shown for a service that gave no sign of trouble. */
  static final int QUIET_LINES = 3;

  /** Lines shown for a service that failed in any way. */
  static final int TROUBLE_LINES = 40;

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    if (gate.services().isEmpty()) {
      return;
    }
    doc.heading(3, "Last log lines");
    if (passedQuietly(gate)) {
      // nothing failed and the log audit found nothing: the tail would prove nothing more
      List<String> counts = new ArrayList<>();
      for (ServiceEvidence s : gate.services()) {
        counts.add(MarkdownText.text(s.service()) + " " + s.totalLogLines());
      }
      doc.paragraph(
          "No log finding; lines not quoted (passed): "
              + String.join(", ", counts)
              + " (kept ones: JSON twin → `services[].lastLogLines`).");
      return;
    }
    List<String> silent = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    StringBuilder block = new StringBuilder();
    int kept = 0;
    for (ServiceEvidence s : gate.services()) {
      if (s.lastLogLines().isEmpty()) {
        silent.add(s.service());
        continue;
      }
      TailExcerpt tail =
          TailExcerpt.of(s.lastLogLines(), troubled(s) ? TROUBLE_LINES : QUIET_LINES);
      if (tail.cut()) {
        kept = Math.max(kept, s.lastLogLines().size());
      }
      String of =
          tail.lines().size() == s.totalLogLines()
              ? s.totalLogLines() + (s.totalLogLines() == 1 ? " line" : " lines")
              : "last " + tail.lines().size() + " of " + s.totalLogLines() + " lines";
      shown.add(s.service() + " " + of);
      if (block.length() > 0) {
        block.append('\n');
      }
      block
          .append("==> ")
          .append(UntrustedText.cleanLine(s.service()).strip())
          .append(" (")
          .append(of)
          .append(") <==\n");
      block.append(tail.text()).append('\n');
    }
    if (!shown.isEmpty()) {
      doc.collapsedCodeBlock(
          String.join(", ", shown)
              + (kept > 0
                  ? " (the JSON twin keeps the lines the gate kept, up to the last "
                      + kept
                      + " of each)"
                  : ""),
          "text",
          block.toString().stripTrailing());
    }
    if (!silent.isEmpty()) {
      doc.paragraph(MarkdownText.text(String.join(", ", silent)) + " printed no log lines.");
    }
  }

  /** A passing (or shortened) gate none of whose services gave a sign of trouble. */
  static boolean passedQuietly(GateResult gate) {
    return (gate.verdict() == Verdict.PASS || gate.verdict() == Verdict.PASS_SHORTENED)
        && gate.services().stream().noneMatch(LogTailSection::troubled);
  }

  static boolean troubled(ServiceEvidence s) {
    return s.findingsTotal() > 0
        || s.restartCount() > 0
        || s.oomKilled()
        || (s.exitCode() != null && s.exitCode() != 0)
        || "unhealthy".equals(s.health());
  }
}
