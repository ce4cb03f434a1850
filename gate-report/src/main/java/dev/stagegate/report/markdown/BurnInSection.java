package dev.stagegate.report.markdown;

import static java.util.stream.Collectors.joining;

import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.StackEvent;
import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A burn-in's watch: requested, planned and actual duration (a shortened run says so), why it
 * ended, memory and CPU verdicts per service with the numbers (one line naming the services and
 * their windows when a short run judged none), and the restart/exit timeline.
 */
final class BurnInSection implements GateSection {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

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
              + ": not judged, each window shorter than `stagegate.trend.min-span`; no slope, as it would"
              + " be an extrapolation (the sentences: JSON twin → `burnIn.trends[]`).");
    }
    return lines;
  }

  /**
   * One line for a short run in which no trend was judged, memory nor CPU, each window shorter than
   * the same minimum span: the services with their windows ({@code `api` (1.5 min), `beat`,
   * `worker` (1.4 min)}), the minimum span and where the sentences are. A table of "not judged" and
   * "–" in every cell said no more. Null when any trend was judged or a window is unknown: the
   * table shows each verdict then.
   */
  static String noneJudged(List<ServiceTrend> trends) {
    if (trends.isEmpty()) {
      return null;
    }
    Duration min = trends.get(0).minimumSpan();
    for (ServiceTrend t : trends) {
      if (!ServiceTrend.NOT_JUDGED.equals(t.memoryVerdict())
          || !ServiceTrend.NOT_JUDGED.equals(t.cpuVerdict())
          || t.window() == null
          || min == null
          || !min.equals(t.minimumSpan())) {
        return null;
      }
    }
    // services with the same window share it: `beat`, `worker` (1.4 min)
    List<String> parts = new ArrayList<>();
    List<String> same = new ArrayList<>();
    for (int i = 0; i < trends.size(); i++) {
      ServiceTrend t = trends.get(i);
      same.add(MarkdownText.code(t.service()));
      String window = BurnInEvidence.human(t.window());
      if (i == trends.size() - 1
          || !window.equals(BurnInEvidence.human(trends.get(i + 1).window()))) {
        parts.add(String.join(", ", same) + " (" + window + ")");
        same.clear();
      }
    }
    return String.join(", ", parts)
        + ": memory and CPU not judged, each window shorter than the "
        + BurnInEvidence.human(min)
        + " of `stagegate.trend.min-span`; no slope, as it would be an extrapolation (the"
        + " sentences: JSON twin → `burnIn.trends[]`).";
  }

  /**
   * One sentence for a timeline that holds only the stack coming up (each container started once,
   * one-shot jobs exited 0 once, from the run's first event to its last within a minute); null for
   * any other timeline, which is shown row by row. The JSON twin keeps every event.
   */
  static String startOnly(BurnInEvidence b) {
    if (b.timelineDropped() > 0 || b.timeline().isEmpty()) {
      return null;
    }
    Map<String, Integer> starts = new LinkedHashMap<>();
    List<String> exitedZero = new ArrayList<>();
    for (StackEvent e : b.timeline()) {
      if (e.action().equals("start")) {
        if (starts.merge(e.service(), 1, Integer::sum) > 1) {
          return null;
        }
      } else if (e.action().equals("die")
          && e.exitCode() != null
          && e.exitCode() == 0
          && !exitedZero.contains(e.service())) {
        exitedZero.add(e.service());
      } else {
        return null;
      }
    }
    Instant from = b.timeline().get(0).at();
    Instant to = b.timeline().get(b.timeline().size() - 1).at();
    if (!exitedZero.stream().allMatch(starts::containsKey)
        || Duration.between(from, to).compareTo(Duration.ofMinutes(1)) > 0) {
      return null;
    }
    List<String> running = new ArrayList<>(starts.keySet());
    running.removeAll(exitedZero);
    return "Only the stack coming up ("
        + TIME.format(from)
        + "–"
        + TIME.format(to)
        + " UTC): "
        + MarkdownText.text(String.join(", ", running))
        + " started once"
        + (exitedZero.isEmpty()
            ? ""
            : "; " + MarkdownText.text(String.join(", ", exitedZero)) + " ran and exited 0")
        + "; nothing after (events: JSON twin → `burnIn.timeline`).";
  }

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    BurnInEvidence b = gate.burnIn();
    if (b == null) {
      return;
    }
    doc.heading(3, "Burn-in");
    // one line: the gate's verdict is its headline above, the reasons under it
    doc.paragraph(
        "Requested "
            + BurnInEvidence.human(b.requested())
            + " · planned "
            + BurnInEvidence.human(b.planned())
            + (b.planned().compareTo(b.requested()) < 0
                ? " (shortened by `stagegate.burnin.duration`)"
                : "")
            + " · watched "
            + HumanDuration.format(b.actual())
            + " · ended: "
            + MarkdownText.text(b.endedBecause()));
    if (b.engineInterruption() != null) {
      // first after the headline facts: it is why nothing below is judged
      doc.paragraph(
          "⚠️ **Docker engine interrupted:** "
              + MarkdownText.text(b.engineInterruption().sentence("burn-in"))
              + ".");
    }
    String noneJudged = noneJudged(b.trends());
    if (noneJudged != null) {
      doc.bullets(List.of(noneJudged));
    } else if (!b.trends().isEmpty()) {
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
      if (b.trends().stream().anyMatch(ServiceTrend::judged)) {
        // how to read a slope, only where there is one
        doc.paragraph(
            "Slopes are Theil-Sen per hour, memory (the processes' anonymous memory: no page"
                + " cache, no shared memory) in MiB and as a share of the service's baseline"
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
      }
      doc.bullets(evidence(b.trends()));
    }
    doc.heading(4, "Restart and exit timeline");
    if (b.timeline().isEmpty()) {
      doc.paragraph("No container event during the run.");
      return;
    }
    String startOnly = startOnly(b);
    if (startOnly != null) {
      doc.paragraph(startOnly);
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
