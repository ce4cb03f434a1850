package dev.stagegate.deploy.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.checklist.ChecklistId;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentTextLog;
import dev.stagegate.report.deploy.HookResultSummary;
import dev.stagegate.report.deploy.Outcome;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy step's Markdown (the deploy record): the seed's {@code DEPLOYMENT} block, the same
 * text as {@code deployments.log}, and the seed's checklists with their states.
 */
class DeployRecordTest {
  @TempDir Path tmp;

  /** 2026-12-07 07:14:40 UTC: a fixed clock. */
  static final Instant WHEN = Instant.parse("2026-12-07T07:14:40.857Z");

  static DeploymentEntry entry(Outcome outcome, String deployedBy) {
    return new DeploymentEntry(
        WHEN,
        "0.1.0-SNAPSHOT",
        "415242fc3aba50e554e825da0203198e96ee37b7",
        "staging",
        deployedBy,
        outcome,
        Duration.ofSeconds(31),
        List.of(
            new HookResultSummary(
                "health /health",
                outcome == Outcome.SUCCESS ? HookResultSummary.PASS : HookResultSummary.FAIL,
                Duration.ofMillis(40),
                "")),
        "a".repeat(64),
        "post-deploy watch PASS");
  }

  static final String BLOCK =
      """
      [2026-12-07 07:14:40] DEPLOYMENT
      Version: 0.1.0-SNAPSHOT
      Commit: 415242f
      Environment: staging
      Deployed by: flow-reviewer
      Status: SUCCESS
      Health check: PASSED
      Rollback: N/A
      """;

  @Test
  void theDeployRecordCarriesTheSeedBlockAsDeploymentsLogHasIt() throws IOException {
    DeploymentEntry entry = entry(Outcome.SUCCESS, "flow-reviewer");
    Path log = tmp.resolve("deployments.log");
    DeploymentTextLog.at(log).append(entry);
    assertThat(Files.readString(log)).isEqualTo(BLOCK + "\n");

    AuditReport watch = ChecklistsTest.report(RealGates.postDeployPassing());
    String md = AuditMarkdown.standard().render(watch, DeployFacts.none().withDeployment(entry));
    assertThat(md).contains("## Deployment\n").contains("```text\n" + BLOCK + "```\n");
    assertThat(md.indexOf("## Deployment\n"))
        .as("the record comes before the checklists")
        .isLessThan(md.indexOf("## Deploy checklist"));

    String without = AuditMarkdown.standard().render(watch, DeployFacts.none());
    assertThat(without).doesNotContain("] DEPLOYMENT");
  }

  @Test
  void aFailedDeploymentIsShownToo() {
    GateResult failing =
        RealGates.postDeploy(
            Verdict.FAIL,
            RealGates.postChecks(
                RealGates.markerPass(),
                RealGates.metricPass(),
                CheckResult.fail("watch", "worker die (exit code 3)", "")),
            List.of(RealGates.service("api", false, "running", "healthy")));
    String md =
        AuditMarkdown.standard()
            .render(
                ChecklistsTest.report(failing),
                DeployFacts.none().withDeployment(entry(Outcome.FAILED, "ci")));
    assertThat(md).contains("Status: FAILED\nHealth check: FAILED\nRollback: N/A\n");
  }

  @Test
  void noSecretInTheBlock() {
    String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    String md =
        AuditMarkdown.standard()
            .render(
                ChecklistsTest.report(RealGates.postDeployPassing()),
                DeployFacts.none().withDeployment(entry(Outcome.SUCCESS, token)));
    assertThat(md).contains("] DEPLOYMENT").doesNotContain(token);
  }

  @Test
  void aPostDeployWatchShowsItsDockerHostNotAComposeFile() {
    String md =
        AuditMarkdown.standard().render(ChecklistsTest.report(RealGates.postDeployPassing()));
    assertThat(md)
        .contains("- Docker host: `unix:///var/run/docker.sock`")
        .doesNotContain("Compose file: `unix:");
    assertThat(AuditMarkdown.standard().render(ChecklistsTest.report(RealGates.smoke())))
        .contains("- Compose file: `");
  }

  @Test
  void theRecordListsEverySeedItemWithItsState() {
    String md =
        AuditMarkdown.standard()
            .render(
                ChecklistsTest.report(RealGates.smoke(), RealGates.postDeployPassing()),
                DeployFacts.none().withDeployment(entry(Outcome.SUCCESS, "ci")));
    for (ChecklistId list : ChecklistId.values()) {
      assertThat(md).contains("### " + list.title() + "\n");
    }
    assertThat(md)
        .contains(
            "| ✅ DONE | Migrations applied | gate DeployedIT#deployedStagingIsHealthy: one-shot migrate exited 0 |")
        .contains("| ✅ DONE | Database reachable |")
        .contains("| ✅ DONE | Background workers started |")
        .contains("| ✅ DONE | Configuration loaded |")
        .contains("| ✋ MANUAL | Payment processing works |");
    for (ChecklistItemId id : ChecklistItemId.values()) {
      assertThat(md).as(id.name()).contains("| " + id.text() + " |");
    }
  }
}
