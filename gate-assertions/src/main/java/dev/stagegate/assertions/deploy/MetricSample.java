package dev.stagegate.assertions.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One sample of a Prometheus text exposition: {@code http_requests_total{code="200"} 1027
 * 1395066363000}.
 *
 * <pre>{@code
 * MetricSample s = PrometheusText.parse("up{job=\"api\"} 1\n").get(0);
 * s.series();   // up{job="api"}
 * s.value();    // 1.0
 * }</pre>
 *
 * @param labels label names to values, unescaped, in the order of the exposition
 * @param value may be {@code NaN} or infinite
 * @param timestampMillis the optional timestamp, in milliseconds since the epoch
 */
public record MetricSample(
    String name, Map<String, String> labels, double value, OptionalLong timestampMillis) {
  public MetricSample {
    Objects.requireNonNull(name, "name");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    Objects.requireNonNull(timestampMillis, "timestampMillis");
  }

  /** The series as Prometheus writes it, e.g. {@code up{job="api",instance="a"}}. */
  public String series() {
    return series(name, labels);
  }

  /** Whether this sample's labels include every one of {@code matchers} with an equal value. */
  public boolean hasLabels(Map<String, String> matchers) {
    return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
  }

  static String series(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder out = new StringBuilder(name).append('{');
    labels.forEach(
        (k, v) ->
            out.append(k)
                .append("=\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append("\","));
    out.setLength(out.length() - 1);
    return out.append('}').toString();
  }

  /** A value as Prometheus writes it: {@code 0}, {@code 0.25}, {@code NaN}, {@code +Inf}. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
