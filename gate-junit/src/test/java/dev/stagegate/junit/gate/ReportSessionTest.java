package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.AuditDigest;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSessionTest {
  @TempDir Path tmp;

  @Test
  void testReportsAreSurefiresAndFailsafesUnlessConfigured() {
    assertThat(ReportSession.testReportDirs(Optional.empty()))
        .containsExactly(Path.of("target/surefire-reports"), Path.of("target/failsafe-reports"));
    assertThat(ReportSession.testReportDirs(Optional.of(" "))).hasSize(2);
    assertThat(ReportSession.testReportDirs(Optional.of("ci/unit, ci/it ,")))
        .containsExactly(Path.of("ci/unit"), Path.of("ci/it"));
  }

  @Test
  void theRecordedDeploymentRewritesTheMarkdownOnlyWithTheBlockAndTheTests() throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("failsafe-reports"));
    Files.writeString(
        reports.resolve("TEST-x.DeployIT.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"x.DeployIT\" tests=\"3\""
            + " errors=\"0\" skipped=\"0\" failures=\"0\">\n  <testcase name=\"a\"/>\n"
            + "  <testcase name=\"b\"/>\n  <testcase name=\"c\"/>\n</testsuite>\n");
    Path dir = tmp.resolve("deploy");
    ReportSession session =
        new ReportSession(
            dir,
            "host",
            key ->
                key.equals(ReportSession.TEST_REPORTS)
                    ? Optional.of(tmp.resolve("none") + "," + reports)
                    : Optional.empty());
    GateResult watch =
        GateResult.builder("x.DeployIT#watch", GateKind.POST_DEPLOY_WATCH)
            .displayName("watch()")
            .verdict(Verdict.PASS)
            .startedAt(Instant.parse("2026-12-07T07:14:08Z"))
            .duration(Duration.ofSeconds(31))
            .composeFile("unix:///var/run/docker.sock")
            .project("agents-staging")
            .engine(new EngineInfo("26.1.5", "1.45", "n/a (deployed target)"))
            .checks(List.of(CheckResult.pass("watch", "watched 30 s without a failure", "")))
            .services(List.of())
            .failures(List.of())
            .build();
    session.add(watch);
    byte[] json = Files.readAllBytes(session.json());
    String before = Files.readString(session.markdown());
    assertThat(before).doesNotContain("] DEPLOYMENT");

    DeploymentEntry entry =
        new DeploymentEntry(
            Instant.parse("2026-12-07T07:14:40Z"),
            "0.1.0",
            "415242fc3aba50e554e825da0203198e96ee37b7",
            "staging",
            "root",
            Outcome.SUCCESS,
            Duration.ofSeconds(31),
            List.of(),
            AuditDigest.sha256(session.json()),
            "");
    session.recorded(entry);
    String after = Files.readString(session.markdown());
    assertThat(after)
        .contains("```text\n[2026-12-07 07:14:40] DEPLOYMENT\nVersion: 0.1.0\nCommit: 415242f\n")
        .contains(
            "| ✅ DONE | Tests passing | 3 tests, 0 failures, 0 errors (1 report in "
                + reports
                + ") |")
        .contains("- Docker host: `unix:///var/run/docker.sock`");
    assertThat(Files.readAllBytes(session.json()))
        .as("the JSON twin, whose SHA-256 the entry keeps, is not rewritten")
        .isEqualTo(json);
    assertThat(AuditDigest.sha256(session.json())).isEqualTo(entry.auditSha256());
  }
}
