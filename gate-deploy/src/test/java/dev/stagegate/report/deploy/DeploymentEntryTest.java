package dev.stagegate.report.deploy;

import static dev.stagegate.report.deploy.DeploymentEntries.AUDIT;
import static dev.stagegate.report.deploy.DeploymentEntries.HEAD;
import static dev.stagegate.report.deploy.DeploymentEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentEntryTest {
  static final Instant WHEN = Instant.parse("2024-05-01T12:34:56.789Z");

  static DeploymentEntry read(DeploymentEntry e) throws Exception {
    return DeployJson.MAPPER.readValue(DeploymentLog.line(e), DeploymentEntry.class);
  }

  @Test
  void jsonRoundTripOnOneLine() throws Exception {
    DeploymentEntry e = entry(WHEN, Outcome.ROLLED_BACK, "rolled back:\n\"smoke\" timed out");
    String line = new String(DeploymentLog.line(e), StandardCharsets.UTF_8);
    assertThat(line).endsWith("}\n").containsOnlyOnce("\n");
    assertThat(read(e)).isEqualTo(e);
    DeploymentEntry bare =
        new DeploymentEntry(
            WHEN, "1", "5d6e7f8", "dev", "bob", Outcome.FAILED, Duration.ZERO, List.of(), null, "");
    assertThat(read(bare)).isEqualTo(bare);
  }

  @Test
  void jsonUsesSnakeCaseAndIsoValues() {
    String line =
        new String(DeploymentLog.line(entry(WHEN, Outcome.SUCCESS, "")), StandardCharsets.UTF_8);
    assertThat(line)
        .startsWith(
            "{\"when\":\"2024-05-01T12:34:56.789Z\",\"version\":\"1.2.3\",\"commit\":\""
                + HEAD
                + "\",\"environment\":\"production\",\"deployed_by\":\"alice\",\"outcome\":\"SUCCESS\","
                + "\"duration\":\"PT1M24.25S\",\"hooks\":[{\"name\":\"health /ready\",\"status\":"
                + "\"PASS\",\"took\":\"PT0.42S\",\"detail\":\"\"},")
        .endsWith("\"audit_sha256\":\"" + AUDIT + "\",\"note\":\"\"}\n");
  }

  @Test
  void seedTextBlock() {
    assertThat(entry(WHEN, Outcome.SUCCESS, "").toSeedText())
        .isEqualTo(
            """
            [2024-05-01 12:34:56] DEPLOYMENT
            Version: 1.2.3
            Commit: 5d6e7f8
            Environment: production
            Deployed by: alice
            Status: SUCCESS
            Health check: PASSED
            Rollback: N/A
            """);
    assertThat(entry(WHEN, Outcome.ROLLED_BACK, "").toSeedText())
        .endsWith("Status: FAILED\nHealth check: FAILED\nRollback: ROLLED_BACK\n");
    assertThat(entry(WHEN, Outcome.FAILED, "").toSeedText())
        .endsWith("Status: FAILED\nHealth check: FAILED\nRollback: N/A\n");
  }

  @Test
  void seedTimeIsUtcWhateverTheDefaultZone() {
    Instant lateUtc = Instant.parse("2024-12-31T23:30:00+00:00");
    assertThat(entry(lateUtc, Outcome.SUCCESS, "").toSeedText())
        .startsWith("[2024-12-31 23:30:00] DEPLOYMENT\n");
  }

  @Test
  void seedTextValuesCannotAddLines() {
    DeploymentEntry forged =
        new DeploymentEntry(
            WHEN,
            "1.2.3\nStatus: SUCCESS",
            HEAD,
            "production",
            "mallory\r\nRollback: N/A",
            Outcome.FAILED,
            Duration.ZERO,
            List.of(),
            null,
            "");
    assertThat(forged.toSeedText().lines())
        .hasSize(8)
        .filteredOn(l -> l.startsWith("Status:"))
        .containsExactly("Status: FAILED");
  }

  @Test
  void invalidFieldsAreNamed() {
    assertThatThrownBy(
            () ->
                new DeploymentEntry(
                    WHEN,
                    "1",
                    "main",
                    "p",
                    "a",
                    Outcome.SUCCESS,
                    Duration.ZERO,
                    List.of(),
                    null,
                    ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commit");
    assertThatThrownBy(
            () ->
                new DeploymentEntry(
                    WHEN,
                    "1",
                    HEAD,
                    "p",
                    "a",
                    Outcome.SUCCESS,
                    Duration.ZERO,
                    List.of(),
                    "abc",
                    ""))
        .hasMessageContaining("auditSha256");
    assertThatThrownBy(
            () -> new HookResultSummary("h", HookResultSummary.PASS, Duration.ofSeconds(-1), null))
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> new HookResultSummary("h", "pass", Duration.ZERO, ""))
        .hasMessage("hook status must be one of [PASS, FAIL, TIMEOUT] but was pass");
  }
}
