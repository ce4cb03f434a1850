package dev.stagegate.assertions.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which series an expectation of a {@link MetricHook} is about: a metric name and exact label
 * matchers, written as Prometheus writes a series, {@code up{job="api"}}.
 */
record MetricSelector(String name, Map<String, String> labels) {
  MetricSelector {
    // Kept in the order written, so messages echo the selector as the user wrote it.
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** Parses {@code up} or {@code up{job="api"}}. */
  static MetricSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      throw new IllegalArgumentException(
          "metric selector must be a name with optional labels, e.g. up{job=\"api\"}, but was "
              + (selector == null ? "null" : "\"" + selector + "\""));
    }
    try {
      return PrometheusText.selector(selector);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "metric selector \""
              + selector
              + "\" is not a name with optional labels like up{job=\"api\"}: "
              + e.getMessage().replaceFirst("^line 1: ", ""),
          e);
    }
  }

  boolean matches(MetricSample sample) {
    return sample.name().equals(name) && sample.hasLabels(labels);
  }

  @Override
  public String toString() {
    return MetricSample.series(name, labels);
  }
}
