package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load a burn-in ran under, per {@code @Load}: requested against achieved rate, errors by kind,
 * latency over the whole run against the limits, the latency trend verdict, a table of the
 * intervals and a chart of p50, p95 and p99 over time.
 */
final class LoadSection implements GateSection {
  /** Table rows and chart points at most; longer runs merge adjacent intervals. */
  static final int MAX_ROWS = 60;

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    if (gate.burnIn() == null || gate.burnIn().loads().isEmpty()) {
      return;
    }
    doc.heading(3, "Load");
    doc.paragraph(
        "Latencies count from each request's intended send time (constant rate, open model), so a"
            + " stall shows as latency on every request due during it.");
    for (LoadEvidence l : gate.burnIn().loads()) {
      render(l, doc);
    }
  }

  private static void render(LoadEvidence l, MarkdownDocument doc) {
    doc.heading(4, l.target());
    List<String> facts = new ArrayList<>();
    facts.add(
        String.format(
            Locale.ROOT,
            "Rate: %.2f requests/s achieved of %s requested; %d sent, %d completed",
            l.achievedRate(),
            MermaidXyChart.number(l.requestedRate()),
            l.sent(),
            l.completed()));
    facts.add(
        String.format(
                Locale.ROOT,
                "Errors: %d (%.2f %%, limit %.2f %%)",
                l.errors(),
                100 * l.errorRate(),
                100 * l.maxErrorRate())
            + kinds(l.errorKinds()));
    facts.add(
        String.format(
                Locale.ROOT,
                "Latency over the run: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                l.p50Ms(),
                l.p95Ms(),
                l.p99Ms(),
                l.maxMs())
            + (l.p99CeilingMs() > 0
                ? String.format(Locale.ROOT, " (p99 ceiling %.1f ms)", l.p99CeilingMs())
                : ""));
    facts.add(
        "Latency trend: **"
            + MarkdownText.text(l.latencyVerdict())
            + "**: "
            + MarkdownText.text(l.latencyEvidence()));
    doc.bullets(facts);
    List<LoadInterval> rows = atMost(l.intervals(), MAX_ROWS);
    if (rows.isEmpty()) {
      return;
    }
    if (rows.size() < l.intervals().size()) {
      doc.paragraph(
          l.intervals().size()
              + " intervals merged into "
              + rows.size()
              + " rows; a merged row shows the larger percentile of the intervals it covers.");
    }
    List<List<String>> table = new ArrayList<>();
    for (LoadInterval i : rows) {
      table.add(
          List.of(
              MermaidXyChart.number(i.tStartSeconds() / 60.0)
                  + "–"
                  + MermaidXyChart.number(i.tEndSeconds() / 60.0),
              Long.toString(i.sent()),
              String.format(Locale.ROOT, "%.2f", i.achievedRate()),
              String.format(Locale.ROOT, "%d (%.2f %%)", i.errors(), 100 * i.errorRate()),
              ms(i.p50Ms()),
              ms(i.p95Ms()),
              ms(i.p99Ms()),
              ms(i.maxMs())));
    }
    doc.table(
        List.of("Minutes", "Sent", "Rate/s", "Errors", "p50 ms", "p95 ms", "p99 ms", "max ms"),
        table);
    doc.codeBlock(
        "mermaid",
        LatencyChart.render(
            l.service() + " latency p50, p95, p99 (ms)",
            rows,
            List.of(LoadInterval::p50Ms, LoadInterval::p95Ms, LoadInterval::p99Ms)));
  }

  private static String kinds(Map<String, Long> kinds) {
    if (kinds.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(": ");
    kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e -> {
              if (sb.length() > 2) {
                sb.append(", ");
              }
              sb.append(MarkdownText.text(e.getKey())).append(" × ").append(e.getValue());
            });
    return sb.toString();
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Merges runs of adjacent intervals so that at most {@code max} remain. */
  static List<LoadInterval> atMost(List<LoadInterval> intervals, int max) {
    int n = intervals.size();
    if (n <= max) {
      return intervals;
    }
    List<LoadInterval> out = new ArrayList<>(max);
    for (int g = 0; g < max; g++) {
      int from = (int) ((long) g * n / max);
      int to = (int) ((long) (g + 1) * n / max);
      LoadInterval merged = intervals.get(from);
      for (int i = from + 1; i < to; i++) {
        merged = merged.merge(intervals.get(i));
      }
      out.add(merged);
    }
    return out;
  }
}
