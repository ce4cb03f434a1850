package dev.stagegate.report.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.approval.ApprovalRefusal.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalCheckTest {
  @TempDir Path tmp;

  private static List<Reason> reasons(List<ApprovalRefusal> problems) {
    return problems.stream().map(ApprovalRefusal::reason).toList();
  }

  @Test
  void anApprovedUnchangedPassingAuditOfTheCommitIsAllowed() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Approvals.approve(md, "alice", "ok", ApprovalsTest.CLOCK);
    ApprovalStatus status = ApprovalCheck.of(md).expectingCommit(AuditOnDisk.HEAD).run();
    assertThat(status.problems()).isEmpty();
    assertThat(status.approved()).isTrue();
    assertThat(status.record()).get().extracting(ApprovalRecord::reviewer).isEqualTo("alice");
  }

  @Test
  void anEditedAuditNamesBothDigestsTheReviewerAndTheTime() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    ApprovalRecord record = Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    Files.writeString(md, "\n(edited)\n", StandardOpenOption.APPEND);
    String now = AuditDigest.sha256(md);

    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();

    assertThat(problems)
        .containsExactly(
            new ApprovalRefusal(
                Reason.AUDIT_CHANGED,
                "The audit changed after it was approved: stability_audit.md has SHA-256 "
                    + now.substring(0, 12)
                    + "… but alice approved "
                    + record.auditSha256().substring(0, 12)
                    + "… at 2026-11-23 14:02 UTC; re-review it and approve again."));
  }

  @Test
  void aRerunGateIsOneChangeAndAnEditedTwinAloneIsNamed() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    AuditOnDisk.write(
        new AuditReport(
            AuditReport.SCHEMA_VERSION,
            AuditFixtures.T0.plusSeconds(60),
            List.of(AuditFixtures.passingGate())),
        tmp);
    assertThat(ApprovalCheck.of(md).problems())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.AUDIT_CHANGED);
              assertThat(r.message()).contains("stability_audit.md (and its JSON twin) has");
            });

    Path other = AuditOnDisk.passing(tmp.resolve("b"));
    Approvals.approve(other, "bob", "", ApprovalsTest.CLOCK);
    Path json = ApprovalRecord.jsonTwin(other);
    Files.writeString(json, Files.readString(json).replace("\"PASS\"", "\"PASS\" "));
    assertThat(ApprovalCheck.of(other).problems())
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("stability_audit.json has SHA-256"));
  }

  @Test
  void noApprovalSaysHowToApprove() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    assertThat(ApprovalCheck.of(md).problems())
        .containsExactly(
            new ApprovalRefusal(
                Reason.NO_APPROVAL,
                "Nobody approved stability_audit.md: there is no approval at "
                    + tmp.resolve("stability_audit.approval.json")
                    + "; have a reviewer read the audit and run ApprovalCli approve --audit "
                    + md
                    + " --reviewer NAME."));
  }

  @Test
  void noAuditIsTheOnlyProblemReported() {
    Path md = tmp.resolve("stability_audit.md");
    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();
    assertThat(reasons(problems)).containsExactly(Reason.NO_AUDIT);
    assertThat(problems.get(0).message())
        .startsWith("There is no audit to deploy from: there is no audit at ")
        .endsWith(
            "; run the gate (mvn verify), have the audit reviewed and approved, then deploy.");
  }

  @Test
  void aMissingTwinIsReportedAndTheApprovalStillChecked() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Files.delete(ApprovalRecord.jsonTwin(md));
    assertThat(reasons(ApprovalCheck.of(md).problems()))
        .containsExactly(Reason.NO_AUDIT, Reason.NO_APPROVAL);
  }

  @Test
  void theVerdictIsReadFromTheAuditNotFromTheApproval() throws Exception {
    Path md = AuditOnDisk.failing(tmp);
    ApprovalRecord forged =
        new ApprovalRecord(
            "mallory",
            ApprovalsTest.CLOCK.instant(),
            AuditOnDisk.HEAD,
            "stability_audit.md",
            AuditDigest.sha256(md),
            AuditDigest.sha256(ApprovalRecord.jsonTwin(md)),
            dev.stagegate.report.Verdict.PASS,
            "");
    forged.writeTo(ApprovalRecord.defaultPath(md));
    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();
    assertThat(reasons(problems)).containsExactly(Reason.VERDICT_NOT_PASS);
    assertThat(problems.get(0).message())
        .startsWith(
            "The audit's verdict is FAIL (at least one check failed; read from"
                + " stability_audit.json) and the approval records no reason to accept it")
        .contains("--accept \"REASON\"");
  }

  @Test
  void aShortenedAuditApprovedWithoutAReasonIsRefusedNamingTheWayOut() throws Exception {
    Path md = AuditOnDisk.shortened(tmp);
    // an approval of the same bytes, hand-made without a reason (as a pre-PASS_SHORTENED one was)
    new ApprovalRecord(
            "alice",
            ApprovalsTest.CLOCK.instant(),
            AuditOnDisk.HEAD,
            "stability_audit.md",
            AuditDigest.sha256(md),
            AuditDigest.sha256(ApprovalRecord.jsonTwin(md)),
            dev.stagegate.report.Verdict.PASS_SHORTENED,
            "")
        .writeTo(ApprovalRecord.defaultPath(md));
    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();
    assertThat(reasons(problems)).containsExactly(Reason.VERDICT_NOT_PASS);
    assertThat(problems.get(0).message())
        .startsWith("The audit's verdict is PASS_SHORTENED (nothing failed in the time watched")
        .contains("ApprovalCli approve --audit " + md + " --reviewer NAME --accept \"REASON\"");
  }

  @Test
  void aShortenedAuditApprovedWithAReasonAllowsTheDeploy() throws Exception {
    Path md = AuditOnDisk.shortened(tmp);
    Approvals.approve(
        md,
        "alice",
        "",
        java.util.Optional.empty(),
        java.util.Optional.of("burn-in shortened in CI"),
        ApprovalsTest.CLOCK);
    ApprovalStatus status = ApprovalCheck.of(md).expectingCommit(AuditOnDisk.HEAD).run();
    assertThat(status.problems()).isEmpty();
    assertThat(status.record().orElseThrow().accepted()).isEqualTo("burn-in shortened in CI");
  }

  @Test
  void anAcceptanceCountsOnlyForTheVerdictItAccepted() throws Exception {
    // accepting PASS_SHORTENED does not accept a FAIL written over it with the same digests
    Path md = AuditOnDisk.failing(tmp);
    new ApprovalRecord(
            "alice",
            ApprovalsTest.CLOCK.instant(),
            AuditOnDisk.HEAD,
            "stability_audit.md",
            AuditDigest.sha256(md),
            AuditDigest.sha256(ApprovalRecord.jsonTwin(md)),
            dev.stagegate.report.Verdict.PASS_SHORTENED,
            "",
            "burn-in shortened in CI")
        .writeTo(ApprovalRecord.defaultPath(md));
    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();
    assertThat(reasons(problems)).containsExactly(Reason.VERDICT_NOT_PASS);
    assertThat(problems.get(0).message())
        .contains("The audit's verdict is FAIL")
        .contains("but the approval accepted PASS_SHORTENED");
  }

  @Test
  void aCommitMismatchNamesBothShortCommits() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    assertThat(ApprovalCheck.of(md).expectingCommit("abcdef0123").problems())
        .containsExactly(
            new ApprovalRefusal(
                Reason.COMMIT_MISMATCH,
                "The approved audit was made on commit 2222222 (approved by alice at 2026-11-23"
                    + " 14:02 UTC) but the commit to deploy is abcdef0: run the gate on abcdef0"
                    + " and have that audit approved, or deploy 2222222."));
  }

  @Test
  void abbreviatedCommitsMatchByPrefixOfAtLeastSevenDigits() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    assertThat(ApprovalCheck.of(md).expectingCommit("2222222").problems()).isEmpty();
    assertThat(ApprovalCheck.of(md).expectingCommit("2222222222AB").problems())
        .extracting(ApprovalRefusal::reason)
        .containsExactly(Reason.COMMIT_MISMATCH);
    assertThatThrownBy(() -> ApprovalCheck.of(md).expectingCommit("222222"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 to 64 hex digits");
  }

  @Test
  void aMalformedApprovalSaysWhereAndWhat() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Path approval = ApprovalRecord.defaultPath(md);
    Files.writeString(approval, "{\"reviewer\": \"alice\"}\n");
    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();
    assertThat(reasons(problems)).containsExactly(Reason.MALFORMED_APPROVAL);
    assertThat(problems.get(0).message())
        .startsWith("The approval cannot be used: " + approval + " is not a valid approval")
        .contains("approved_at")
        .endsWith("--reviewer NAME.");

    Files.writeString(approval, "not json");
    assertThat(reasons(ApprovalCheck.of(md).problems())).containsExactly(Reason.MALFORMED_APPROVAL);
  }

  @Test
  void anApprovalFromElsewhereCanBeGivenAndMustBeForThisAudit() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    ApprovalRecord record = Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    Path elsewhere = tmp.resolve("approvals/prod.json");
    Files.createDirectories(elsewhere.getParent());
    Files.move(ApprovalRecord.defaultPath(md), elsewhere);
    assertThat(ApprovalCheck.of(md).withApproval(elsewhere).problems()).isEmpty();

    new ApprovalRecord(
            record.reviewer(),
            record.approvedAt(),
            record.commit(),
            "other_audit.md",
            record.auditSha256(),
            record.jsonSha256(),
            record.verdict(),
            "")
        .writeTo(elsewhere);
    assertThat(ApprovalCheck.of(md).withApproval(elsewhere).problems())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.AUDIT_CHANGED);
              assertThat(r.message()).contains("is for other_audit.md, not for stability_audit.md");
            });
  }
}
