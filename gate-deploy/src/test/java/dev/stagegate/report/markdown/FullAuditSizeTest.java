package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The example's full audit, all four gates (smoke, burn-in, load against the previous release,
 * rollback drill) as gate-junit writes it in CI, kept images and the drill's proven command and
 * charts included, stays within 25 KB while its first screen still decides and the JSON twin keeps
 * every interval, bucket and log line the Markdown leaves out. The rendered file is left in {@code
 * target/} for {@code scripts/check-mermaid-charts.sh}.
 */
class FullAuditSizeTest {
  /** Issue 12, item 9: the example's full audit is at most 25 KB. */
  static final int LIMIT_BYTES = 25_000;

  private static final AuditMarkdown AS_WRITTEN =
      AuditMarkdown.standard()
          .withChecklists(DeployFacts.none())
          .withGateSection(new ChartsSection(ExampleAudit::series));

  /**
   * Shaped as the CI run's audit: every building gate keeps its images, the drill proves its
   * command ({@link ExampleAudit#asInCi()}); the real one is measured by {@link
   * SampleTwinSizeTest}.
   */
  private final AuditReport report =
      new ExampleAudit(5, 100, 40).withLoadAndBaseline().asInCi().report();

  @Test
  void theFourGateAuditIsAtMostTwentyFiveKilobytes() throws IOException {
    String md = AS_WRITTEN.render(report);
    int bytes = md.getBytes(StandardCharsets.UTF_8).length;
    Path out = Path.of("target", "full-example-audit.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "full four-gate example audit: %,d bytes (%s)%n", bytes, out);

    assertThat(md).contains("## Gate: " + ExampleAudit.LOAD).contains("### Baseline comparison");
    assertThat(bytes).as("bytes of the four-gate audit").isLessThanOrEqualTo(LIMIT_BYTES);
  }

  @Test
  void theFirstScreenStillDecidesWithTheLoadGate() {
    String top = String.join("\n", AS_WRITTEN.render(report).lines().limit(40).toList());

    assertThat(top)
        .contains("**Verdict: PASS_SHORTENED**")
        .contains("## What is approved")
        .contains("commit `" + ExampleAudit.COMMIT + "`")
        .contains("Burn-in `StagingBurnInIT#survivesTheBurnIn`: requested 4 h, watched 1m 30s")
        .contains(
            "Burn-in `StagingLoadIT#noWorseThanThePreviousRelease`: requested 4 h, watched 1m 30s")
        .contains("Risk: **HIGH**")
        .containsPattern("Checklists: \\d+ done · \\d+ failed · \\d+ manual · \\d+ accepted");
  }

  @Test
  void whatTheMarkdownLeavesOutIsInTheJsonTwinAndTheMarkdownSaysWhere() {
    String md = AS_WRITTEN.render(report);
    AuditReport back = AuditJson.readReport(AuditJson.write(report), "twin");
    var load = back.gates().get(2).burnIn().loads().get(0);

    assertThat(load.intervals()).hasSize(18);
    assertThat(md)
        .contains(
            "Intervals: 18 of 5 s, the ends and the worst below; all 18 in `stability_audit.json`"
                + " → this gate's `burnIn.loads[0].intervals`.");
    assertThat(back.gates().get(2).burnIn().baseline().baselineRun().burnIn().trends())
        .allSatisfy(t -> assertThat(t.memory()).hasSize(88));
  }
}
