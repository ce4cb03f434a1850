package dev.stagegate.report.markdown;

import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The load a burn-in ran under, per {@code @Load}: requested against achieved rate, errors by kind,
 * latency over the whole run against the limits, the latency trend verdict, the intervals a
 * reviewer looks at (the first, the one with the highest p99, the one with the most errors, the
 * last; every interval is in the JSON twin, and the section says where) and one chart of p50, p95
 * and p99 over time, with the baseline's p95 drawn over it when the gate ran against a baseline.
 */
final class LoadSection implements GateSection {
  /**
   * Chart points at most; longer runs merge adjacent intervals (a merged point shows the larger
   * percentile of the intervals it covers).
   */
  static final int MAX_POINTS = ChartsSection.MAX_POINTS;

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    if (gate.burnIn() == null || gate.burnIn().loads().isEmpty()) {
      return;
    }
    doc.heading(3, "Load");
    doc.paragraph(
        "Latency counts from each request's intended send time (open model): a stall shows on"
            + " every request due during it.");
    List<LoadEvidence> loads = gate.burnIn().loads();
    for (int i = 0; i < loads.size(); i++) {
      render(loads.get(i), i, baselineOf(gate, loads.get(i)), doc);
    }
  }

  /**
   * The baseline run's load on the same target, when the gate ran against a baseline and it has
   * intervals; else null.
   */
  static LoadEvidence baselineOf(GateResult gate, LoadEvidence release) {
    BaselineEvidence b = gate.burnIn() == null ? null : gate.burnIn().baseline();
    if (b == null || b.baselineRun() == null || b.baselineRun().burnIn() == null) {
      return null;
    }
    for (LoadEvidence l : b.baselineRun().burnIn().loads()) {
      if (l.target().equals(release.target()) && !l.intervals().isEmpty()) {
        return l;
      }
    }
    return null;
  }

  private static void render(LoadEvidence l, int index, LoadEvidence base, MarkdownDocument doc) {
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
            + MarkdownText.text(trendEvidence(l)));
    doc.bullets(facts);
    List<LoadInterval> all = l.intervals();
    if (all.isEmpty()) {
      return;
    }
    double seconds = all.get(0).seconds();
    doc.paragraph(
        "Intervals: "
            + all.size()
            + " of "
            + (seconds == Math.rint(seconds)
                ? Long.toString((long) seconds)
                : String.format(Locale.ROOT, "%.1f", seconds))
            + " s, the ends and the worst below; all "
            + all.size()
            + " in "
            + MarkdownText.code("stability_audit.json")
            + " → this gate's "
            + MarkdownText.code("burnIn.loads[" + index + "].intervals")
            + ".");
    List<List<String>> table = new ArrayList<>();
    for (Map.Entry<Integer, String> row : IntervalPicks.of(all).entrySet()) {
      LoadInterval i = all.get(row.getKey());
      table.add(
          List.of(
              row.getValue(),
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
        List.of(
            "Interval",
            "Minutes",
            "Sent",
            "Rate/s",
            "Errors",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms"),
        table);
    List<LoadInterval> points = atMost(all, MAX_POINTS);
    List<List<Double>> lines = new ArrayList<>();
    for (ToDoubleFunction<LoadInterval> f :
        List.<ToDoubleFunction<LoadInterval>>of(
            LoadInterval::p50Ms, LoadInterval::p95Ms, LoadInterval::p99Ms)) {
      lines.add(LatencyChart.values(points, f));
    }
    String title = l.service() + " latency p50, p95, p99";
    if (base != null) {
      lines.add(LatencyChart.values(atMost(base.intervals(), MAX_POINTS), LoadInterval::p95Ms));
      title = l.service() + " latency p50, p95, p99, then baseline p95";
    }
    doc.codeBlock("mermaid", LatencyChart.renderValues(title, points, lines));
  }

  /**
   * The trend's sentence; for a window too short to judge only its head, {@code not judged (1.4 min
   * < 5 min)}, the rest of the sentence being the same for every short run (the JSON twin keeps
   * it).
   */
  private static String trendEvidence(LoadEvidence l) {
    String e = l.latencyEvidence();
    int colon = e.indexOf("): ");
    return l.latencyVerdict().equals(ServiceTrend.NOT_JUDGED)
            && e.startsWith("not judged (")
            && colon > 0
        ? e.substring(0, colon + 1) + ", window shorter than the minimum span"
        : e;
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
