package dev.stagegate.junit.gate;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceSeries;
import dev.stagegate.report.ServiceTrend;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chart data of a gate: a burn-in's memory and CPU histories per service. */
final class BurnInCharts {
  private BurnInCharts() {}

  static Map<String, ServiceSeries> series(GateResult gate) {
    Map<String, ServiceSeries> series = new LinkedHashMap<>();
    if (gate.burnIn() != null) {
      for (ServiceTrend t : gate.burnIn().trends()) {
        series.put(t.service(), new ServiceSeries(t.memory(), t.cpu()));
      }
    }
    return series;
  }
}
