package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.BaselineRepo.Release;
import dev.stagegate.junit.fixtures.BaselineBrokenGate;
import dev.stagegate.junit.fixtures.BaselineLeakyGate;
import dev.stagegate.junit.fixtures.BaselineSlowerGate;
import dev.stagegate.junit.fixtures.BaselineUnchangedGate;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @BurnIn(baseline = "previous")} on a real engine: the release (HEAD of a throwaway
 * repository) and its baseline (tag v1.0.0, exported with JGit) run side by side under 20
 * requests/s for a shortened 30 s burn-in each, and are compared.
 */
class BaselineGateIT {
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

  private MetricComparison comparison(BaselineEvidence b, String metric) {
    return b.comparisons().stream()
        .filter(
            c ->
                c.metric().equals(metric) && c.service().startsWith("GET api")
                    || c.metric().equals(metric) && c.service().equals("api"))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + metric + " comparison in " + b.comparisons()));
  }

  @Test
  void anUnchangedReleasePassesAgainstItsBaselineSideBySide() throws Exception {
    BaselineRepo.create(Release.UNCHANGED);

    Events events = GateKit.run(BaselineUnchangedGate.class, reports, SHORT);

    assertThat(GateKit.failures(events)).extracting(Throwable::getMessage).isEmpty();
    GateResult gate = onlyGate();
    BaselineEvidence b = gate.burnIn().baseline();
    assertThat(b.verdict())
        .isEqualTo("no regression vs v1.0.0 (" + b.label().substring(8, 15) + ")");
    assertThat(b.mode()).startsWith("side by side");
    assertThat(b.baselineRun().burnIn().endedBecause()).isEqualTo("completed");
    assertThat(b.comparisons())
        .extracting(MetricComparison::metric)
        .contains("p95 latency", "error rate", "memory", "CPU");
    assertThat(gate.burnIn().loads())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.achievedRate()).isBetween(19.0, 21.0);
              assertThat(l.errors()).isZero();
              assertThat(l.latencyVerdict()).as(l.latencyEvidence()).isEqualTo("stable");
            });
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .contains("### Load")
        .contains(
            "| Interval | Minutes | Sent | Rate/s | Errors | p50 ms | p95 ms | p99 ms | max ms |")
        .contains("→ this gate's `burnIn.loads[0].intervals`")
        .contains("api latency p50, p95, p99, then baseline p95")
        .contains("### Baseline comparison")
        .contains("Release and baseline side by side")
        .contains("memory, release then baseline");
  }

  @Test
  void aReleaseFiftyMillisecondsSlowerFailsAgainstItsBaseline() throws Exception {
    BaselineRepo.create(Release.SLOWER);

    Throwable t = GateKit.onlyFailure(GateKit.run(BaselineSlowerGate.class, reports, SHORT));

    assertThat(t).isInstanceOf(GateFailedError.class);
    assertThat(t.getMessage()).contains("Regression against the baseline v1.0.0");
    BaselineEvidence b = onlyGate().burnIn().baseline();
    assertThat(b.verdict()).startsWith("regression: GET api:8000/api/v1/agents/list p95 latency +");
    MetricComparison latency = comparison(b, "p95 latency");
    assertThat(latency.outcome()).isEqualTo(MetricComparison.Outcome.REGRESSION);
    assertThat(latency.release() - latency.baseline()).as(latency.evidence()).isGreaterThan(30);
  }

  @Test
  void aReleaseWhoseMemoryGrowsPerRequestFailsAgainstItsBaseline() throws Exception {
    BaselineRepo.create(Release.LEAKY);

    Throwable t = GateKit.onlyFailure(GateKit.run(BaselineLeakyGate.class, reports, SHORT));

    assertThat(t).isInstanceOf(GateFailedError.class);
    BaselineEvidence b = onlyGate().burnIn().baseline();
    MetricComparison memory = comparison(b, "memory");
    assertThat(memory.outcome())
        .as(memory.evidence())
        .isEqualTo(MetricComparison.Outcome.REGRESSION);
    assertThat(b.verdict()).contains("api memory +");
  }

  @Test
  void aBaselineThatCannotStartIsInconclusiveNeverPass() throws Exception {
    BaselineRepo.create(Release.BASELINE_BROKEN);

    Throwable t = GateKit.onlyFailure(GateKit.run(BaselineBrokenGate.class, reports, SHORT));

    GateResult gate = onlyGate();
    assertThat(gate.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(gate.burnIn().baseline().verdict())
        .startsWith("inconclusive: The baseline v1.0.0")
        .contains("did not run its burn-in through (FAIL");
    assertThat(t.getMessage()).contains("The baseline v1.0.0");
  }
}
