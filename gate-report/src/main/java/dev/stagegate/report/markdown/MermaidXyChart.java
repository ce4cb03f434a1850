package dev.stagegate.report.markdown;

import dev.stagegate.report.HistoryBucket;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * One Mermaid {@code xychart-beta} line chart of a metric over time, as GitHub renders it inside a
 * {@code mermaid} code block.
 *
 * <p>The x axis is categorical: one label per point, the minutes since {@code originSeconds} at the
 * middle of the point's bucket. Mermaid spreads categories evenly, and buckets that saw no sample
 * are absent, so the labels (not the spacing) tell the time. Numbers use {@link Locale#ROOT}: a
 * decimal comma would split Mermaid's lists.
 *
 * <pre>{@code
 * String chart = MermaidXyChart.render("api memory", "MiB", t0, buckets, b -> b / 1048576.0);
 * }</pre>
 */
final class MermaidXyChart {
  private MermaidXyChart() {}

  /**
   * The chart text (without the fence), one statement per line.
   *
   * @param title shown above the chart; reduced to chars that cannot end Mermaid's quotes
   * @param yLabel the y-axis label, e.g. {@code MiB}
   * @param originSeconds the time of minute 0, same origin as the buckets
   * @param points the points, at most as many as the caller wants drawn; not empty
   * @param scale turns a bucket mean into the plotted unit
   */
  static String render(
      String title,
      String yLabel,
      double originSeconds,
      List<HistoryBucket> points,
      DoubleUnaryOperator scale) {
    StringBuilder x = new StringBuilder();
    StringBuilder line = new StringBuilder();
    double max = 0;
    for (HistoryBucket b : points) {
      double minutes = (b.tMidSeconds() - originSeconds) / 60.0;
      double value = scale.applyAsDouble(b.mean());
      max = Math.max(max, value);
      if (x.length() > 0) {
        x.append(", ");
        line.append(", ");
      }
      x.append('"').append(number(minutes)).append('"');
      line.append(number(value));
    }
    return "xychart-beta\n"
        + "  title \""
        + quoted(title)
        + "\"\n"
        + "  x-axis \"minutes\" ["
        + x
        + "]\n"
        + "  y-axis \""
        + quoted(yLabel)
        + "\" 0 --> "
        + number(niceCeiling(max))
        + "\n"
        + "  line ["
        + line
        + "]\n";
  }

  /** One decimal, a point as separator, never {@code -0.0}. */
  static String number(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.equals("-0.0") ? "0.0" : s;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code max}; 1 for nothing. */
  static double niceCeiling(double max) {
    if (!(max > 0) || Double.isInfinite(max)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /**
   * Keeps letters, digits and a few marks: a quote, a semicolon or {@code %%} in a service name
   * could end the string or the statement and change the chart.
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length() && out.length() < 100; i++) {
      char c = text.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || " ._-(),/".indexOf(c) >= 0;
      out.append(safe ? c : '_');
    }
    return out.toString();
  }
}
