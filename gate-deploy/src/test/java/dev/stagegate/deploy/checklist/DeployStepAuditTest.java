package dev.stagegate.deploy.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deploy step's audit holds only its own gate; its checklists and its way back are read from the
 * approved audit it builds on too, and they are shown even when the step refused.
 */
class DeployStepAuditTest {
  private static final String COMMAND = "docker-compose -p agents up -d --no-build";

  private static GateResult drill() {
    GateResult g =
        RealGates.gate(
            "dev.stagegate.examples.RollbackDrillIT#theWayBackIsProven",
            GateKind.ROLLBACK_DRILL,
            Verdict.PASS,
            List.of(CheckResult.pass("rollback", "healthy in 8 s", "")),
            List.of(),
            List.of(),
            null);
    return g.toBuilder()
        .burnIn(null)
        .rollback(
            new RollbackEvidence(
                "HEAD~1",
                "0d2432e0c26a99f383c973242acdb27b476681ee",
                "0d2432e",
                "759369c7766a99f383c973242acdb27b476681ee",
                "sg0gql1j",
                COMMAND,
                true,
                Instant.parse("2026-11-23T14:02:00Z"),
                Duration.ofSeconds(8),
                "0d2432e"))
        .build();
  }

  private static GateResult refusedPreDeploy() {
    return RealGates.gate(
        "dev.stagegate.examples.deploy.PreDeployIT#stagingDeployIsAllowed",
        GateKind.PRE_DEPLOY_CHECK,
        Verdict.FAIL,
        List.of(CheckResult.fail("approval", "Nobody approved stability_audit.md", "")),
        List.of(),
        List.of("approval: Nobody approved stability_audit.md"),
        null);
  }

  @Test
  void theEvidenceIsTheApprovedGatesThenTheStepsOwn() {
    AuditReport approved = AuditReport.of(List.of(RealGates.smoke(), drill()));
    AuditReport step = AuditReport.of(List.of(refusedPreDeploy()));
    AuditReport evidence = DeployFacts.none().withApprovedAudit(approved).evidence(step);
    assertThat(evidence.gates())
        .extracting(GateResult::kind)
        .containsExactly(
            GateKind.HEALTHY_SMOKE, GateKind.ROLLBACK_DRILL, GateKind.PRE_DEPLOY_CHECK);
    assertThat(DeployFacts.none().evidence(step)).isSameAs(step);
  }

  @Test
  void aRefusedDeployStepShowsItsChecklistsAndTheDrillProvenWayBack() {
    AuditReport approved = AuditReport.of(List.of(RealGates.smoke(), drill()));
    AuditReport step = AuditReport.of(List.of(refusedPreDeploy()));

    String alone = AuditMarkdown.standard().render(step);
    assertThat(alone).doesNotContain("## Deploy checklist"); // a plain failing audit: no checklist

    String md =
        AuditMarkdown.standard().render(step, DeployFacts.none().withApprovedAudit(approved));
    assertThat(md)
        .contains("## Deploy checklist")
        .contains("Rollback plan proven (rollback drill)")
        .contains("proven by the rollback drill")
        .contains(COMMAND);
  }

  @Test
  void theDeployRecordShowsTheWindowDecisionOfTheEarlierDeployCheck() {
    GateResult allowed =
        RealGates.gate(
            "dev.stagegate.examples.deploy.PreDeployIT#stagingDeployIsAllowed",
            GateKind.PRE_DEPLOY_CHECK,
            Verdict.PASS,
            List.of(
                CheckResult.pass(
                    CheckName.DEPLOY_WINDOW_OVERRIDDEN.id(),
                    "deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123",
                    "")),
            List.of(),
            List.of(),
            null);
    AuditReport earlier = AuditReport.of(List.of(RealGates.smoke(), allowed));
    AuditReport watch = AuditReport.of(List.of(RealGates.postDeployPassing()));

    ChecklistItem window =
        Checklists.rollbackSafety(watch, DeployFacts.none().withApprovedAudit(earlier))
            .get(0)
            .items()
            .stream()
            .filter(i -> i.text().equals("Outside the blocked deploy window"))
            .findFirst()
            .orElseThrow();
    assertThat(window.state())
        .as("an override lets the deploy through with a reason: accepted, never done")
        .isEqualTo(ItemState.ACCEPTED);
    assertThat(window.evidence())
        .isEqualTo(
            "gate PreDeployIT#stagingDeployIsAllowed: deploy window overridden PASS;"
                + " deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123");

    ChecklistItem unknown =
        Checklists.rollbackSafety(watch, DeployFacts.none()).get(0).items().stream()
            .filter(i -> i.text().equals("Outside the blocked deploy window"))
            .findFirst()
            .orElseThrow();
    assertThat(unknown.state()).isEqualTo(ItemState.MANUAL);
  }
}
