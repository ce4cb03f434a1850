package dev.stagegate.deploy.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistId;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.policy.PolicyBlock;
import dev.stagegate.report.policy.PolicyDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's items that are read from the evidence, each in every state it can take: done from the
 * evidence, failed citing it, accepted with its reason, manual saying what to look at.
 */
class SeedItemsTest {
  private static final String CITE = "gate DeployedIT#deployedStagingIsHealthy";

  static ChecklistItem item(AuditReport r, DeployFacts facts, ChecklistItemId id) {
    return Checklists.item(r, facts, id);
  }

  static ChecklistItem item(AuditReport r, ChecklistItemId id) {
    return item(r, DeployFacts.none(), id);
  }

  /** A passing post-deploy watch whose health hook answered {@code raw} and ran these services. */
  static GateResult watch(String healthRaw, boolean healthPassed, ServiceEvidence... services) {
    List<CheckResult> checks =
        new ArrayList<>(
            RealGates.postChecks(
                RealGates.markerPass(), RealGates.metricPass(), RealGates.watchPass()));
    checks.replaceAll(
        c ->
            c.name().equals("hook health /health")
                ? new CheckResult(
                    c.name(),
                    healthPassed ? c.status() : dev.stagegate.report.CheckStatus.FAIL,
                    healthPassed
                        ? c.detail()
                        : "hook \"health /health\" failed: GET /health returned 503",
                    healthRaw)
                : c);
    return RealGates.postDeploy(
        healthPassed ? Verdict.PASS : Verdict.FAIL, checks, Arrays.asList(services));
  }

  static ServiceEvidence migrate(int exitCode) {
    return RealGates.service("migrate", true, "exited", "none", 0, exitCode, false, List.of());
  }

  static ServiceEvidence running(String name, String health) {
    return RealGates.service(name, false, "running", health);
  }

  static final String HEALTHY = "{\"status\":\"ok\",\"db_ready\":true}";

  @Test
  void everyItemIsInTheChecklistItsIdNames() {
    List<Checklist> all = Checklists.all(ChecklistsTest.report(), DeployFacts.none());
    assertThat(all).extracting(Checklist::id).containsExactly(ChecklistId.values());
    for (Checklist c : all) {
      assertThat(c.items()).allMatch(i -> i.id().checklist() == c.id());
    }
    assertThat(all.stream().mapToLong(c -> c.items().size()).sum())
        .as("every item id is filled, once")
        .isEqualTo(ChecklistItemId.values().length);
  }

