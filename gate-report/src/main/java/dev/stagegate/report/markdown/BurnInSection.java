package dev.stagegate.report.markdown;

import static java.util.stream.Collectors.joining;

import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.StackEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A burn-in's watch: requested, planned and actual duration (a shortened run says so), why it
 * ended, memory and CPU verdicts per service with the numbers, and the restart/exit timeline.
 */
final class BurnInSection implements GateSection {
  /** Timeline rows shown; the rest are counted. */
  static final int TIMELINE_ROWS = 50;

  /** A significance level without trailing zeros: {@code 0.01}. */
  private static String alpha(double alpha) {
    return java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
  }

  /**
   * One line per service with its memory and CPU evidence. Services whose evidence reads the same
   * but for their name (every trend "not judged" in a short run) share one line naming them all,
   * with the sentence shown for the first: the same words three times are noise, not evidence. A
   * service neither of whose trends was judged gets no sentence: the table says "not judged" with
   * the window and the minimum span, and one line names those services and where the sentences are.
   */
  static List<String> evidence(List<ServiceTrend> trends) {
    Map<String, List<ServiceTrend>> alike = new LinkedHashMap<>();
    List<String> notJudged = new ArrayList<>();
    for (ServiceTrend t : trends) {
      if (ServiceTrend.NOT_JUDGED.equals(t.memoryVerdict())
          && ServiceTrend.NOT_JUDGED.equals(t.cpuVerdict())) {
        notJudged.add(MarkdownText.code(t.service()));
        continue;
      }
      String quoted = "\"" + t.service() + "\"";
      String key =
          t.memoryEvidence().replace(quoted, "\"\u0000\"")
              + "\u0001"
              + t.cpuEvidence().replace(quoted, "\"\u0000\"");
      alike.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
    List<String> lines = new ArrayList<>();
    for (List<ServiceTrend> group : alike.values()) {
      ServiceTrend first = group.get(0);
      String names = group.stream().map(t -> MarkdownText.code(t.service())).collect(joining(", "));
      lines.add(
          names
              + (group.size() > 1
                  ? " (alike; as worded for " + MarkdownText.code(first.service()) + ")"
                  : "")
              + " memory: "
              + MarkdownText.text(first.memoryEvidence())
              + " CPU: "
              + MarkdownText.text(first.cpuEvidence()));
    }
    if (!notJudged.isEmpty()) {
      lines.add(
          String.join(", ", notJudged)
              + ": memory and CPU not judged, the window shorter than the minimum span (as in the"
              + " table); no slope is given, as one from so short a window would be an"
              + " extrapolation. The sentences are in the JSON twin → this gate's"
              + " `burnIn.trends[].memoryEvidence` and `cpuEvidence`.");
    }
    return lines;
  }

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    BurnInEvidence b = gate.burnIn();
    if (b == null) {
      return;
    }
    doc.heading(3, "Burn-in");
    doc.bullets(
        List.of(
            "Requested: " + BurnInEvidence.human(b.requested()),
            "Planned for this run: "
                + BurnInEvidence.human(b.planned())
                + (b.planned().compareTo(b.requested()) < 0
                    ? " (shortened by `stagegate.burnin.duration`)"
                    : ""),
            "Actual: " + HumanDuration.format(b.actual()),
            "Ended: " + MarkdownText.text(b.endedBecause()),
            "Verdict: **" + MarkdownText.text(gate.verdictText()) + "**"));
    if (b.engineInterruption() != null) {
      // first after the headline facts: it is why nothing below is judged
      doc.paragraph(
          "⚠️ **Docker engine interrupted:** "
              + MarkdownText.text(b.engineInterruption().sentence("burn-in"))
              + ".");
    }
    if (!b.trends().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (ServiceTrend t : b.trends()) {
        rows.add(
            List.of(
                MarkdownText.cell(t.service()),
                MarkdownText.cell(t.memoryShown()),
                MarkdownText.cell(t.memorySlopeShown()),
                MarkdownText.cell(t.cpuShown()),
                MarkdownText.cell(t.cpuSlopeShown())));
      }
      doc.table(List.of("Service", "Memory", "Memory slope", "CPU", "CPU slope"), rows);
      ServiceTrend first = b.trends().get(0);
      doc.paragraph(
          "Slopes are Theil-Sen per hour, memory in MiB and as a share of the service's baseline"
              + " (its typical memory floor); each trend is a one-sided Mann-Kendall test"
              + (first.significance() > 0
                  ? " at α = " + String.format(Locale.ROOT, "%s", alpha(first.significance()))
                  : "")
              + (b.trends().stream().anyMatch(t -> t.judged() && t.extrapolated())
                  ? "; a slope per hour from a window shorter than an hour is an extrapolation"
                  : "")
              + (b.trends().stream().anyMatch(t -> !t.judged())
                  ? "; a window shorter than `stagegate.trend.min-span` is not judged"
                  : "")
              + ".");
      doc.bullets(evidence(b.trends()));
    }
    doc.heading(4, "Restart and exit timeline");
    if (b.timeline().isEmpty()) {
      doc.paragraph("No container event during the run.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (StackEvent e : b.timeline().subList(0, Math.min(TIMELINE_ROWS, b.timeline().size()))) {
      rows.add(
          List.of(
              MarkdownText.cell(String.valueOf(e.at())),
              MarkdownText.cell(e.service()),
              MarkdownText.cell(e.action()),
              e.exitCode() == null ? "–" : Integer.toString(e.exitCode())));
    }
    doc.table(List.of("Time", "Service", "Event", "Exit code"), rows);
    long more = b.timeline().size() - rows.size() + b.timelineDropped();
    if (more > 0) {
      doc.paragraph(more + " more events not shown.");
    }
  }
}
