package dev.stagegate.report.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.deploy.change.TestRepo;
import dev.stagegate.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T14:02:11Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void approvalBindsBothDigestsTheVerdictAndTheAuditsOwnCommit() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    ApprovalRecord record = Approvals.approve(md, " alice ", "burn-in flat", CLOCK);

    assertThat(record)
        .isEqualTo(
            new ApprovalRecord(
                "alice",
                CLOCK.instant(),
                AuditOnDisk.HEAD,
                "stability_audit.md",
                AuditDigest.sha256(md),
                AuditDigest.sha256(tmp.resolve("stability_audit.json")),
                Verdict.PASS,
                "burn-in flat"));
    Path written = tmp.resolve("stability_audit.approval.json");
    assertThat(ApprovalRecord.defaultPath(md)).isEqualTo(written);
    assertThat(ApprovalRecord.read(written)).isEqualTo(record);
    assertThat(Files.readString(written))
        .startsWith("{\n  \"reviewer\": \"alice\",\n  \"approved_at\": \"2026-11-23T14:02:11Z\",")
        .contains("\"audit_sha256\": \"" + record.auditSha256() + "\"")
        .endsWith("}\n");
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()))
        .as("no temporary file left")
        .containsExactlyInAnyOrder(
            "stability_audit.md", "stability_audit.json", "stability_audit.approval.json");
  }

  @Test
  void aFailingAuditIsNothingToDeploy() throws Exception {
    Path md = AuditOnDisk.failing(tmp);
    assertThatThrownBy(() -> Approvals.approve(md, "alice", "", CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessage(
            "Cannot approve "
                + md
                + ": its verdict is FAIL (at least one check failed), not PASS. Fix what the audit"
                + " lists under the verdict and re-run the gate, or, if it is to be deployed"
                + " anyway, record why: ApprovalCli approve --audit "
                + md
                + " --reviewer NAME --accept \"REASON\" (shown as ⚠️ ACCEPTED, never ✅).");
    assertThat(ApprovalRecord.defaultPath(md)).doesNotExist();
  }

  @Test
  void aShortenedBurnInIsNotApprovableWithoutAReason() throws Exception {
    Path md = AuditOnDisk.shortened(tmp);
    assertThatThrownBy(() -> Approvals.approve(md, "alice", "looks fine", CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("its verdict is PASS_SHORTENED (nothing failed in the time watched")
        .hasMessageContaining("--accept \"REASON\"");
    assertThat(ApprovalRecord.defaultPath(md)).doesNotExist();
  }

  @Test
  void aBlankReasonIsNoReason() throws Exception {
    Path md = AuditOnDisk.shortened(tmp);
    assertThatThrownBy(
            () -> Approvals.approve(md, "alice", "", Optional.empty(), Optional.of("   "), CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("PASS_SHORTENED");
    assertThat(ApprovalRecord.defaultPath(md)).doesNotExist();
  }

  @Test
  void aShortenedBurnInIsApprovedWithTheReasonRecorded() throws Exception {
    Path md = AuditOnDisk.shortened(tmp);
    ApprovalRecord record =
        Approvals.approve(
            md,
            "alice",
            "",
            Optional.empty(),
            Optional.of("burn-in shortened in CI: the 4 h run is nightly"),
            CLOCK);
    assertThat(record.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    assertThat(record.acceptsNonPass()).isTrue();
    ApprovalRecord read = ApprovalRecord.read(ApprovalRecord.defaultPath(md));
    assertThat(read.accepted()).isEqualTo("burn-in shortened in CI: the 4 h run is nightly");
    assertThat(Files.readString(ApprovalRecord.defaultPath(md)))
        .contains("\"accepted\": \"burn-in shortened in CI: the 4 h run is nightly\"");
  }

  @Test
  void aPassingAuditHasNothingToAccept() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    assertThatThrownBy(
            () ->
                Approvals.approve(
                    md, "alice", "", Optional.empty(), Optional.of("just in case"), CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("its verdict is PASS, so there is nothing to accept");
    assertThat(ApprovalRecord.defaultPath(md)).doesNotExist();
  }

  @Test
  void anApprovalWrittenBeforeAcceptedExistedStillReads() {
    ApprovalRecord old =
        ApprovalRecord.parse(
            "{\"reviewer\": \"alice\", \"approved_at\": \"2026-11-23T14:02:11Z\","
                + " \"commit\": \"5d6e7f8\", \"audit_file\": \"stability_audit.md\","
                + " \"audit_sha256\": \""
                + "a".repeat(64)
                + "\", \"json_sha256\": \""
                + "b".repeat(64)
                + "\", \"verdict\": \"PASS\", \"comment\": \"\"}",
            "old.json");
    assertThat(old.accepted()).isEmpty();
    assertThat(old.acceptsNonPass()).isFalse();
  }

  @Test
  void aMissingAuditOrTwinIsRefusedWithTheFix() throws Exception {
    Path md = tmp.resolve("stability_audit.md");
    assertThatThrownBy(() -> Approvals.approve(md, "alice", "", CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("there is no audit at " + md.toAbsolutePath())
        .hasMessageContaining("run the gate (mvn verify)");

    AuditOnDisk.passing(tmp);
    Files.delete(tmp.resolve("stability_audit.json"));
    assertThatThrownBy(() -> Approvals.approve(md, "alice", "", CLOCK))
        .hasMessageContaining("JSON twin " + tmp.resolve("stability_audit.json").toAbsolutePath())
        .hasMessageContaining("is missing");
  }

  @Test
  void aMalformedTwinIsRefusedWithItsPosition() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Files.writeString(tmp.resolve("stability_audit.json"), "{\"schemaVersion\": 1,\n  oops");
    assertThatThrownBy(() -> Approvals.approve(md, "alice", "", CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("is malformed")
        .hasMessageContaining("stability_audit.json:2:3");
  }

  @Test
  void anExplicitCommitMustAgreeWithTheAuditsOwn() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    assertThat(Approvals.approve(md, "alice", null, Optional.of("2222222"), CLOCK).commit())
        .isEqualTo(AuditOnDisk.HEAD);
    assertThatThrownBy(() -> Approvals.approve(md, "alice", null, Optional.of("3333333"), CLOCK))
        .hasMessageContaining("it was made on commit 2222222 but --commit says 3333333");
  }

  @Test
  void withoutAChangeSummaryTheCommitIsGivenOrHeadOfTheRepository() throws Exception {
    Path dir = tmp.resolve("target/stagegate");
    Path md = AuditOnDisk.passingWithoutChange(dir);
    assertThatThrownBy(() -> Approvals.approve(md, "alice", "", CLOCK))
        .isInstanceOf(ApprovalException.class)
        .hasMessageContaining("the audit names no commit")
        .hasMessageContaining("give the commit the gate ran on with --commit SHA");
    assertThat(Approvals.approve(md, "alice", "", Optional.of("abcdef0123456789"), CLOCK).commit())
        .isEqualTo("abcdef0123456789");
    try (TestRepo repo = TestRepo.init(tmp)) {
      RevCommit head = repo.commit("a.txt", "a", "first");
      assertThat(Approvals.approve(md, "alice", "", CLOCK).commit()).isEqualTo(head.name());
    }
  }

  @Test
  void aBlankReviewerIsAnArgumentError() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    assertThatThrownBy(() -> Approvals.approve(md, " ", "", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reviewer must not be null or blank");
  }
}
