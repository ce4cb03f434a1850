package dev.stagegate.report.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalCliTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return ApprovalCli.run(
        args,
        ApprovalsTest.CLOCK,
        tmp,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void approveThenCheckPasses() throws Exception {
    AuditOnDisk.passing(tmp.resolve("target/stagegate"));
    int approved =
        run(
            "approve",
            "--audit",
            "target/stagegate/stability_audit.md",
            "--reviewer",
            "alice",
            "--comment=burn-in flat");
    assertThat(approved).as(err()).isZero();
    Path written = tmp.resolve("target/stagegate/stability_audit.approval.json");
    assertThat(out())
        .isEqualTo(
            "Approved stability_audit.md (PASS, commit 2222222) as alice: wrote "
                + written.toAbsolutePath().normalize()
                + System.lineSeparator());
    assertThat(ApprovalRecord.read(written).comment()).isEqualTo("burn-in flat");

    out.reset();
    assertThat(
            run("check", "--audit", "target/stagegate/stability_audit.md", "--commit", "2222222"))
        .as(err())
        .isZero();
    assertThat(out())
        .isEqualTo(
            "stability_audit.md is approved: alice at 2026-11-23 14:02 UTC, commit 2222222,"
                + " unchanged since"
                + System.lineSeparator());
  }

  @Test
  void checkPrintsEveryRefusalAndExitsOne() throws Exception {
    Path md = AuditOnDisk.failing(tmp);
    assertThat(run("check", "--audit", "stability_audit.md")).isEqualTo(1);
    assertThat(err().lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("VERDICT_NOT_PASS: The audit's verdict is FAIL"))
        .anySatisfy(l -> assertThat(l).startsWith("NO_APPROVAL: Nobody approved"));
    assertThat(md).exists();
  }

  @Test
  void approveRefusesAFailingAuditWithExitOne() throws Exception {
    AuditOnDisk.failing(tmp);
    assertThat(run("approve", "--audit", "stability_audit.md", "--reviewer", "alice")).isEqualTo(1);
    assertThat(err()).contains("its verdict is FAIL (at least one check failed), not PASS");
    assertThat(err()).contains("--accept \"REASON\"");
    assertThat(tmp.resolve("stability_audit.approval.json")).doesNotExist();
  }

  @Test
  void checkReadsTheApprovalFromAGivenPath() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    Files.move(ApprovalRecord.defaultPath(md), tmp.resolve("kept.json"));
    assertThat(run("check", "--audit", "stability_audit.md")).isEqualTo(1);
    assertThat(run("check", "--audit", "stability_audit.md", "--approval", "kept.json")).isZero();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("ApprovalCli: no command").contains("usage: ApprovalCli approve");
    assertThat(run("deploy")).isEqualTo(2);
    assertThat(run("approve", "--audit", "a.md")).isEqualTo(2);
    assertThat(err()).contains("missing --reviewer");
    assertThat(run("check", "--audit", "a.md", "--reviewer", "x")).isEqualTo(2);
    assertThat(err()).contains("unknown option --reviewer for check");
    assertThat(run("check", "--audit")).isEqualTo(2);
    assertThat(run("check", "--audit", "a.md", "--commit", "xyz")).isEqualTo(2);
    assertThat(err()).contains("--commit must be 7 to 64 hex digits");
    assertThat(run("check", "--audit", "a.md", "--audit", "b.md")).isEqualTo(2);
    assertThat(err()).contains("--audit given twice");
  }

  @Test
  void approveRefusesAShortenedBurnInWithoutAcceptAndNamesIt() throws Exception {
    AuditOnDisk.shortened(tmp);
    assertThat(run("approve", "--audit", "stability_audit.md", "--reviewer", "alice")).isEqualTo(1);
    assertThat(err())
        .contains("its verdict is PASS_SHORTENED (nothing failed in the time watched")
        .contains("--accept \"REASON\"");
    assertThat(tmp.resolve("stability_audit.approval.json")).doesNotExist();
  }

  @Test
  void anEmptyAcceptIsAUsageError() throws Exception {
    AuditOnDisk.shortened(tmp);
    assertThat(run("approve", "--audit", "stability_audit.md", "--reviewer", "alice", "--accept="))
        .isEqualTo(2);
    assertThat(tmp.resolve("stability_audit.approval.json")).doesNotExist();
  }

  @Test
  void approveWithAcceptRecordsTheReasonAndCheckShowsItAsAccepted() throws Exception {
    AuditOnDisk.shortened(tmp);
    int approved =
        run(
            "approve",
            "--audit",
            "stability_audit.md",
            "--reviewer",
            "alice",
            "--accept",
            "burn-in shortened in CI: the 4 h run is nightly");
    assertThat(approved).as(err()).isZero();
    assertThat(out())
        .startsWith(
            "⚠️ ACCEPTED stability_audit.md (PASS_SHORTENED, commit 2222222) as alice accepting it:"
                + " \"burn-in shortened in CI: the 4 h run is nightly\": wrote ");
    assertThat(ApprovalRecord.read(tmp.resolve("stability_audit.approval.json")).accepted())
        .isEqualTo("burn-in shortened in CI: the 4 h run is nightly");

    out.reset();
    assertThat(run("check", "--audit", "stability_audit.md", "--commit", "2222222"))
        .as(err())
        .isZero();
    assertThat(out())
        .contains("is approved: alice")
        .contains(
            "; ⚠️ ACCEPTED PASS_SHORTENED: \"burn-in shortened in CI: the 4 h run is nightly\"");
  }

  @Test
  void checkRefusesAShortenedAuditWhoseApprovalAcceptsNothing() throws Exception {
    Path md = AuditOnDisk.shortened(tmp);
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
    assertThat(run("check", "--audit", "stability_audit.md")).isEqualTo(1);
    assertThat(err())
        .startsWith("VERDICT_NOT_PASS: The audit's verdict is PASS_SHORTENED")
        .contains("--accept \"REASON\"");
  }

  @Test
  void acceptOnAPassingAuditIsRefusedWithExitOne() throws Exception {
    AuditOnDisk.passing(tmp);
    assertThat(
            run(
                "approve",
                "--audit",
                "stability_audit.md",
                "--reviewer",
                "alice",
                "--accept",
                "just in case"))
        .isEqualTo(1);
    assertThat(err()).contains("its verdict is PASS, so there is nothing to accept");
    assertThat(tmp.resolve("stability_audit.approval.json")).doesNotExist();
  }
}
