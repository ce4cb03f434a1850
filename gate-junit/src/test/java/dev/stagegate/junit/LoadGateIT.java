package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.LoadCreepGate;
import dev.stagegate.junit.fixtures.LoadErrorsGate;
import dev.stagegate.junit.fixtures.LoadSteadyGate;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.load.LoadEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @Load} during burn-ins on a real engine, shortened as CI runs them: 30 s of load in 2 s
 * intervals (15 points; a trend needs a dozen to tell a ramp from a late step).
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
  void aSteadyServiceUnderLoadPassesWithItsLatencyTableAndChart() throws IOException {
    Events events = GateKit.run(LoadSteadyGate.class, reports, SHORT);

    assertThat(GateKit.failures(events)).extracting(Throwable::getMessage).isEmpty();
    GateResult gate = onlyGate();
    assertThat(gate.burnIn().loads()).hasSize(1);
    LoadEvidence api = gate.burnIn().loads().get(0);
    assertThat(api.target()).isEqualTo("GET api:8000/api/v1/agents/list");
    assertThat(api.achievedRate()).isBetween(19.0, 21.0);
    assertThat(api.sent()).isBetween(580L, 620L);
    assertThat(api.errors()).isZero();
    assertThat(api.latencyVerdict()).as(api.latencyEvidence()).isEqualTo("stable");
    assertThat(api.intervals()).hasSizeBetween(15, 16);
    String md = Files.readString(reports.resolve("stability_audit.md"));
    assertThat(md)
        .contains("### Load")
        .contains("#### GET api:8000/api/v1/agents/list")
        .contains("| Minutes | Sent | Rate/s | Errors | p50 ms | p95 ms | p99 ms | max ms |")
        .contains("api latency p50, p95, p99 (ms)");
  }

  @Test
  void anEndpointThatFailsUnderLoadFailsTheGateWithTheErrorKinds() throws IOException {
    Throwable t = GateKit.onlyFailure(GateKit.run(LoadErrorsGate.class, reports, SHORT));

    assertThat(t).isInstanceOf(GateFailedError.class);
    assertThat(t.getMessage())
        .contains(
            "Expecting at most 1.00 % of GET api:8000/api/v1/agents/missing to fail under load but"
                + " 100.00 % did")
        .contains("status 404 × ")
        .doesNotContain("of GET api:8000/api/v1/agents/list to fail");
    assertThat(onlyGate().burnIn().loads())
        .extracting(LoadEvidence::errors)
        .satisfiesExactly(ok -> assertThat(ok).isZero(), bad -> assertThat(bad).isPositive());
  }

  @Test
  void latencyThatCreepsFailsTheGateAndSoDoesItsP99() throws IOException {
    Throwable t = GateKit.onlyFailure(GateKit.run(LoadCreepGate.class, reports, SHORT));

    assertThat(t).isInstanceOf(GateFailedError.class);
    LoadEvidence api = onlyGate().burnIn().loads().get(0);
    assertThat(api.latencyVerdict()).as(api.latencyEvidence()).isEqualTo("creep");
    assertThat(t.getMessage())
        .contains(
            "Expecting latency of GET api:8000/api/v1/agents/list to show no upward trend under"
                + " load but it crept")
        .contains("Expecting p99 latency of GET api:8000/api/v1/agents/list to be at most 50.0 ms");
  }
}
