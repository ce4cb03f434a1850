package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.LoadCreepGate;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.load.LoadEvidence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Load} during a burn-in on a real engine, shortened as CI runs it: 30 s of load in 2 s
 * intervals (15 points; a trend needs a dozen to tell a ramp from a late step). One run covers the
 * three ways load fails a gate; a steady stack under load passing, with its table and chart, is
 * {@code BaselineGateIT}'s unchanged release and the example's {@code StagingLoadIT}.
 */
class LoadGateIT {
  private static final Map<String, String> SHORT =
      Map.of(
          "stagegate.burnin.duration", "PT30S",
          "stagegate.trend.min-span", "PT20S",
          "stagegate.load.interval", "PT2S",
          "stagegate.progress.interval", "PT10S");

  @TempDir Path reports;

  @AfterEach
  void nothingOfOursIsLeft() {
    OwnLeftovers.assertNone();
  }

  private GateResult onlyGate() throws IOException {
    AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
    assertThat(audit.gates()).hasSize(1);
    return audit.gates().get(0);
  }

  @Test
  void creepingLatencyItsP99AndAFailingEndpointEachFailTheGate() throws IOException {
    Throwable t = GateKit.onlyFailure(GateKit.run(LoadCreepGate.class, reports, SHORT));

    assertThat(t).isInstanceOf(GateFailedError.class);
    List<LoadEvidence> loads = onlyGate().burnIn().loads();
    assertThat(loads).hasSize(2);
    LoadEvidence list = loads.get(0);
    assertThat(list.latencyVerdict()).as(list.latencyEvidence()).isEqualTo("creep");
    assertThat(list.errors()).isZero();
    assertThat(list.achievedRate()).isBetween(9.5, 10.5);
    assertThat(list.intervals()).hasSize(15);
    assertThat(loads.get(1).errors()).isEqualTo(loads.get(1).completed()).isPositive();
    assertThat(t.getMessage())
        .contains(
            "Expecting latency of GET api:8000/api/v1/agents/list to show no upward trend under"
                + " load but it crept")
        .contains("Expecting p99 latency of GET api:8000/api/v1/agents/list to be at most 50.0 ms")
        .contains(
            "Expecting at most 1.00 % of GET api:8000/api/v1/agents/missing to fail under load but"
                + " 100.00 % did")
        .contains("status 404 × ")
        .doesNotContain("of GET api:8000/api/v1/agents/list to fail");
  }
}
