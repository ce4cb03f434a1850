package dev.stagegate.report.markdown;

import dev.stagegate.report.load.LoadInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A Mermaid {@code xychart-beta} of latency over a load run: one line per percentile (or per run,
 * when a release is drawn over its baseline), x in minutes at each interval's end. Mermaid draws no
 * legend, so the title names the lines in the order they are drawn.
 *
 * <pre>{@code
 * String chart = LatencyChart.render("api p50, p95, p99 (ms)", rows,
 *     List.of(LoadInterval::p50Ms, LoadInterval::p95Ms, LoadInterval::p99Ms));
 * }</pre>
 */
final class LatencyChart {
  private LatencyChart() {}

  /**
   * The chart text (without the fence) with one line per function of {@code intervals}; the x axis
   * comes from {@code intervals}.
   */
  static String render(
      String title, List<LoadInterval> intervals, List<ToDoubleFunction<LoadInterval>> lines) {
    return renderValues(title, intervals, lines.stream().map(f -> values(intervals, f)).toList());
  }

  /** The chart text with the given lines of values (each as long as {@code xFrom} or shorter). */
  static String renderValues(String title, List<LoadInterval> xFrom, List<List<Double>> lines) {
    return renderValues(title, "ms", xFrom, lines);
  }

  /** As {@link #renderValues(String, List, List)} with another y-axis label. */
  static String renderValues(
      String title, String yLabel, List<LoadInterval> xFrom, List<List<Double>> lines) {
    StringBuilder x = new StringBuilder();
    for (LoadInterval i : xFrom) {
      if (x.length() > 0) {
        x.append(", ");
      }
      x.append('"').append(MermaidXyChart.number(i.tEndSeconds() / 60.0)).append('"');
    }
    double max = 0;
    StringBuilder body = new StringBuilder();
    for (List<Double> line : lines) {
      StringBuilder l = new StringBuilder();
      for (double v : line) {
        max = Math.max(max, v);
        if (l.length() > 0) {
          l.append(", ");
        }
        l.append(MermaidXyChart.number(v));
      }
      body.append("  line [").append(l).append("]\n");
    }
    return "xychart-beta\n"
        + "  title \""
        + MermaidXyChart.quoted(title)
        + "\"\n"
        + "  x-axis \"minutes\" ["
        + x
        + "]\n"
        + "  y-axis \""
        + MermaidXyChart.quoted(yLabel)
        + "\" 0 --> "
        + MermaidXyChart.number(MermaidXyChart.niceCeiling(max))
        + "\n"
        + body;
  }

  static List<Double> values(List<LoadInterval> intervals, ToDoubleFunction<LoadInterval> f) {
    List<Double> out = new ArrayList<>(intervals.size());
    for (LoadInterval i : intervals) {
      out.add(f.applyAsDouble(i));
    }
    return out;
  }
}
