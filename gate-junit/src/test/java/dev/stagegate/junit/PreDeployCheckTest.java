package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.PreDeployGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.approval.Approvals;
import dev.stagegate.report.approval.AuditDigest;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.writer.AuditFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @PreDeployCheck} through EngineTestKit: every refusal of the deploy policy fails the check
 * with its reason and its way out, and an approved, unchanged audit of this commit passes. Files
 * only: no Docker.
 */
class PreDeployCheckTest {
  private static final String COMMIT = "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0";
  private static final String OTHER = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;
  private Path audit;
  private Path marker;
  private Path deployDir;
  private final Map<String, String> config = new HashMap<>();

  @BeforeEach
  void aPassingApprovedAuditAndAPreparedMarker() throws Exception {
    audit = writeAudit(gate(GateKind.HEALTHY_SMOKE, Verdict.PASS));
    Approvals.approve(audit, "alice", "burn-in flat", Optional.of(COMMIT), Clock.systemUTC());
    marker = tmp.resolve("ctx/.deployment_marker");
    new DeploymentMarker("1.4.0", Instant.now(), COMMIT, "staging", "ci").writeTo(marker);
    deployDir = tmp.resolve("deploy");
    config.put("stagegate.approval.audit", audit.toString());
    config.put("stagegate.deploy.expected-commit", COMMIT);
    config.put("stagegate.deploy.marker-file", marker.toString());
  }

