package dev.stagegate.report.markdown;

import dev.stagegate.report.HistoryBucket;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * One Mermaid {@code xychart-beta} line chart of a metric over time, as GitHub renders it inside a
 * {@code mermaid} code block.
 *
 * <p>The x axis is numeric: minutes since {@code originSeconds}, from the first point's to the last
 * point's ({@code x-axis "minutes" 0 --> 90}). Mermaid places the values of a line evenly over a
 * numeric axis, so the points are resampled onto an even grid of as many points over that range,
 * each the linear interpolation of the bucket means around it: evenly spaced buckets come out as
 * they were, a gap (a bucket that saw no sample) is bridged by a straight line. A categorical axis
 * of labels would not do: Mermaid's band scale merges equal labels, so a short run labelled to one
 * decimal of a minute draws many points at one x. Numbers use {@link Locale#ROOT}: a decimal comma
 * would split Mermaid's lists.
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
    int n = points.size();
    double[] minutes = new double[n];
    double[] values = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      HistoryBucket b = points.get(i);
      minutes[i] = (b.tMidSeconds() - originSeconds) / 60.0;
      values[i] = scale.applyAsDouble(b.mean());
      max = Math.max(max, values[i]);
    }
    double from = minutes[0];
    // one point still needs a range, and two values for Mermaid to draw a line
    double to = n > 1 && minutes[n - 1] > from ? minutes[n - 1] : from + 1;
    int drawn = Math.max(2, n);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < drawn; i++) {
      double at = from + (to - from) * i / (drawn - 1);
      if (i > 0) {
        line.append(','); // Mermaid reads the list; a space after each comma is only bytes
      }
      line.append(number(interpolate(minutes, values, at)));
    }
    return "xychart-beta\n"
        + "  title \""
        + quoted(title)
        + "\"\n"
        + "  x-axis \"minutes\" "
        + minute(from)
        + " --> "
        + minute(to)
        + "\n"
        + "  y-axis \""
        + quoted(yLabel)
        + "\" 0 --> "
        + number(niceCeiling(max))
        + "\n"
        + "  line ["
        + line
        + "]\n";
  }

  /** The value at {@code at} on the polyline through the points (clamped at both ends). */
  static double interpolate(double[] x, double[] y, double at) {
    if (at <= x[0]) {
      return y[0];
    }
    for (int i = 1; i < x.length; i++) {
      if (at <= x[i]) {
        double span = x[i] - x[i - 1];
        return span <= 0 ? y[i] : y[i - 1] + (y[i] - y[i - 1]) * (at - x[i - 1]) / span;
      }
    }
    return y[y.length - 1];
  }

  /** A minute on the axis: two decimals, so a 90-second run still has a range (0 --> 1.49). */
  static String minute(double value) {
    String s = String.format(Locale.ROOT, "%.2f", value);
    return s.equals("-0.00") ? "0.00" : s;
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
