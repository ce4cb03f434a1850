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

  /**
   * As {@link #renderValues(String, List, List)} with another y-axis label. The x axis is numeric
   * (minutes at each interval's end), each line resampled onto the even grid Mermaid draws a line
   * on, as {@link MermaidXyChart} does: a categorical axis of labels would merge equal labels and
   * draw several points at one x.
   */
  static String renderValues(
      String title, String yLabel, List<LoadInterval> xFrom, List<List<Double>> lines) {
    int n = xFrom.size();
    double[] minutes = new double[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      minutes[i] = xFrom.get(i).tEndSeconds() / 60.0;
    }
    double from = minutes[0];
    double to = n > 1 && minutes[n - 1] > from ? minutes[n - 1] : from + 1;
    int drawn = Math.max(2, n);
    double max = 0;
    StringBuilder body = new StringBuilder();
    for (List<Double> line : lines) {
      int m = Math.min(line.size(), n);
      if (m == 0) {
        continue;
      }
      double[] x = new double[m];
      double[] y = new double[m];
      for (int i = 0; i < m; i++) {
        x[i] = minutes[i];
        y[i] = line.get(i);
        max = Math.max(max, y[i]);
      }
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < drawn; i++) {
        double at = from + (to - from) * i / (drawn - 1);
        if (i > 0) {
          l.append(','); // Mermaid reads the list; a space after each comma is only bytes
        }
        l.append(MermaidXyChart.number(MermaidXyChart.interpolate(x, y, at)));
      }
      body.append("  line [").append(l).append("]\n");
    }
    return "xychart-beta\n"
        + "  title \""
        + MermaidXyChart.quoted(title)
        + "\"\n"
        + "  x-axis \"minutes\" "
        + MermaidXyChart.minute(from)
        + " --> "
        + MermaidXyChart.minute(to)
        + "\n"
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
