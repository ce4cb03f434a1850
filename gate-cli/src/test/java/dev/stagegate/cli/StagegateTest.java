package dev.stagegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.assertions.SeriesJudge;
import dev.stagegate.assertions.logs.LogAuditCli;
import dev.stagegate.report.approval.ApprovalCli;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.journal.JournalRecovery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagegateTest {
  @TempDir Path tmp;

  /** What a command line did: its exit status and what it printed. */
  record Result(int status, String out, String err) {}

  static Result stagegate(String... args) {
    return run(Stagegate::run, args);
  }

  static Result run(Stagegate.Tool tool, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        tool.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static final List<String> NAMES =
      List.of("approve", "check", "override", "marker", "judge", "audit-log", "recover");

  static final List<String> OLD_NAMES =
      List.of("ApprovalCli", "MarkerCli", "SeriesJudge", "LogAuditCli", "JournalRecovery");

  @Test
  void helpListsEveryCommandOnALineOfItsOwn() {
    for (String help : List.of("--help", "-h", "help")) {
      Result r = stagegate(help);
      assertThat(r.status()).as(help).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).startsWith("usage: stagegate COMMAND [ARGS]");
      for (String name : NAMES) {
        assertThat(r.out().lines().filter(l -> l.matches("  " + name + " +\\S.*"))).hasSize(1);
      }
      assertThat(r.out()).contains("Exit status: 0 done; 1 the command refused");
    }
    assertThat(Stagegate.COMMANDS).extracting(Stagegate.Command::name).isEqualTo(NAMES);
  }

  @Test
  void noCommandOrAnUnknownOneExitsTwoWithTheList() {
    Result none = stagegate();
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).startsWith("stagegate: no command\n").endsWith(Stagegate.usage());

    Result unknown = stagegate("deploy", "--audit", "a.md");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("stagegate: unknown command deploy\n");
    assertThat(unknown.err()).contains(NAMES.stream().map(n -> "  " + n + " ").toList());

    assertThat(stagegate("help", "deploy").err()).startsWith("stagegate: unknown command deploy");
    assertThat(stagegate("help", "deploy").status()).isEqualTo(2);
  }

  @Test
  void everyCommandPrintsItsUsageForHelpAndExitsZero() {
    for (String name : NAMES) {
      for (String[] args :
          List.of(
              new String[] {name, "--help"},
              new String[] {name, "-h"},
              new String[] {"help", name})) {
        Result r = stagegate(args);
        assertThat(r.status()).as(String.join(" ", args)).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
            .startsWith("usage: stagegate " + name + " ")
            .contains("\nExit status: 0 ")
            .doesNotContain(OLD_NAMES);
      }
    }
  }

  /**
   * A tool's own usage error, as stagegate shows it: the problem and the usage name the command as
   * typed, and that usage is the first line of the command's --help (so the two cannot drift).
   */
  @Test
  void aUsageErrorIsTheToolsOwnInTheCommandsNamesAndMatchesItsHelp() {
    for (String name : NAMES) {
      Result r = stagegate(name);
      assertThat(r.status()).as(name).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).as(name).doesNotContain(OLD_NAMES);
      List<String> usages =
          r.err()
              .lines()
              .filter(l -> l.startsWith("usage: ") || l.startsWith(" "))
              .map(l -> l.replaceFirst("^(usage: | +)", ""))
              .toList();
      assertThat(usages).as(name).isNotEmpty();
      for (String usage : usages) {
        String command = usage.split(" ")[1];
        assertThat(stagegate(command, "--help").out())
            .as(name)
            .startsWith("usage: " + usage + "\n");
      }
    }
    assertThat(stagegate("approve", "--audit", "a.md").err())
        .startsWith("stagegate approve: missing --reviewer\n");
    assertThat(stagegate("marker", "--version", "1").err())
        .isEqualTo(
            "stagegate marker: missing --environment\n"
                + "usage: stagegate marker --version V --environment E [--deployed-by U]"
                + " [--out PATH] [--repo DIR]\n");
  }

  @Test
  void judgeIsSeriesJudgeWithItsOutputAndStatus() throws Exception {
    String leak = Fixtures.leakingCsv(tmp).toString();
    String missing = tmp.resolve("missing.csv").toString();

    Result judged = stagegate("judge", leak);
    assertThat(judged).isEqualTo(run(SeriesJudge::run, leak));
    // a leak is a verdict, not a failure: scripts compare the word
    assertThat(judged.status()).isZero();
    assertThat(judged.out())
        .matches(java.util.regex.Pattern.quote(leak) + " leak 5[67]\\.\\d\\d\n");

    Result bad = stagegate("judge", missing, leak);
    Result tool = run(SeriesJudge::run, missing, leak);
    assertThat(bad.status()).isEqualTo(tool.status()).isEqualTo(2);
    assertThat(bad.out()).isEqualTo(tool.out());
    assertThat(bad.err())
        .isEqualTo(tool.err().replace("SeriesJudge: ", "stagegate judge: "))
        .startsWith("stagegate judge: " + missing);
  }

  @Test
  void markerWritesTheDeploymentMarker() throws Exception {
    String commit = Fixtures.repoWithOneCommit(tmp.resolve("repo"));
    Path file = tmp.resolve("docker/.deployment_marker");
    Result r =
        stagegate(
            "marker",
            "--version",
            "1.2.3",
            "--environment=staging",
            "--deployed-by",
            "alice",
            "--repo",
            tmp.resolve("repo").toString(),
            "--out",
            file.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Wrote deployment marker 1.2.3 (commit "
                + commit.substring(0, 7)
                + ", staging, by alice) to "
                + file.toAbsolutePath().normalize()
                + System.lineSeparator());
    DeploymentMarker marker = DeploymentMarker.parse(Files.readString(file), file.toString());
    assertThat(marker.version()).isEqualTo("1.2.3");
    assertThat(marker.commit()).isEqualTo(commit);
    assertThat(marker.environment()).isEqualTo("staging");
    assertThat(marker.deployedBy()).isEqualTo("alice");
  }

  @Test
  void markerOutsideARepositoryExitsOne() {
    Result r =
        stagegate(
            "marker",
            "--version",
            "1",
            "--environment",
            "s",
            "--repo",
            tmp.toString(),
            "--out",
            tmp.resolve("m").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("no git repository at or above");
    assertThat(tmp.resolve("m")).doesNotExist();
  }

  @Test
  void auditLogIsLogAuditCli() throws Exception {
    String log = Fixtures.logWithATraceback(tmp).toString();
    Result r = stagegate("audit-log", log, "--print");
    Result tool = run(LogAuditCli::run, log, "--print");
    assertThat(r.status()).isEqualTo(tool.status()).isZero();
    assertThat(r.err()).isEqualTo(tool.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("rule=python-traceback").contains("ValueError: boom");
    // MB/s is timing: the rest of the line is the tool's
    assertThat(lines.get(1)).matches("5 lines, 1 findings, \\d+\\.\\d MB/s");
    assertThat(withoutSpeed(r.out())).isEqualTo(withoutSpeed(tool.out()));

    Result missing = stagegate("audit-log", tmp.resolve("none.log").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("no such file: " + tmp.resolve("none.log") + "\n");
  }

  private static String withoutSpeed(String out) {
    return out.replaceAll("\\d+\\.\\d MB/s", "N MB/s");
  }

  @Test
  void approveAndCheckRefuseAMissingAuditAsApprovalCliDoes() {
    String audit = tmp.resolve("target/stagegate/stability_audit.md").toString();

    Result approve = stagegate("approve", "--audit", audit, "--reviewer", "alice");
    assertThat(approve)
        .isEqualTo(run(ApprovalCli::run, "approve", "--audit", audit, "--reviewer", "alice"));
    assertThat(approve.status()).isEqualTo(1);
    assertThat(approve.err())
        .startsWith("Cannot approve ")
        .contains("there is no audit at " + audit)
        .contains("run the gate (mvn verify)");
    assertThat(tmp.resolve("target/stagegate/stability_audit.approval.json")).doesNotExist();

    Result check = stagegate("check", "--audit", audit);
    assertThat(check).isEqualTo(run(ApprovalCli::run, "check", "--audit", audit));
    assertThat(check.status()).isEqualTo(1);
    assertThat(check.err())
        .startsWith("NO_AUDIT: There is no audit to deploy from")
        .contains("run the gate (mvn verify)");

    Result override =
        stagegate("override", "--audit", audit, "--out", tmp.resolve("o.yml").toString());
    assertThat(override.status()).isEqualTo(1);
    assertThat(override.err()).isEqualTo(check.err());
    assertThat(tmp.resolve("o.yml")).doesNotExist();
  }

  @Test
  void badApprovalArgumentsExitTwoLikeApprovalCli() {
    for (String[] args :
        List.of(
            new String[] {"approve", "--audit", "a.md"},
            new String[] {"check", "--audit", "a.md", "--commit", "xyz"},
            new String[] {"check", "--audit", "a.md", "--reviewer", "alice"},
            new String[] {"override", "--audit", "a.md"})) {
      Result r = stagegate(args);
      Result tool = run(ApprovalCli::run, args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(tool.status()).isEqualTo(2);
      // the tool's first line, the problem, under the command's name
      assertThat(r.err().lines().findFirst().orElseThrow())
          .isEqualTo(
              tool.err()
                  .lines()
                  .findFirst()
                  .orElseThrow()
                  .replace("ApprovalCli: ", "stagegate " + args[0] + ": "));
    }
  }

  @Test
  void recoverIsJournalRecovery() {
    String dir = tmp.toString();
    Result r = stagegate("recover", dir);
    assertThat(r).isEqualTo(run(JournalRecovery::run, dir));
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("No journal to recover in ");

    Result twoDirs = stagegate("recover", dir, dir);
    assertThat(twoDirs.status()).isEqualTo(2);
    assertThat(twoDirs.err())
        .isEqualTo("usage: stagegate recover REPORT_DIR   (e.g. target/stagegate)\n");
  }
}
