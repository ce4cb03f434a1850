package dev.stagegate.assertions.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format (version 0.0.4), what {@code /metrics} endpoints
 * serve.
 *
 * <pre>{@code
 * List<MetricSample> samples = PrometheusText.parse("""
 *     # HELP system_state_status 0 when the system is consistent.
 *     # TYPE system_state_status gauge
 *     system_state_status 0
 *     http_requests_total{method="post",path="/say \\"hi\\""} 1.5e3 1395066363000
 *     """);
 * }</pre>
 *
 * <p>Lines starting with {@code #} ({@code # HELP}, {@code # TYPE}, other comments) and blank lines
 * carry no samples. A sample line is a metric name, optional labels in braces (values in double
 * quotes with {@code \\}, {@code \"} and {@code \n} escapes; a trailing comma is allowed), a value
 * ({@code 1}, {@code -0.5}, {@code 1.5e-3}, {@code NaN}, {@code +Inf}, {@code -Inf}) and an
 * optional integer timestamp in milliseconds. An OpenMetrics exemplar after a {@code #} at the end
 * of the line is ignored. Anything else is an error naming the line, rather than a sample silently
 * skipped, since a skipped sample reads later as "metric not found".
 */
public final class PrometheusText {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("[+-]?[0-9]+");

  private PrometheusText() {}

  /**
   * All samples of {@code text}, in order.
   *
   * @throws IllegalArgumentException naming the line number and what is wrong, for a line that is
   *     neither a comment nor a sample
   */
  public static List<MetricSample> parse(String text) {
    List<MetricSample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      samples.add(new LineParser(line, i + 1).sample());
    }
    return samples;
  }

  /**
   * A series without value, {@code up} or {@code up{job="api"}}, parsed by the sample grammar so
   * quoting and escapes work exactly as in the metrics.
   */
  static MetricSelector selector(String text) {
    return new LineParser(text, 1).selector();
  }

  /** A cursor over one sample line; the errors quote the line and say where it went wrong. */
  private static final class LineParser {
    private final String line;
    private final int number;
    private int at;

    LineParser(String line, int number) {
      this.line = line;
      this.number = number;
    }

    MetricSelector selector() {
      blanks();
      String name = name(true);
      blanks();
      Map<String, String> labels = peek() == '{' ? labels() : Map.of();
      blanks();
      if (!atEnd()) {
        throw error("unexpected \"" + line.substring(at).strip() + "\" after the series");
      }
      return new MetricSelector(name, labels);
    }

    MetricSample sample() {
      blanks();
      String name = name(true);
      blanks();
      Map<String, String> labels = peek() == '{' ? labels() : Map.of();
      blanks();
      String valueToken = token();
      if (valueToken.isEmpty()) {
        throw error("expected a value after " + MetricSample.series(name, labels));
      }
      double value = value(valueToken);
      blanks();
      OptionalLong timestamp = OptionalLong.empty();
      if (!atEnd() && peek() != '#') {
        String ts = token();
        if (!TIMESTAMP.matcher(ts).matches()) {
          throw error("expected an integer timestamp in milliseconds but found \"" + ts + "\"");
        }
        try {
          timestamp = OptionalLong.of(Long.parseLong(ts));
        } catch (NumberFormatException e) {
          throw error("timestamp " + ts + " is out of range");
        }
        blanks();
      }
      if (!atEnd() && peek() != '#') {
        throw error("unexpected \"" + line.substring(at).strip() + "\" after the sample");
      }
      return new MetricSample(name, labels, value, timestamp);
    }

    private Map<String, String> labels() {
      at++; // {
      Map<String, String> labels = new LinkedHashMap<>();
      while (true) {
        blanks();
        if (peek() == '}') {
          at++;
          return labels;
        }
        String label = name(false);
        blanks();
        expect('=', "after label name \"" + label + "\"");
        blanks();
        expect('"', "to open the value of label \"" + label + "\"");
        String value = quoted(label);
        if (labels.putIfAbsent(label, value) != null) {
          throw error("label \"" + label + "\" appears twice");
        }
        blanks();
        if (peek() == ',') {
          at++;
        } else if (peek() != '}') {
          throw error("expected ',' or '}' after the value of label \"" + label + "\"" + found());
        }
      }
    }

    private String quoted(String label) {
      StringBuilder value = new StringBuilder();
      while (!atEnd()) {
        char c = line.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (atEnd()) {
          break;
        }
        char escaped = line.charAt(at++);
        switch (escaped) {
          case '\\', '"' -> value.append(escaped);
          case 'n' -> value.append('\n');
          default ->
              throw error(
                  "invalid escape \\" + escaped + " in the value of label \"" + label + "\"");
        }
      }
      throw error("the value of label \"" + label + "\" is not closed by a double quote");
    }

    /** A metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) or a label name (the same without colons). */
    private String name(boolean metric) {
      int start = at;
      while (!atEnd()) {
        char c = line.charAt(at);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        boolean allowed = letter || (metric && c == ':') || (at > start && c >= '0' && c <= '9');
        if (!allowed) {
          break;
        }
        at++;
      }
      if (at == start) {
        throw error("expected a " + (metric ? "metric" : "label") + " name" + found());
      }
      return line.substring(start, at);
    }

    private double value(String token) {
      return switch (token.toLowerCase(Locale.ROOT)) {
        case "nan" -> Double.NaN;
        case "+inf", "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> {
          // Double.parseDouble alone would also take "1d", "0x1p3" and "Infinity".
          if (!NUMBER.matcher(token).matches()) {
            throw error("\"" + token + "\" is not a number");
          }
          yield Double.parseDouble(token);
        }
      };
    }

    private String token() {
      int start = at;
      while (!atEnd() && line.charAt(at) != ' ' && line.charAt(at) != '\t') {
        at++;
      }
      return line.substring(start, at);
    }

    private void expect(char c, String why) {
      if (peek() != c) {
        throw error("expected '" + c + "' " + why + found());
      }
      at++;
    }

    private void blanks() {
      while (!atEnd() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
        at++;
      }
    }

    private char peek() {
      return atEnd() ? '\0' : line.charAt(at);
    }

    private boolean atEnd() {
      return at >= line.length();
    }

    private String found() {
      return atEnd() ? " but the line ends" : " but found '" + line.charAt(at) + "'";
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "line "
              + number
              + ": "
              + what
              + " (column "
              + (at + 1)
              + " of: "
              + Texts.quote(line)
              + ")");
    }
  }
}