  @Test
  void anApprovedUnchangedAuditOfThisCommitPasses() throws Exception {
    Events events = run();
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    GateResult g = onlyGate();
    assertThat(g.kind()).isEqualTo(GateKind.PRE_DEPLOY_CHECK);
    assertThat(g.verdict()).isEqualTo(Verdict.PASS);
    assertThat(check(g, "approval").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check(g, "approval").detail()).contains("approved by alice", "5d6e7f8");
    assertThat(check(g, "deployment marker").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check(g, "deploy window").status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(check(g, "rollback drill").status()).isEqualTo(CheckStatus.SKIPPED);
    // the deploy step writes its own audit; the approved one is left as it was approved
    assertThat(Files.exists(deployDir.resolve("stability_audit.md"))).isTrue();
    assertThat(ApprovalRecord.read(ApprovalRecord.defaultPath(audit)).auditSha256())
        .isEqualTo(AuditDigest.sha256(audit));
  }

  @Test
  void noApprovalRefusesAndSaysHowToApprove() throws Exception {
    Files.delete(ApprovalRecord.defaultPath(audit));
    assertRefused("approval: ", "Nobody approved", "ApprovalCli approve");
  }

  @Test
  void anAuditChangedAfterApprovalRefuses() throws Exception {
    Files.writeString(audit, "\n<!-- edited -->\n", StandardOpenOption.APPEND);
    assertRefused("The audit changed after it was approved", "alice", "approve again");
  }

  @Test
  void anApprovalOfAnotherCommitRefuses() {
    config.put("stagegate.deploy.expected-commit", OTHER);
    assertRefused("approval: ", "5d6e7f8", "0123456");
  }

  @Test
  void anAuditThatDidNotPassRefusesEvenWithAnApprovalRecord() throws Exception {
    // Approvals.approve refuses a FAIL audit; a hand-made record must not get it through either
    Path failing = writeAudit(gate(GateKind.HEALTHY_SMOKE, Verdict.FAIL));
    new ApprovalRecord(
            "mallory",
            Instant.now(),
            COMMIT,
            failing.getFileName().toString(),
            AuditDigest.sha256(failing),
            AuditDigest.sha256(ApprovalRecord.jsonTwin(failing)),
            Verdict.PASS,
            "looks fine")
        .writeTo(ApprovalRecord.defaultPath(failing));
    config.put("stagegate.approval.audit", failing.toString());
    assertRefused("The audit's verdict is FAIL", "--accept");
  }

  @Test
  void aShortenedBurnInApprovedWithoutAReasonRefusesAndNamesAccept() throws Exception {
    // Approvals.approve refuses it without --accept; a record of the same bytes made without a
    // reason (as every approval before PASS_SHORTENED was) must not get it through either
    Path shortened =
        writeAudit(
            gate(GateKind.HEALTHY_SMOKE, Verdict.PASS),
            gate(GateKind.BURN_IN, Verdict.PASS_SHORTENED));
    new ApprovalRecord(
            "alice",
            Instant.now(),
            COMMIT,
            shortened.getFileName().toString(),
            AuditDigest.sha256(shortened),
            AuditDigest.sha256(ApprovalRecord.jsonTwin(shortened)),
            Verdict.PASS_SHORTENED,
            "looks fine")
        .writeTo(ApprovalRecord.defaultPath(shortened));
    config.put("stagegate.approval.audit", shortened.toString());
    assertRefused(
        "The audit's verdict is PASS_SHORTENED",
        "the approval records no reason to accept it",
        "--accept \"REASON\"");
  }

  @Test
  void aShortenedBurnInAcceptedWithAReasonDeploysAndShowsItAsAcceptedNeverDone() throws Exception {
    Path shortened =
        writeAudit(
            gate(GateKind.HEALTHY_SMOKE, Verdict.PASS),
            gate(GateKind.BURN_IN, Verdict.PASS_SHORTENED));
    Approvals.approve(
        shortened,
        "alice",
        "",
        Optional.of(COMMIT),
        Optional.of("burn-in shortened in CI: the 4 h run is nightly"),
        Clock.systemUTC());
    config.put("stagegate.approval.audit", shortened.toString());
    run().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    CheckResult approval = check(onlyGate(), "approval");
    assertThat(approval.status()).isEqualTo(CheckStatus.PASS);
    assertThat(approval.detail())
        .contains(
            "⚠️ ACCEPTED PASS_SHORTENED: \"burn-in shortened in CI: the 4 h run is nightly\"");
    String deployRecord = Files.readString(deployDir.resolve("stability_audit.md"));
    assertThat(deployRecord)
        .contains("| ⚠️ ACCEPTED | Audit approved and unchanged since |")
        .contains("| ⚠️ ACCEPTED | Staging verification passed (smoke and burn-in) |")
        .contains("burn-in shortened in CI: the 4 h run is nightly")
        .doesNotContain("| ✅ DONE | Audit approved")
        .doesNotContain("| ✅ DONE | Staging verification");
  }

  @Test
  void anAcceptedFailIsStillNotAcceptedForAnotherVerdict() throws Exception {
    // the acceptance names the verdict the reviewer saw: a FAIL audit under it is refused
    Path failing = writeAudit(gate(GateKind.HEALTHY_SMOKE, Verdict.FAIL));
    new ApprovalRecord(
            "mallory",
            Instant.now(),
            COMMIT,
            failing.getFileName().toString(),
            AuditDigest.sha256(failing),
            AuditDigest.sha256(ApprovalRecord.jsonTwin(failing)),
            Verdict.PASS_SHORTENED,
            "",
            "shortened in CI")
        .writeTo(ApprovalRecord.defaultPath(failing));
    config.put("stagegate.approval.audit", failing.toString());
    assertRefused("The audit's verdict is FAIL", "but the approval accepted PASS_SHORTENED");
  }

  @Test
  void aMalformedApprovalRefusesAndSaysWhere() throws Exception {
    Files.writeString(ApprovalRecord.defaultPath(audit), "{\"reviewer\": \"alice\",");
    assertRefused("approval: ", "The approval cannot be used", "approve");
  }

  @Test
  void noAuditAtAllRefusesAndSaysToRunTheGate() throws Exception {
    config.put("stagegate.approval.audit", tmp.resolve("nowhere/stability_audit.md").toString());
    assertRefused("There is no audit to deploy from", "mvn verify");
  }

  @Test
  void insideTheBlockedWindowRefusesAndNamesTheOverride() {
    config.put("stagegate.policy.blocked-window", windowAroundNow());
    Throwable t = assertRefused("deploy-window: It is ", "inside the blocked deploy window");
    assertThat(t).hasMessageContaining("stagegate.policy.override-reason");
  }

  @Test
  void anOverrideReasonLetsTheDeployThroughAndIsRecorded() throws Exception {
    config.put("stagegate.policy.blocked-window", windowAroundNow());
    config.put("stagegate.policy.override-reason", "hotfix for INC-123");
    run().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    CheckResult window = check(onlyGate(), CheckName.DEPLOY_WINDOW_OVERRIDDEN.id());
    assertThat(window.status()).isEqualTo(CheckStatus.PASS);
    assertThat(window.detail()).contains("deploy-window overridden at", "hotfix for INC-123");
    assertThat(onlyGate().checks())
        .extracting(CheckResult::name)
        .as("an override is not \"outside the window\"")
        .doesNotContain(CheckName.DEPLOY_WINDOW.id());
    String md = Files.readString(deployDir.resolve("stability_audit.md"));
    assertThat(md).contains("hotfix for INC-123");
    assertThat(md)
        .as("the deploy record shows the override as accepted, never done")
        .containsPattern(
            "\\| ⚠️ ACCEPTED \\| Outside the blocked deploy window \\| .*hotfix for INC-123")
        .doesNotContain("| ✅ DONE | Outside the blocked deploy window");
  }

  @Test
  void aMarkerOfAnotherCommitRefuses() throws Exception {
    new DeploymentMarker("1.4.0", Instant.now(), OTHER, "staging", "ci").writeTo(marker);
    assertRefused("marker: ", "0123456");
  }

  @Test
  void aMissingMarkerRefuses() throws Exception {
    Files.delete(marker);
    assertRefused("marker: ", "deployment marker");
  }

  @Test
  void aRequiredRollbackDrillThatIsMissingRefuses() {
    config.put("stagegate.policy.require-rollback-drill", "true");
    assertRefused("rollback-drill: ", "no rollback drill in the evidence");
  }

  @Test
  void aRequiredRollbackDrillInTheAuditPasses() throws Exception {
    audit =
        writeAudit(
            gate(GateKind.HEALTHY_SMOKE, Verdict.PASS),
            gate(GateKind.ROLLBACK_DRILL, Verdict.PASS));
    Approvals.approve(audit, "alice", "", Optional.of(COMMIT), Clock.systemUTC());
    config.put("stagegate.approval.audit", audit.toString());
    config.put("stagegate.policy.require-rollback-drill", "true");
    run().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(check(onlyGate(), "rollback drill").status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void everyRefusalIsListedNotJustTheFirst() throws Exception {
    Files.delete(ApprovalRecord.defaultPath(audit));
    Files.delete(marker);
    Throwable t = assertRefused("approval: ", "marker: ");
    assertThat(t).hasMessageContaining("(2 problems)");
  }

  @Test
  void writingTheDeployAuditOverTheApprovedOneIsAConfigurationError() {
    Events events = GateKit.run(PreDeployGate.class, audit.getParent(), config); // same directory
    assertThat(GateKit.onlyFailure(events))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("would write its own audit over the approved one")
        .hasMessageContaining("stagegate.report.dir");
  }

  @Test
  void aBadPolicyValueIsAConfigurationErrorNamingTheKey() {
    config.put("stagegate.policy.blocked-window", "9 to 5");
    assertThat(GateKit.onlyFailure(run()))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("stagegate.policy.blocked-window")
        .hasMessageContaining("9 to 5");
  }

  private Throwable assertRefused(String... expected) {
    Throwable t = GateKit.onlyFailure(run());
    assertThat(t).isInstanceOf(AssertionError.class);
    for (String e : expected) {
      assertThat(t).hasMessageContaining(e);
    }
    assertThat(onlyGate().verdict()).isEqualTo(Verdict.FAIL);
    return t;
  }

  private Events run() {
    return GateKit.run(PreDeployGate.class, deployDir, config);
  }

  private GateResult onlyGate() {
    try {
      AuditReport report = AuditJson.readReport(deployDir.resolve("stability_audit.json"));
      assertThat(report.gates()).hasSize(1);
      return report.gates().get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CheckResult check(GateResult g, String name) {
    return g.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** A blocked window of two hours around now, in UTC (it may cross midnight). */
  private static String windowAroundNow() {
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    return now.minusHours(1).format(hhmm) + "-" + now.plusHours(1).format(hhmm);
  }

  private Path writeAudit(GateResult... gates) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "gate");
    AuditFiles.write(AuditReport.of(List.of(gates)), dir);
    return AuditFiles.markdownPath(dir);
  }

  private static GateResult gate(GateKind kind, Verdict verdict) {
    return GateResult.builder(
            "StagingGateIT#" + kind.name().toLowerCase(java.util.Locale.ROOT), kind)
        .displayName("gate")
        .verdict(verdict)
        .startedAt(Instant.parse("2026-11-23T10:00:00Z"))
        .duration(Duration.ofSeconds(12))
        .composeFile("docker-compose.yml")
        .project("agents")
        .engine(new EngineInfo("20.10", "1.41", "1.29.2"))
        .checks(
            List.of(
                verdict.nothingFailed()
                    ? CheckResult.pass("healthy", "every service healthy", "")
                    : CheckResult.fail("healthy", "api unhealthy", "")))
        .services(List.of())
        .failures(
            verdict == Verdict.PASS
                ? List.of()
                : verdict == Verdict.PASS_SHORTENED
                    ? List.of("Watched 1.5 min of the 4 h requested")
                    : List.of("Expecting service \"api\" to be healthy"))
        .build();
  }
}
