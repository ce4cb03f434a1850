package dev.stagegate.deploy.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.approval.ApprovalRefusal;
import dev.stagegate.report.approval.ApprovalRefusal.Reason;
import dev.stagegate.report.approval.ApprovalStatus;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.policy.PolicyBlock;
import dev.stagegate.report.policy.PolicyDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecklistsTest {
  static AuditReport report(GateResult... gates) {
    return new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(gates));
  }

  static ChecklistItem item(Checklist list, String textStart) {
    return list.items().stream()
        .filter(i -> i.text().startsWith(textStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + textStart + " in " + list));
  }

  static ChecklistItem staging(AuditReport r, String textStart) {
    return item(Checklists.stagingGate(r, DeployFacts.none()), textStart);
  }

  static ChecklistItem phase(AuditReport r, DeployFacts f, int phase, String textStart) {
    return item(Checklists.rollbackSafety(r, f).get(phase), textStart);
  }

  @Test
  void aPassingSmokeGateFillsTheStagingChecklistFromItsChecks() {
    Checklist list = Checklists.stagingGate(report(RealGates.smoke()), DeployFacts.none());
    assertThat(list.title()).isEqualTo("Staging gate");
    assertThat(list.items())
        .extracting(ChecklistItem::text)
        .containsExactly(
            "Rebuilt without cache",
            "Every service healthy",
            "Zero restarts, exits and OOM kills",
            "No memory leak or CPU trend",
            "No errors in logs",
            "Smoke checks passed");
    assertThat(item(list, "Rebuilt"))
        .isEqualTo(
            new ChecklistItem(
                ChecklistItemId.REBUILT_WITHOUT_CACHE,
                ItemState.DONE,
                "gate StagingGateIT#stackIsFitToDeploy: no-cache build PASS; every service with"
                    + " build: rebuilt without cache in 8.1 s"));
    assertThat(item(list, "Every service").evidence())
        .isEqualTo(
            "gate StagingGateIT#stackIsFitToDeploy: PASS; api healthy, worker running, beat"
                + " running, migrate exited 0");
    assertThat(item(list, "Zero restarts").evidence())
        .isEqualTo("0 restarts, exits or OOM kills in 4 services of 1 gate");
    assertThat(item(list, "No errors").evidence())
        .isEqualTo("0 log findings in 4 services of 1 gate");
    assertThat(item(list, "Smoke").state()).isEqualTo(ItemState.DONE);
    assertThat(item(list, "Smoke").evidence())
        .startsWith(
            "gate StagingGateIT#stackIsFitToDeploy: smoke GET api:8000/health PASS; status 200")
        .endsWith("(+1 more)");
    assertThat(item(list, "No memory leak"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.MANUAL, "no burn-in trends in this audit: run a @BurnIn gate");
  }

  @Test
  void failedChecksAndServiceEvidenceMakeItemsFailed() {
    List<CheckResult> checks = new ArrayList<>(RealGates.smokeChecks());
    checks.set(
        0,
        CheckResult.fail(
            "no-cache build", "docker-compose build --no-cache exited with code 1", ""));
    checks.set(
        2,
        CheckResult.fail(
            "smoke GET api:8000/health",
            "Smoke check GET api:8000/health expected status 200 but got 503; body: down",
            "down"));
    GateResult failed =
        RealGates.gate(
            RealGates.SMOKE_ID,
            GateKind.HEALTHY_SMOKE,
            Verdict.FAIL,
            checks,
            List.of(
                RealGates.service("api", false, "running", "unhealthy"),
                RealGates.service(
                    "worker",
                    false,
                    "restarting",
                    "none",
                    2,
                    3,
                    true,
                    List.of(
                        LogFinding.single("worker", 41, "error-level", "ERROR db gone"),
                        LogFinding.single("worker", 57, "python-traceback", "ValueError: x")))),
            List.of("worker restarted 2 times"),
            null);
    AuditReport r = report(failed);
    assertThat(staging(r, "Rebuilt"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate StagingGateIT#stackIsFitToDeploy: no-cache build FAIL; docker-compose build"
                + " --no-cache exited with code 1");
    assertThat(staging(r, "Every service"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, "gate StagingGateIT#stackIsFitToDeploy: api unhealthy");
    assertThat(staging(r, "Zero restarts"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate StagingGateIT#stackIsFitToDeploy: worker restarted 2 times, exited (exit code"
                + " 3), OOM-killed");
    assertThat(staging(r, "No errors"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate StagingGateIT#stackIsFitToDeploy: worker 2 log findings (first: line 41,"
                + " error-level)");
    assertThat(staging(r, "Smoke").state()).isEqualTo(ItemState.FAILED);
    assertThat(phase(r, DeployFacts.none(), 0, "Staging verification"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, "gate StagingGateIT#stackIsFitToDeploy: FAIL");
  }

  @Test
  void aOneShotJobExitingZeroIsNotAnExitButNonZeroIs() {
    GateResult g =
        RealGates.gate(
            RealGates.SMOKE_ID,
            GateKind.HEALTHY_SMOKE,
            Verdict.FAIL,
            RealGates.smokeChecks(),
            List.of(
                RealGates.service("migrate", true, "exited", "none", 0, 0, false, List.of()),
                RealGates.service("seed", true, "exited", "none", 0, 2, false, List.of())),
            List.of(),
            null);
    assertThat(staging(report(g), "Zero restarts").evidence())
        .isEqualTo("gate StagingGateIT#stackIsFitToDeploy: seed exited (exit code 2)");
  }

  @Test
  void burnInTrendsDecideTheLeakItem() {
    AuditReport stable =
        report(
            RealGates.smoke(),
            RealGates.burnIn(
                Verdict.PASS_SHORTENED,
                List.of(
                    RealGates.trend("api", "stable", "stable"),
                    RealGates.trend("worker", "stable", "stable"))));
    assertThat(staging(stable, "No memory leak"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.DONE,
            "gate StagingBurnInIT#survivesTheBurnIn: PASS_SHORTENED (2 min of 4 h requested);"
                + " memory and CPU stable in 2 services");

    AuditReport leak =
        report(
            RealGates.burnIn(
                Verdict.FAIL,
                List.of(
                    RealGates.trend("api", "inconclusive", "stable"),
                    RealGates.trend("worker", "leak", "stable"))));
    assertThat(staging(leak, "No memory leak"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate StagingBurnInIT#survivesTheBurnIn: worker memory leak; memory leak: 29.8"
                + " MiB/hour from 145.0 MiB");

    AuditReport cpu =
        report(RealGates.burnIn(Verdict.FAIL, List.of(RealGates.trend("api", "stable", "trend"))));
    assertThat(staging(cpu, "No memory leak").evidence()).contains("api CPU trend");

    AuditReport undecided =
        report(
            RealGates.burnIn(
                Verdict.INCONCLUSIVE, List.of(RealGates.trend("api", "inconclusive", "stable"))));
    assertThat(staging(undecided, "No memory leak"))
        .extracting(ChecklistItem::state)
        .isEqualTo(ItemState.MANUAL);
    assertThat(staging(undecided, "No memory leak").evidence())
        .startsWith("gate StagingBurnInIT#survivesTheBurnIn: api memory inconclusive;");
  }

  @Test
  void skippedBuildOrNoStagingGateIsManual() {
    List<CheckResult> checks = new ArrayList<>(RealGates.smokeChecks());
    checks.set(0, RealGates.skipped("no-cache build", "no service has a build: section"));
    GateResult pulled =
        RealGates.gate(
            RealGates.SMOKE_ID,
            GateKind.HEALTHY_SMOKE,
            Verdict.PASS,
            checks,
            RealGates.healthyStack(),
            List.of(),
            null);
    assertThat(staging(report(pulled), "Rebuilt"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.MANUAL,
            "gate StagingGateIT#stackIsFitToDeploy: no-cache build SKIPPED; no service has a"
                + " build: section");
    Checklist empty = Checklists.stagingGate(report(), DeployFacts.none());
    assertThat(empty.count(ItemState.MANUAL)).isEqualTo(6);
    assertThat(item(empty, "Smoke").evidence()).isEqualTo("no smoke gate or burn-in in this audit");
  }

  @Test
  void preDeploymentWithoutFactsIsManualExceptStagingVerification() {
    Checklist pre = Checklists.rollbackSafety(report(RealGates.smoke()), DeployFacts.none()).get(0);
    assertThat(pre.title()).isEqualTo("Pre-deployment");
    assertThat(pre.items())
        .extracting(ChecklistItem::text, ChecklistItem::state)
        .containsExactly(
            tuple("Code review approved", ItemState.MANUAL),
            tuple("Tests passing", ItemState.MANUAL),
            tuple("Staging verification passed (smoke and burn-in)", ItemState.DONE),
            tuple("Database migrations tested in staging", ItemState.DONE),
            tuple("Audit approved and unchanged since", ItemState.MANUAL),
            tuple("Rollback plan proven (rollback drill)", ItemState.MANUAL),
            tuple("Deployment marker prepared", ItemState.MANUAL),
            tuple("Outside the blocked deploy window", ItemState.MANUAL),
            tuple("On-call engineer available", ItemState.MANUAL));
  }

  @Test
  void aShortenedBurnInIsNeverDoneManualUntilAcceptedThenAcceptedWithTheReason() {
    AuditReport r =
        report(
            RealGates.smoke(),
            RealGates.burnIn(
                Verdict.PASS_SHORTENED, List.of(RealGates.trend("api", "stable", "stable"))));
    assertThat(phase(r, DeployFacts.none(), 0, "Staging verification"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.MANUAL,
            "gate StagingBurnInIT#survivesTheBurnIn: PASS_SHORTENED (2 min of 4 h requested);"
                + " watched less than requested: deploy only after a full run, or approve with"
                + " ApprovalCli approve --accept REASON");

    ApprovalRecord accepted =
        new ApprovalRecord(
            "alice",
            Instant.parse("2026-11-23T14:02:11Z"),
            "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0",
            "stability_audit.md",
            "a".repeat(64),
            "b".repeat(64),
            Verdict.PASS_SHORTENED,
            "",
            "burn-in shortened in CI");
    DeployFacts facts =
        DeployFacts.none().withApproval(new ApprovalStatus(Optional.of(accepted), List.of()));
    assertThat(phase(r, facts, 0, "Staging verification"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.ACCEPTED,
            "gate StagingBurnInIT#survivesTheBurnIn: PASS_SHORTENED (2 min of 4 h requested);"
                + " PASS_SHORTENED accepted by alice at 2026-11-23 14:02 UTC: \"burn-in shortened"
                + " in CI\"");
    assertThat(phase(r, facts, 0, "Audit approved"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.ACCEPTED,
            "PASS_SHORTENED accepted by alice at 2026-11-23 14:02 UTC: \"burn-in shortened in"
                + " CI\" for commit 5d6e7f8; SHA-256 unchanged");
    assertThat(ItemState.ACCEPTED.symbol()).isEqualTo("⚠️");
  }

  @Test
  void trendsThatWereNotJudgedLeaveTheTrendItemToAPerson() {
    ServiceTrend notJudged =
        new ServiceTrend(
            "api",
            ServiceTrend.NOT_JUDGED,
            0,
            0,
            "not judged (1.5 min < 5 min): memory of \"api\" was observed for 1.5 min",
            ServiceTrend.NOT_JUDGED,
            0,
            "not judged",
            0.01,
            java.time.Duration.ofSeconds(90),
            java.time.Duration.ofMinutes(5),
            List.of(),
            List.of());
    AuditReport r = report(RealGates.burnIn(Verdict.PASS_SHORTENED, List.of(notJudged)));
    assertThat(staging(r, "No memory leak"))
        .extracting(ChecklistItem::state)
        .isEqualTo(ItemState.MANUAL);
    assertThat(staging(r, "No memory leak").evidence())
        .contains("api memory not judged (1.5 min < 5 min)");
  }

  @Test
  void testsApprovalAndPolicyFactsFillTheirItems() {
    AuditReport r = report(RealGates.smoke());
    ApprovalRecord alice =
        new ApprovalRecord(
            "alice",
            Instant.parse("2026-11-23T14:02:11Z"),
            "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0",
            "stability_audit.md",
            "a".repeat(64),
            "b".repeat(64),
            Verdict.PASS,
            "");
    DeployFacts good =
        DeployFacts.none()
            .withTests(new TestSummary(488, 0, 0, "target/surefire-reports"))
            .withApproval(new ApprovalStatus(Optional.of(alice), List.of()))
            .withPolicy(
                new PolicyDecision(
                    List.of(),
                    List.of(
                        "deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123")));
    assertThat(phase(r, good, 0, "Tests"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.DONE, "488 tests, 0 failures, 0 errors (target/surefire-reports)");
    assertThat(phase(r, good, 0, "Audit approved"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.DONE,
            "approved by alice at 2026-11-23 14:02 UTC for commit 5d6e7f8; SHA-256 unchanged");
    assertThat(phase(r, good, 0, "Outside"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.ACCEPTED,
            "deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123");

    DeployFacts bad =
        DeployFacts.none()
            .withTests(new TestSummary(488, 1, 0, "target/surefire-reports"))
            .withApproval(
                new ApprovalStatus(
                    Optional.empty(),
                    List.of(
                        new ApprovalRefusal(Reason.NO_APPROVAL, "Nobody approved it."),
                        new ApprovalRefusal(Reason.VERDICT_NOT_PASS, "Nothing to deploy."))))
            .withPolicy(
                new PolicyDecision(
                    List.of(new PolicyBlock("deploy-window", "It is 10:14 Europe/Berlin.", "…")),
                    List.of()));
    assertThat(phase(r, bad, 0, "Tests"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED, "488 tests, 1 failure, 0 errors (target/surefire-reports)");
    assertThat(phase(r, bad, 0, "Audit approved"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, "NO_APPROVAL: Nobody approved it. (+1 more)");
    assertThat(phase(r, bad, 0, "Outside"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(ItemState.FAILED, "It is 10:14 Europe/Berlin.");
  }

  @Test
  void theRollbackDrillIsFoundByKindName() {
    // ROLLBACK_DRILL is being added to GateKind elsewhere; by name, a report from before still
    // compiles and reads, and a drill gate is recognised once the constant exists.
    AuditReport r = report(RealGates.smoke());
    assertThat(phase(r, DeployFacts.none(), 0, "Rollback plan"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.MANUAL, "no rollback drill in this audit: walk the rollback command below");
    Optional<GateKind> drill =
        Arrays.stream(GateKind.values()).filter(k -> k.name().equals("ROLLBACK_DRILL")).findFirst();
    if (drill.isPresent()) {
      GateResult passed =
          RealGates.gate(
              "x.RollbackIT#drill",
              drill.get(),
              Verdict.PASS,
              List.of(),
              List.of(),
              List.of(),
              null);
      assertThat(phase(report(passed), DeployFacts.none(), 0, "Rollback plan").state())
          .isEqualTo(ItemState.DONE);
      GateResult failed =
          RealGates.gate(
              "x.RollbackIT#drill",
              drill.get(),
              Verdict.FAIL,
              List.of(),
              List.of(),
              List.of("the old version did not come up"),
              null);
      assertThat(phase(report(failed), DeployFacts.none(), 0, "Rollback plan"))
          .extracting(ChecklistItem::state, ChecklistItem::evidence)
          .containsExactly(
              ItemState.FAILED, "gate RollbackIT#drill: FAIL; the old version did not come up");
    }
  }

  @Test
  void aPassingPostDeployWatchFillsDuringAndPost() {
    AuditReport r = report(RealGates.postDeployPassing());
    List<Checklist> phases = Checklists.rollbackSafety(r, DeployFacts.none());
    assertThat(phases)
        .extracting(Checklist::title)
        .containsExactly(
            "Pre-deployment",
            "During deployment",
            "Post-deployment: system-facing",
            "Post-deployment: user-facing");
    Checklist during = phases.get(1);
    assertThat(during.items())
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            tuple(
                ItemState.DONE,
                "gate DeployedIT#deployedStagingIsHealthy: deployment marker PASS; service \"api\""
                    + " runs commit 5d6e7f8, version 1.2.3, environment staging"),
            tuple(
                ItemState.MANUAL,
                "not compared: give the post-deploy watch stagegate.approval.audit"),
            tuple(
                ItemState.DONE,
                "gate DeployedIT#deployedStagingIsHealthy: one-shot migrate exited 0"),
            tuple(
                ItemState.DONE,
                "gate DeployedIT#deployedStagingIsHealthy: api healthy, worker running"),
            tuple(
                ItemState.DONE,
                "gate DeployedIT#deployedStagingIsHealthy: every long-running service started and"
                    + " hook health /health PASS (a service whose configuration fails to load"
                    + " stops at start); service \"api\" runs commit 5d6e7f8, version 1.2.3,"
                    + " environment staging"),
            tuple(
                ItemState.DONE,
                "gate DeployedIT#deployedStagingIsHealthy: hook health /health answered"
                    + " \"db_ready\": true"),
            tuple(
                ItemState.DONE,
                "gate DeployedIT#deployedStagingIsHealthy: hook health /health PASS; hook"
                    + " \"health /health\" passed: status 200, body contains {\"db_ready\":true}"));
    Checklist post = phases.get(2);
    assertThat(post.items())
        .extracting(ChecklistItem::text, ChecklistItem::state)
        .containsExactly(
            tuple("No errors in logs", ItemState.DONE),
            tuple("system_state_status is 0", ItemState.DONE),
            tuple("Post-deploy watch completed", ItemState.DONE),
            tuple("Error rate and latency normal on the dashboards", ItemState.MANUAL));
    assertThat(phases.get(3).items())
        .extracting(ChecklistItem::text, ChecklistItem::state)
        .containsExactly(
            tuple("Users can sign in", ItemState.MANUAL),
            tuple("Core user flows work", ItemState.MANUAL),
            tuple("Payment processing works", ItemState.MANUAL));
    assertThat(item(post, "system_state_status").evidence())
        .isEqualTo(
            "gate DeployedIT#deployedStagingIsHealthy: hook metric system_state_status PASS; hook"
                + " \"metric system_state_status\" passed: metric system_state_status is 0");
    assertThat(item(post, "Post-deploy watch").evidence())
        .isEqualTo(
            "gate DeployedIT#deployedStagingIsHealthy: PASS; watched 10 min without a failure");
    assertThat(phase(r, DeployFacts.none(), 0, "Deployment marker prepared").state())
        .isEqualTo(ItemState.DONE);
  }

  @Test
  void theRunningImagesAreAnItemWithTheWatchsEvidence() {
    GateResult passing = RealGates.postDeployPassing();
    List<CheckResult> checks = new java.util.ArrayList<>(passing.checks());
    checks.add(
        CheckResult.fail(
            "approved images",
            "Expecting service \"api\" to run the approved image sha256:a1a1a1a1a1a1"
                + " (examples/api:5d6e7f8) but container p-api-1 runs sha256:b2b2b2b2b2b2",
            ""));
    GateResult mismatched =
        passing.toBuilder()
            .verdict(dev.stagegate.report.Verdict.FAIL)
            .checks(checks)
            .failures(List.of(checks.get(checks.size() - 1).detail()))
            .build();
    ChecklistItem item =
        phase(report(mismatched), DeployFacts.none(), 1, "Deployed images are the approved ones");
    assertThat(item.state()).isEqualTo(ItemState.FAILED);
    assertThat(item.evidence())
        .isEqualTo(
            "gate DeployedIT#deployedStagingIsHealthy: approved images FAIL; Expecting service"
                + " \"api\" to run the approved image sha256:a1a1a1a1a1a1 (examples/api:5d6e7f8)"
                + " but container p-api-1 runs sha256:b2b2b2b2b2b2");
  }

  @Test
  void aFailingPostDeployWatchNamesWhatFailed() {
    GateResult failing =
        RealGates.postDeploy(
            Verdict.FAIL,
            RealGates.postChecks(
                CheckResult.fail(
                    "deployment marker",
                    "marker commit 1a2b3c4 in service \"api\" is not HEAD 5d6e7f8: the container"
                        + " runs an older build",
                    "{}"),
                CheckResult.fail(
                    "hook metric system_state_status",
                    "hook \"metric system_state_status\" failed: metric system_state_status"
                        + " expected 0 but was 2",
                    "system_state_status 2"),
                CheckResult.fail("watch", "worker die (exit code 3)", "")),
            List.of(
                RealGates.service("api", false, "running", "healthy"),
                RealGates.service("worker", false, "exited", "none", 1, 3, false, List.of())));
    AuditReport r = report(failing);
    assertThat(phase(r, DeployFacts.none(), 1, "Deployment marker verified"))
        .extracting(ChecklistItem::state)
        .isEqualTo(ItemState.FAILED);
    assertThat(phase(r, DeployFacts.none(), 1, "Background workers"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate DeployedIT#deployedStagingIsHealthy: worker exited (exit code 3)");
    assertThat(phase(r, DeployFacts.none(), 2, "system_state_status").evidence())
        .endsWith("metric system_state_status expected 0 but was 2");
    assertThat(phase(r, DeployFacts.none(), 2, "Post-deploy watch"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.FAILED,
            "gate DeployedIT#deployedStagingIsHealthy: watch FAIL; worker die (exit code 3)");
    assertThat(phase(r, DeployFacts.none(), 0, "Deployment marker prepared").state())
        .as("a wrong marker on the target is the during item's failure")
        .isEqualTo(ItemState.MANUAL);
  }

  @Test
  void aShortenedOrInconclusiveWatchSaysSo() {
    GateResult shortened =
        RealGates.gate(
            RealGates.POST_ID,
            GateKind.POST_DEPLOY_WATCH,
            Verdict.PASS_SHORTENED,
            RealGates.postChecks(
                RealGates.markerPass(),
                RealGates.metricPass(),
                CheckResult.pass("watch", "watched 2 min without a failure", "")),
            List.of(RealGates.service("api", false, "running", "healthy")),
            List.of(),
            RealGates.burnIn(Duration.ofMinutes(2), List.of()));
    assertThat(phase(report(shortened), DeployFacts.none(), 2, "Post-deploy watch"))
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .as("a shortened watch is never shown done")
        .containsExactly(
            ItemState.MANUAL,
            "gate DeployedIT#deployedStagingIsHealthy: PASS_SHORTENED (2 min of 4 h requested);"
                + " watched 2 min without a failure");
    GateResult inconclusive =
        RealGates.postDeploy(
            Verdict.INCONCLUSIVE,
            RealGates.postChecks(
                RealGates.markerPass(),
                RealGates.metricPass(),
                RealGates.skipped("watch", "the Docker event stream broke")),
            List.of());
    assertThat(phase(report(inconclusive), DeployFacts.none(), 2, "Post-deploy watch").state())
        .isEqualTo(ItemState.MANUAL);
  }

  @Test
  void theMarkerFactWinsOverTheAudit() {
    AuditReport r = report(RealGates.smoke());
    assertThat(phase(r, DeployFacts.none(), 1, "Deployment marker verified").evidence())
        .isEqualTo("no @PostDeployWatch in this audit: check the deployed target");
    assertThat(
            phase(r, DeployFacts.none().withMarkerVerified(false), 1, "Deployment marker verified")
                .state())
        .isEqualTo(ItemState.FAILED);
    assertThat(
            phase(r, DeployFacts.none().withMarkerVerified(true), 0, "Deployment marker prepared")
                .state())
        .isEqualTo(ItemState.DONE);
  }
}
