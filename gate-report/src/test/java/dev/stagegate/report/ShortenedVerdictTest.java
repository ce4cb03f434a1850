package dev.stagegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.ci.StepSummary;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burn-in shorter than requested is PASS_SHORTENED everywhere a verdict is shown: the audit's
 * headline, its gates, the JSON twin and the CI step summary, each with the legend; the audit's
 * verdict is never PASS while one gate is PASS_SHORTENED.
 */
class ShortenedVerdictTest {
  private final AuditReport report =
      new AuditReport(
          AuditReport.SCHEMA_VERSION,
          AuditFixtures.T0,
          List.of(AuditFixtures.passingGate(), AuditFixtures.shortenedBurnIn()));

  @Test
  void oneShortenedGateMakesTheAuditPassShortened() {
    assertThat(report.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    assertThat(Verdict.PASS.worst(Verdict.PASS_SHORTENED)).isEqualTo(Verdict.PASS_SHORTENED);
    assertThat(Verdict.PASS_SHORTENED.worst(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.PASS_SHORTENED.nothingFailed()).isTrue();
    assertThat(Verdict.INCONCLUSIVE.nothingFailed()).isFalse();
  }

  @Test
  void theMarkdownHeadlineSaysPassShortenedWithTheReasonAndTheLegend() {
    String md = AuditMarkdown.standard().render(report);
    assertThat(md)
        .contains("**Verdict: PASS_SHORTENED**")
        .contains(
            "- `shop.ShopGateTest#burnIn`: PASS_SHORTENED (1.5 min of 4 h requested): Watched 1.5"
                + " min of the 4 h requested: nothing failed in that time")
        .contains("approvable only with a recorded reason (`ApprovalCli approve --accept REASON`)")
        .contains(
            "Verdicts: PASS: every check passed on a run of the full requested length ·"
                + " PASS_SHORTENED: nothing failed in the time watched, but it watched less than"
                + " requested.\n")
        // the legend explains the verdicts this audit shows, not the others
        .doesNotContain("INCONCLUSIVE:")
        .contains("### Why not PASS")
        .doesNotContain("gates passed");
    assertThat(md).startsWith("# Stability audit\n\n**Verdict: PASS_SHORTENED**\n");
  }

  @Test
  void theTrendsOfAShortWindowSayNotJudgedWithTheReason() {
    String md = AuditMarkdown.standard().render(report);
    assertThat(md)
        // no trend judged: one line with the window and the minimum span, not a table of dashes
        .contains(
            "- `api` (1.5 min): memory and CPU not judged, each window shorter than the 5 min of"
                + " `stagegate.trend.min-span`; no slope")
        .doesNotContain("| Memory slope |");
  }

  @Test
  void theJsonTwinSaysPassShortened() {
    String json = AuditJson.write(report);
    assertThat(json)
        .contains("\"schemaVersion\": 2")
        .contains("\"verdict\": \"PASS_SHORTENED\"")
        .contains("\"memoryVerdict\": \"not-judged\"");
    assertThat(AuditJson.readReport(json, "x.json").verdict()).isEqualTo(Verdict.PASS_SHORTENED);
  }

  @Test
  void theStepSummarySaysPassShortenedWithTheLegend() {
    String md = new StepSummary().render(report, Path.of("stability_audit.md"));
    assertThat(md)
        .startsWith("## Stagegate stability audit: PASS_SHORTENED\n")
        .contains("(1 PASS, 1 PASS_SHORTENED)")
        .contains("| **PASS_SHORTENED (1.5 min of 4 h requested)** |")
        .contains("Verdicts: PASS: every check passed");
  }

  @Test
  void aSchemaOneAuditWithAShortenedPassIsReadAsPassShortened() {
    // what version 1 wrote for a 90 s burn-in of 4 h: PASS, slopes in MB
    String v1 =
        AuditJson.write(report)
            .replace("\"schemaVersion\": 2", "\"schemaVersion\": 1")
            .replace("\"verdict\": \"PASS_SHORTENED\"", "\"verdict\": \"PASS\"")
            .replaceAll("\"failures\": \\[\\s*\"Watched 1.5 min[^\"]*\"\\s*\\]", "\"failures\": []")
            .replace("\"memoryVerdict\": \"not-judged\"", "\"memoryVerdict\": \"stable\"")
            .replace("\"cpuVerdict\": \"not-judged\"", "\"cpuVerdict\": \"stable\"")
            .replace("\"memorySlopeMibPerHour\": 0.0", "\"memorySlopeMbPerHour\": 3.78")
            .replaceAll("\\s*\"memoryBaselineMib\": 0.0,", "")
            .replaceAll("\\s*\"significance\": 0.01,", "")
            .replaceAll("\\s*\"window\": \"PT1M30S\",", "")
            .replaceAll("\\s*\"minimumSpan\": \"PT5M\",", "");
    assertThat(v1).doesNotContain("PASS_SHORTENED").contains("\"memorySlopeMbPerHour\": 3.78");

    AuditReport read = AuditJson.readReport(v1, "old.json");
    assertThat(read.schemaVersion()).isEqualTo(2);
    assertThat(read.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    GateResult burnIn = read.gates().get(1);
    assertThat(burnIn.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    assertThat(burnIn.failures()).singleElement().asString().startsWith("Watched 1.5 min");
    ServiceTrend trend = burnIn.burnIn().trends().get(0);
    assertThat(trend.memorySlopeMibPerHour())
        .isCloseTo(3.605, org.assertj.core.data.Offset.offset(0.001));
    assertThat(trend.window()).isNull();
    assertThat(trend.memorySlopeShown()).isEqualTo("+3.60 MiB/h");
  }
}
