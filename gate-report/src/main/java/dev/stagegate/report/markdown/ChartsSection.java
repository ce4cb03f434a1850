package dev.stagegate.report.markdown;

import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceSeries;
import dev.stagegate.report.text.MarkdownDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Charts of each service's memory (MiB) and CPU (percent of one core) over the gate, as Mermaid
 * {@code xychart-beta} blocks that GitHub draws in place: a leak or a runaway loop is visible at a
 * glance.
 *
 * <p>The data comes from a function, so this section does not depend on where a gate keeps its
 * history; services appear in the gate's order, then any others the function returns. Each chart
 * plots the bucket means, downsampled with {@link BoundedHistory#downsample(List, int)} to at most
 * {@link #MAX_POINTS} points (or the limit given). A gate without data gets no section. In a gate
 * run against a baseline, a service's memory chart draws the release, then the baseline ({@link
 * BaselineSection#memoryChart}).
 *
 * <pre>{@code
 * GateSection charts = new ChartsSection(gate -> histories.get(gate.id()));
 * String md = AuditMarkdown.standard().withGateSection(charts).render(report);
 * }</pre>
 */
public final class ChartsSection implements GateSection {
  /**
   * Points per chart by default: readable on a page, and small in the file (each point is a mean of
   * the buckets it covers; the JSON twin keeps every bucket).
   */
  public static final int MAX_POINTS = 16;

  private static final double MIB = 1024.0 * 1024.0;

  private final Function<GateResult, Map<String, ServiceSeries>> series;
  private final int maxPoints;

  /** Charts of at most {@link #MAX_POINTS} points from the given per-gate series. */
  public ChartsSection(Function<GateResult, Map<String, ServiceSeries>> series) {
    this(series, MAX_POINTS);
  }

  /**
   * Charts of at most {@code maxPoints} points.
   *
   * @param series a gate's series by service name; may return {@code null} or an empty map
   * @param maxPoints at least 1
   */
  public ChartsSection(Function<GateResult, Map<String, ServiceSeries>> series, int maxPoints) {
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be >= 1 but was " + maxPoints);
    }
    this.series = series;
    this.maxPoints = maxPoints;
  }

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    Map<String, ServiceSeries> byService = ordered(gate, series.apply(gate));
    if (byService.isEmpty()) {
      return;
    }
    doc.heading(3, "Resource charts");
    doc.paragraph(
        "Each point is the mean of the buckets it covers; the JSON twin has every bucket.");
    for (Map.Entry<String, ServiceSeries> e : byService.entrySet()) {
      String service = e.getKey();
      ServiceSeries s = e.getValue();
      double origin = origin(s);
      String withBaseline = BaselineSection.memoryChart(gate, service);
      if (withBaseline != null) {
        doc.codeBlock("mermaid", withBaseline);
      } else if (!s.memoryBytes().isEmpty()) {
        doc.codeBlock(
            "mermaid",
            MermaidXyChart.render(
                service + " memory",
                "MiB",
                origin,
                BoundedHistory.downsample(s.memoryBytes(), maxPoints),
                bytes -> bytes / MIB));
      }
      if (!s.cpuPercent().isEmpty()) {
        doc.codeBlock(
            "mermaid",
            MermaidXyChart.render(
                service + " CPU",
                "percent of a core",
                origin,
                BoundedHistory.downsample(s.cpuPercent(), maxPoints),
                percent -> percent));
      }
    }
  }

  /** Services with data, in the gate's order first. */
  private static Map<String, ServiceSeries> ordered(
      GateResult gate, Map<String, ServiceSeries> all) {
    Map<String, ServiceSeries> out = new LinkedHashMap<>();
    if (all == null || all.isEmpty()) {
      return out;
    }
    for (ServiceEvidence s : gate.services()) {
      ServiceSeries found = all.get(s.service());
      if (found != null && !found.isEmpty()) {
        out.put(s.service(), found);
      }
    }
    all.forEach(
        (name, s) -> {
          if (s != null && !s.isEmpty()) {
            out.putIfAbsent(name, s);
          }
        });
    return out;
  }

  /** Minute 0 of both charts of a service: its earliest sample, so the two line up. */
  private static double origin(ServiceSeries s) {
    double origin = Double.POSITIVE_INFINITY;
    for (List<HistoryBucket> list : List.of(s.memoryBytes(), s.cpuPercent())) {
      if (!list.isEmpty()) {
        origin = Math.min(origin, list.get(0).tStartSeconds());
      }
    }
    return origin;
  }
}
