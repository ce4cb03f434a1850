package dev.stagegate.report.markdown;

import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A burn-in against its baseline: which ref, how the two ran (side by side or one after the other),
 * the verdict, every metric compared with its test, then release and baseline side by side: load
 * latency and error rate, memory and CPU trend verdicts, and overlaid memory charts (release first,
 * baseline second in each chart; the baseline's p95 latency is in {@link LoadSection}'s chart).
 */
final class BaselineSection implements GateSection {
  private static final double MIB = 1024.0 * 1024.0;

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    if (gate.burnIn() == null || gate.burnIn().baseline() == null) {
      return;
    }
    BaselineEvidence b = gate.burnIn().baseline();
    doc.heading(3, "Baseline comparison");
    doc.bullets(
        List.of(
            "Baseline: "
                + MarkdownText.code(b.label())
                + " (configured as "
                + MarkdownText.code(b.ref())
                + ")",
            "Run: " + MarkdownText.text(b.mode()),
            "Verdict: **" + MarkdownText.text(b.verdict()) + "**"));
    if (!b.comparisons().isEmpty()) {
      // an Outcome column of "no regression" in every row says one thing: say it once; any other
      // outcome keeps the column, so a regression stands in its row
      boolean noneRegressed =
          b.comparisons().stream()
              .allMatch(c -> c.outcome() == MetricComparison.Outcome.NO_REGRESSION);
      List<List<String>> rows = new ArrayList<>();
      for (MetricComparison c : b.comparisons()) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    MarkdownText.cell(c.service()),
                    MarkdownText.cell(c.metric()),
                    num(c.release()) + " " + MarkdownText.cell(c.unit()),
                    num(c.baseline()) + " " + MarkdownText.cell(c.unit()),
                    Double.isNaN(c.changePercent())
                        ? "–"
                        : String.format(Locale.ROOT, "%+.1f %%", c.changePercent()),
                    MetricComparison.p(c.pValue()),
                    Double.isNaN(c.superiority())
                        ? "–"
                        : String.format(Locale.ROOT, "%.2f", c.superiority())));
        if (!noneRegressed) {
          row.add(c.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        rows.add(row);
      }
      List<String> header =
          new ArrayList<>(
              List.of(
                  "Service",
                  "Metric",
                  "Release",
                  "Baseline",
                  "Change",
                  "Mann-Whitney U",
                  "P(release > baseline)"));
      if (noneRegressed) {
        doc.paragraph("Every metric: no regression.");
      } else {
        header.add("Outcome");
      }
      doc.table(header, rows);
    }
    GateResult base = b.baselineRun();
    if (base == null || base.burnIn() == null) {
      return;
    }
    sideBySide(gate.burnIn(), base.burnIn(), doc);
  }

  private static void sideBySide(
      BurnInEvidence release, BurnInEvidence baseline, MarkdownDocument doc) {
    doc.heading(4, "Release and baseline side by side");
    Map<String, LoadEvidence> baseLoads =
        baseline.loads().stream()
            .collect(Collectors.toMap(LoadEvidence::target, Function.identity(), (a, c) -> a));
    List<List<String>> rows = new ArrayList<>();
    for (LoadEvidence r : release.loads()) {
      LoadEvidence l = baseLoads.get(r.target());
      rows.add(
          List.of(
              MarkdownText.cell(r.target()),
              pair(r.p50Ms(), l == null ? Double.NaN : l.p50Ms()),
              pair(r.p95Ms(), l == null ? Double.NaN : l.p95Ms()),
              pair(r.p99Ms(), l == null ? Double.NaN : l.p99Ms()),
              pair(100 * r.errorRate(), l == null ? Double.NaN : 100 * l.errorRate()),
              pair(r.achievedRate(), l == null ? Double.NaN : l.achievedRate())));
    }
    if (!rows.isEmpty()) {
      doc.table(
          List.of("Load (release / baseline)", "p50 ms", "p95 ms", "p99 ms", "errors %", "rate/s"),
          rows);
    }
    Map<String, ServiceTrend> baseTrends =
        baseline.trends().stream()
            .collect(Collectors.toMap(ServiceTrend::service, Function.identity(), (a, c) -> a));
    List<List<String>> trendRows = new ArrayList<>();
    List<String> neither = new ArrayList<>();
    for (ServiceTrend r : release.trends()) {
      ServiceTrend t = baseTrends.get(r.service());
      if (!r.judged() && t != null && !t.judged()) {
        // slopes of 0.0 / 0.0 would read as measured; say once that neither side was judged
        neither.add(MarkdownText.code(r.service()));
        continue;
      }
      trendRows.add(
          List.of(
              MarkdownText.cell(r.service()),
              MarkdownText.cell(r.memoryVerdict())
                  + " / "
                  + (t == null ? "–" : MarkdownText.cell(t.memoryVerdict())),
              pair(r.memorySlopeMibPerHour(), t == null ? Double.NaN : t.memorySlopeMibPerHour()),
              MarkdownText.cell(r.cpuVerdict())
                  + " / "
                  + (t == null ? "–" : MarkdownText.cell(t.cpuVerdict())),
              pair(r.cpuSlopePointsPerHour(), t == null ? Double.NaN : t.cpuSlopePointsPerHour())));
    }
    if (!trendRows.isEmpty()) {
      doc.table(
          List.of("Service (release / baseline)", "Memory", "MiB/hour", "CPU", "points/hour"),
          trendRows);
    }
    if (!neither.isEmpty()) {
      doc.paragraph(
          "Trends of "
              + String.join(", ", neither)
              + ": not judged in the release nor in the baseline (windows shorter than the"
              + " minimum span), so no slopes to compare.");
    }
    // The baseline's p95 latency is drawn in the Load section's chart over the release's, its
    // memory in each service's memory chart under Resource charts: one chart each, not two.
  }

  /**
   * The chart of {@code service}'s memory (MiB), release then baseline, when {@code gate} ran
   * against a baseline that has that service's memory; else null.
   */
  static String memoryChart(GateResult gate, String service) {
    if (!drawsMemory(gate, service)) {
      return null;
    }
    ServiceTrend r = trend(gate.burnIn(), service);
    ServiceTrend t = trend(gate.burnIn().baseline().baselineRun().burnIn(), service);
    int n = Math.min(Math.min(r.memory().size(), t.memory().size()), ChartsSection.MAX_POINTS);
    List<LoadInterval> x = new ArrayList<>();
    List<Double> rel = new ArrayList<>();
    List<Double> bas = new ArrayList<>();
    List<HistoryBucket> rm = BoundedHistory.downsample(r.memory(), n);
    List<HistoryBucket> bm = BoundedHistory.downsample(t.memory(), n);
    double origin = rm.get(0).tStartSeconds();
    for (int i = 0; i < Math.min(rm.size(), bm.size()); i++) {
      double end = rm.get(i).tEndSeconds() - origin;
      x.add(new LoadInterval(0, Math.max(0, end), 0, 0, 0, 0, 0, 0, 0));
      rel.add(rm.get(i).mean() / MIB);
      bas.add(bm.get(i).mean() / MIB);
    }
    return LatencyChart.renderValues(
        service + " memory, release then baseline", "MiB", x, List.of(rel, bas));
  }

  private static ServiceTrend trend(BurnInEvidence burnIn, String service) {
    return burnIn.trends().stream()
        .filter(t -> t.service().equals(service))
        .findFirst()
        .orElse(null);
  }

  /**
   * Whether {@code gate} has {@code service}'s memory in the release and in the baseline: its
   * memory chart then draws both ({@link #memoryChart}).
   */
  static boolean drawsMemory(GateResult gate, String service) {
    BurnInEvidence release = gate.burnIn();
    if (release == null || release.baseline() == null) {
      return false;
    }
    GateResult base = release.baseline().baselineRun();
    if (base == null || base.burnIn() == null) {
      return false;
    }
    ServiceTrend r =
        release.trends().stream().filter(t -> t.service().equals(service)).findFirst().orElse(null);
    ServiceTrend t =
        base.burnIn().trends().stream()
            .filter(x -> x.service().equals(service))
            .findFirst()
            .orElse(null);
    return r != null && drawsMemory(r, t);
  }

  private static boolean drawsMemory(ServiceTrend release, ServiceTrend baseline) {
    return baseline != null && !release.memory().isEmpty() && !baseline.memory().isEmpty();
  }

  private static String pair(double release, double baseline) {
    return num(release) + " / " + num(baseline);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
  }
}
