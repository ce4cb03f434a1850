package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadSectionTest {
  private static LoadEvidence load(int minutes) {
    List<LoadInterval> intervals = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      intervals.add(
          new LoadInterval(m * 60, m * 60 + 60, 1200, 1200, m == 2 ? 3 : 0, 4.2, 9.5, 21.25, 80));
    }
    return new LoadEvidence(
        "api",
        "GET api:8000/api/v1/agents/list?token=s3cr3t-Tok3n-9f8e7d6c",
        20,
        20.0,
        1200L * minutes,
        1200L * minutes,
        3,
        Map.of("status 500", 3L),
        4.2,
        9.5,
        21.3,
        80,
        0.01,
        500,
        "stable",
        "Latency of \"GET api:8000/api/v1/agents/list\" shows no significant upward trend.",
        intervals);
  }

  private static GateResult gateWith(LoadEvidence load) {
    GateResult g = AuditFixtures.passingGate();
    BurnInEvidence burnIn =
        new BurnInEvidence(
                Duration.ofHours(4),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                AuditFixtures.T0,
                "completed",
                List.of(),
                0,
                List.of())
            .withLoads(List.of(load));
    return g.toBuilder()
        .kind(GateKind.BURN_IN)
        .verdict(Verdict.PASS)
        .failures(List.of())
        .burnIn(burnIn)
        .build();
  }

  @Test
  void theAuditShowsTheRatesErrorsLatencyTableAndChart() {
    AuditReport report = AuditReport.of(List.of(gateWith(load(5))));

    String md = AuditMarkdown.standard().render(report);

    assertThat(md)
        .contains("### Load")
        .contains("Rate: 20.00 requests/s achieved of 20.0 requested; 6000 sent, 6000 completed")
        .contains("Errors: 3 (0.05 %, limit 1.00 %): status 500 × 3")
        .contains("p99 21.3 ms, max 80.0 ms (p99 ceiling 500.0 ms)")
        .contains("Latency trend: **stable**")
        .contains("| 2.0–3.0 | 1200 | 20.00 | 3 (0.25 %) | 4.2 | 9.5 | 21.3 | 80.0 |")
        .contains("  title \"api latency p50, p95, p99\"")
        .contains("  y-axis \"ms\" 0 --> ")
        .contains("  line [4.2,4.2,4.2,4.2,4.2]")
        .contains("  line [21.3,21.3,21.3,21.3,21.3]");
  }

  @Test
  void aLongRunShowsTheFirstWorstAndLastIntervalsAndPointsToTheJsonTwinForAll() {
    LoadEvidence l = load(240);
    List<LoadInterval> intervals = new ArrayList<>(l.intervals());
    intervals.set(100, new LoadInterval(6000, 6060, 1200, 1200, 0, 5.0, 40.0, 950.5, 1200));
    String md =
        AuditMarkdown.standard()
            .render(AuditReport.of(List.of(gateWith(withIntervals(l, intervals)))));

    assertThat(md)
        .contains(
            "Intervals: 240 of 60 s, the ends and the worst below; all 240 in"
                + " `stability_audit.json` → this gate's `burnIn.loads[0].intervals`.")
        .contains("| first | 0.0–1.0 | 1200 |")
        .contains("| most errors | 2.0–3.0 | 1200 | 20.00 | 3 (0.25 %) |")
        .contains("| highest p99 | 100.0–101.0 | 1200 | 20.00 | 0 (0.00 %) | 5.0 | 40.0 | 950.5 |")
        .contains("| last | 239.0–240.0 |");
    assertThat(md.lines().filter(line -> line.startsWith("| ") && line.contains(" | 1200 | ")))
        .hasSize(4);
    String chart = md.substring(md.indexOf("```mermaid"));
    assertThat(chart.lines().filter(line -> line.startsWith("  line [")))
        .hasSize(3)
        .allSatisfy(line -> assertThat(line.split(",")).hasSize(LoadSection.MAX_POINTS));
    assertThat(chart).contains("950.5"); // a merged point keeps the spike
  }

  @Test
  void aShortRunWithoutErrorsNamesAnIntervalPickedTwiceOnce() {
    String md = AuditMarkdown.standard().render(AuditReport.of(List.of(gateWith(clean(2)))));

    assertThat(md)
        .contains("| first, highest p99 | 0.0–1.0 |")
        .contains("| last | 1.0–2.0 |")
        .doesNotContain("| most errors |");
  }

  private static LoadEvidence clean(int minutes) {
    List<LoadInterval> intervals = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      intervals.add(new LoadInterval(m * 60, m * 60 + 60, 1200, 1200, 0, 4.2, 9.5, 21.25, 80));
    }
    return withIntervals(load(minutes), intervals);
  }

  static LoadEvidence withIntervals(LoadEvidence l, List<LoadInterval> intervals) {
    return new LoadEvidence(
        l.service(),
        l.target(),
        l.requestedRate(),
        l.achievedRate(),
        l.sent(),
        l.completed(),
        l.errors(),
        l.errorKinds(),
        l.p50Ms(),
        l.p95Ms(),
        l.p99Ms(),
        l.maxMs(),
        l.maxErrorRate(),
        l.p99CeilingMs(),
        l.latencyVerdict(),
        l.latencyEvidence(),
        intervals);
  }

  @Test
  void theLoadSurvivesJsonAndItsTargetIsRedacted() throws Exception {
    GateResult gate = gateWith(load(3));
    GateResult redacted =
        ReportRedaction.redact(
            gate, Redactor.defaults().withSecretValues(List.of("s3cr3t-Tok3n-9f8e7d6c")));
    String json = AuditJson.write(AuditReport.of(List.of(redacted)));
    AuditReport back = AuditJson.readReport(json, "test");

    LoadEvidence l = back.gates().get(0).burnIn().loads().get(0);
    assertThat(l.target())
        .doesNotContain("s3cr3t-Tok3n-9f8e7d6c")
        .contains("/api/v1/agents/list?token=");
    assertThat(l.intervals()).hasSize(3);
    assertThat(l.errorKinds()).containsEntry("status 500", 3L);
  }
}