  @Test
  void migrationsAppliedIsTheOneShotJobsExitCode() {
    assertThat(
            item(
                ChecklistsTest.report(watch(HEALTHY, true, running("api", "healthy"), migrate(0))),
                ChecklistItemId.MIGRATIONS_APPLIED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.DONE, CITE + ": one-shot migrate exited 0");
    assertThat(
            item(
                ChecklistsTest.report(watch(HEALTHY, true, running("api", "healthy"), migrate(3))),
                ChecklistItemId.MIGRATIONS_APPLIED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, CITE + ": one-shot job migrate exited 3");
    assertThat(
            item(
                ChecklistsTest.report(watch(HEALTHY, true, running("api", "healthy"))),
                ChecklistItemId.MIGRATIONS_APPLIED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.MANUAL,
            "no one-shot job (e.g. migrate) in the evidence: check the migrations ran");
    assertThat(item(ChecklistsTest.report(), ChecklistItemId.MIGRATIONS_APPLIED).evidence())
        .isEqualTo(Checklists.NO_POST_DEPLOY);
  }

  @Test
  void aRunningContainerIsNeverAFinishedJob() {
    // audits from before the target's one-shot fix marked every service one-shot
    ServiceEvidence workerMarkedOneShot = RealGates.service("worker", true, "running", "healthy");
    AuditReport r = ChecklistsTest.report(watch(HEALTHY, true, workerMarkedOneShot, migrate(0)));
    assertThat(item(r, ChecklistItemId.WORKERS_STARTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.DONE, CITE + ": worker healthy");
    assertThat(item(r, ChecklistItemId.MIGRATIONS_APPLIED).evidence())
        .isEqualTo(CITE + ": one-shot migrate exited 0");
  }

  @Test
  void migrationsTestedInStagingReadTheStagingGates() {
    assertThat(item(ChecklistsTest.report(RealGates.smoke()), ChecklistItemId.MIGRATIONS_TESTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.DONE, "gate StagingGateIT#stackIsFitToDeploy: one-shot migrate exited 0");
    GateResult failed =
        RealGates.gate(
            RealGates.SMOKE_ID,
            GateKind.HEALTHY_SMOKE,
            Verdict.FAIL,
            RealGates.smokeChecks(),
            List.of(running("api", "healthy"), migrate(1)),
            List.of("migrate exited 1"),
            null);
    assertThat(item(ChecklistsTest.report(failed), ChecklistItemId.MIGRATIONS_TESTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate StagingGateIT#stackIsFitToDeploy: one-shot job migrate exited 1");
    assertThat(item(ChecklistsTest.report(), ChecklistItemId.MIGRATIONS_TESTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.MANUAL, Checklists.NO_STAGING);
  }

  @Test
  void backgroundWorkersStartedWhenEveryLongRunningServiceRunsHealthy() {
    AuditReport good =
        ChecklistsTest.report(
            watch(
                HEALTHY,
                true,
                running("api", "healthy"),
                migrate(0),
                running("worker", "healthy"),
                running("beat", "none")));
    assertThat(item(good, ChecklistItemId.WORKERS_STARTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.DONE, CITE + ": api healthy, worker healthy, beat running");
    AuditReport unhealthy =
        ChecklistsTest.report(
            watch(HEALTHY, true, running("api", "healthy"), running("worker", "unhealthy")));
    assertThat(item(unhealthy, ChecklistItemId.WORKERS_STARTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, CITE + ": worker running but unhealthy");
    AuditReport none = ChecklistsTest.report(watch(HEALTHY, true, migrate(0)));
    assertThat(item(none, ChecklistItemId.WORKERS_STARTED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.MANUAL, "no long-running service on the target");
  }

  @Test
  void configurationLoadedWhenTheServicesStartedAndTheHealthHookAnswered() {
    AuditReport good = ChecklistsTest.report(watch(HEALTHY, true, running("api", "healthy")));
    assertThat(item(good, ChecklistItemId.CONFIGURATION_LOADED).state()).isEqualTo(ItemState.DONE);
    assertThat(item(good, ChecklistItemId.CONFIGURATION_LOADED).evidence())
        .startsWith(CITE + ": every long-running service started and hook health /health PASS")
        .endsWith("environment staging");

    AuditReport crashed =
        ChecklistsTest.report(
            watch(
                HEALTHY,
                true,
                running("api", "healthy"),
                RealGates.service("worker", false, "exited", "none", 0, 1, false, List.of())));
    assertThat(item(crashed, ChecklistItemId.CONFIGURATION_LOADED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, CITE + ": worker exited (exit code 1)");

    AuditReport down = ChecklistsTest.report(watch("", false, running("api", "healthy")));
    assertThat(item(down, ChecklistItemId.CONFIGURATION_LOADED))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            CITE
                + ": hook health /health FAIL; hook \"health /health\" failed: GET /health returned 503");

    List<CheckResult> noHealth =
        new ArrayList<>(
            RealGates.postChecks(
                RealGates.markerPass(), RealGates.metricPass(), RealGates.watchPass()));
    noHealth.removeIf(c -> c.name().startsWith("hook health"));
    AuditReport unhooked =
        ChecklistsTest.report(
            RealGates.postDeploy(Verdict.PASS, noHealth, List.of(running("api", "healthy"))));
    assertThat(item(unhooked, ChecklistItemId.CONFIGURATION_LOADED).state())
        .isEqualTo(ItemState.MANUAL);
    assertThat(item(unhooked, ChecklistItemId.DATABASE_REACHABLE).state())
        .isEqualTo(ItemState.MANUAL);
    assertThat(item(unhooked, ChecklistItemId.HEALTH_CHECKS_PASS))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.MANUAL, "no health hook in the post-deploy watch");
  }

  @Test
  void databaseReachableIsWhatTheHealthAnswerSaysOfDbReady() {
    assertThat(
            item(
                ChecklistsTest.report(watch(HEALTHY, true, running("api", "healthy"))),
                ChecklistItemId.DATABASE_REACHABLE))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.DONE, CITE + ": hook health /health answered \"db_ready\": true");
    assertThat(
            item(
                ChecklistsTest.report(
                    watch(
                        "{\"status\":\"degraded\",\"db_ready\":false}",
                        true,
                        running("api", "healthy"))),
                ChecklistItemId.DATABASE_REACHABLE))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED, CITE + ": hook health /health answered \"db_ready\": false");
    assertThat(
            item(
                    ChecklistsTest.report(
                        watch("{\"db_ready\":\"yes\"}", true, running("api", "healthy"))),
                    ChecklistItemId.DATABASE_REACHABLE)
                .state())
        .as("only the JSON boolean true is a reachable database")
        .isEqualTo(ItemState.FAILED);
    for (String noAnswer : List.of("{\"status\":\"ok\"}", "OK", "{\"db_ready\": tru", "")) {
      assertThat(
              item(
                  ChecklistsTest.report(watch(noAnswer, true, running("api", "healthy"))),
                  ChecklistItemId.DATABASE_REACHABLE))
          .as(noAnswer)
          .extracting(ChecklistItem::state, ChecklistItem::evidence)
          .containsExactly(
              ItemState.MANUAL,
              "no health hook answered with \"db_ready\": check the database from the target (or"
                  + " make /health report it)");
    }
  }

  @Test
  void aDeployWindowOverrideIsAcceptedNeverDone() {
    AuditReport r = ChecklistsTest.report(RealGates.smoke());
    DeployFacts overridden =
        DeployFacts.none()
            .withPolicy(
                new PolicyDecision(
                    List.of(), List.of("deploy-window overridden at 10:14 Z: hotfix for INC-9")));
    assertThat(item(r, overridden, ChecklistItemId.DEPLOY_WINDOW))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.ACCEPTED, "deploy-window overridden at 10:14 Z: hotfix for INC-9");
    DeployFacts outside = DeployFacts.none().withPolicy(new PolicyDecision(List.of(), List.of()));
    assertThat(item(r, outside, ChecklistItemId.DEPLOY_WINDOW))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.DONE, "deploy policy: not inside a blocked window");
    DeployFacts blocked =
        DeployFacts.none()
            .withPolicy(
                new PolicyDecision(
                    List.of(new PolicyBlock("deploy-window", "It is 10:14 Z.", "wait")),
                    List.of()));
    assertThat(item(r, blocked, ChecklistItemId.DEPLOY_WINDOW).state()).isEqualTo(ItemState.FAILED);

    // from an earlier deploy check's audit: the check it wrote says which
    GateResult preCheckOutside =
        RealGates.gate(
            "x.PreDeployIT#allowed",
            GateKind.PRE_DEPLOY_CHECK,
            Verdict.PASS,
            List.of(
                CheckResult.pass(CheckName.DEPLOY_WINDOW.id(), "outside the blocked window", "")),
            List.of(),
            List.of(),
            null);
    assertThat(item(ChecklistsTest.report(preCheckOutside), ChecklistItemId.DEPLOY_WINDOW).state())
        .isEqualTo(ItemState.DONE);
  }

  @Test
  void checkNamesAreWholeOrPrefixed() {
    assertThat(CheckName.SMOKE.named("GET api:8000/health")).isEqualTo("smoke GET api:8000/health");
    assertThat(CheckName.SMOKE.matches(CheckResult.pass("smoke GET /x", "", ""))).isTrue();
    assertThat(
            CheckName.DEPLOY_WINDOW.matches(CheckResult.pass("deploy window overridden", "", "")))
        .as("a whole name matches only itself")
        .isFalse();
    assertThatThrownBy(() -> CheckName.WATCH.named("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("WATCH is a whole check name: use id()");
  }
}
