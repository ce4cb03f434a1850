package dev.stagegate.cli;

import dev.stagegate.assertions.SeriesJudge;
import dev.stagegate.assertions.logs.LogAuditCli;
import dev.stagegate.report.approval.ApprovalCli;
import dev.stagegate.report.deploy.MarkerCli;
import dev.stagegate.report.journal.JournalRecovery;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The library's command line, one entry point for its tools: {@code stagegate COMMAND [ARGS]}.
 *
 * <pre>{@code
 * java -jar gate-cli/target/stagegate.jar approve \
 *     --audit target/stagegate/stability_audit.md --reviewer alice --comment "burn-in flat"
 * java -jar gate-cli/target/stagegate.jar check --audit target/stagegate/stability_audit.md
 * java -jar gate-cli/target/stagegate.jar judge worker.csv api-cpu.csv
 * }</pre>
 *
 * <p>Each command runs an existing tool's own {@code run}, which parses its arguments: {@code
 * approve}, {@code check} and {@code override} are {@link ApprovalCli}'s, {@code marker} is {@link
 * MarkerCli}'s {@code write}, {@code judge} is {@link SeriesJudge}, {@code audit-log} is {@link
 * LogAuditCli}, {@code recover} is {@link JournalRecovery}. Their messages on standard error name
 * the command as typed ({@code stagegate marker: missing --environment}), not the tool's class.
 *
 * <p>Exit status: 0 done; 1 the command refused or could not do it (an approval refused, no journal
 * to recover); 2 bad arguments (the problem and the usage on standard error) or unreadable input.
 * The tools' own statuses are kept: {@code judge} and {@code audit-log} exit 0 whatever the
 * verdicts or findings. {@code stagegate --help} lists the commands, {@code stagegate COMMAND
 * --help} prints one command's usage; both exit 0.
 */
public final class Stagegate {
  /** The tools' common shape: arguments in, exit status out. */
  @FunctionalInterface
  interface Tool {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  /**
   * A command: its name, a line for the command list, its usage for {@code --help}, the tool it
   * runs, and how that tool names itself in its messages.
   */
  record Command(String name, String summary, String help, Tool tool, ProgramNames names) {}

  private static final Set<String> HELP = Set.of("--help", "-h", "help");

  static final List<Command> COMMANDS =
      List.of(
          new Command(
              "approve",
              "approve an audit after review (writes stability_audit.approval.json next to it)",
              """
              usage: stagegate approve --audit FILE --reviewer NAME [--comment TEXT] [--commit SHA] [--accept REASON]

              Approves an audit after review: writes who approved it, when, the commit and the
              audit's SHA-256 next to it as stability_audit.approval.json. --commit is needed only
              when the audit names no commit and FILE is not inside a git repository. --accept is
              needed, and only allowed, when the audit's verdict is not PASS (e.g. PASS_SHORTENED):
              the reason is recorded and shown as ACCEPTED.

              Exit status: 0 approved; 1 refused (the message says why and what to do) or the
              approval cannot be written; 2 bad arguments.
              """,
              (args, out, err) -> ApprovalCli.run(prepend("approve", args), out, err),
              ProgramNames.of("approve", "ApprovalCli", "ApprovalCli", "stagegate")),
          new Command(
              "check",
              "check before a deploy that the audit is approved and unchanged since",
              """
              usage: stagegate check --audit FILE [--commit SHA] [--approval FILE] [--images SERVICE=sha256:ID,...]

              Checks before a deploy that the audit is approved and still the one approved.
              --commit: the commit about to be deployed must be the approved one. --approval
              defaults to the file next to the audit. --images: each service's image about to be
              deployed must be its approved image (IDs as docker image inspect -f '{{.Id}}' prints).

              Exit status: 0 approved; 1 refused (each refusal on its own line of standard error,
              REASON: what is wrong and what to do); 2 bad arguments.
              """,
              (args, out, err) -> ApprovalCli.run(prepend("check", args), out, err),
              ProgramNames.of("check", "ApprovalCli", "ApprovalCli", "stagegate")),
          new Command(
              "override",
              "check, then write the compose override that names the approved images",
              """
              usage: stagegate override --audit FILE --out FILE [--commit SHA] [--approval FILE]

              Checks the approval as check does, then writes the compose override that names the
              approved images, for docker compose -f <your files> -f FILE up -d --no-build.

              Exit status: 0 written; 1 refused, or the override cannot be written; 2 bad
              arguments.
              """,
              (args, out, err) -> ApprovalCli.run(prepend("override", args), out, err),
              ProgramNames.of("override", "ApprovalCli", "ApprovalCli", "stagegate")),
          new Command(
              "marker",
              "write the deployment marker of HEAD (version, commit, environment, who, when)",
              """
              usage: stagegate marker --version V --environment E [--deployed-by U] [--out PATH] [--repo DIR]

              Writes the deployment marker of the repository's HEAD, from a CI pipeline or a
              Dockerfile build step. --deployed-by defaults to GITHUB_ACTOR, else the user; --out
              to .deployment_marker; --repo to the current directory.

              Exit status: 0 written; 1 the repository or the file cannot be used; 2 bad
              arguments.
              """,
              (args, out, err) -> MarkerCli.run(prepend("write", args), out, err),
              ProgramNames.of("marker", "MarkerCli", "MarkerCli write", "stagegate marker")),
          new Command(
              "judge",
              "judge CSV series: memory leak, CPU or latency trend",
              """
              usage: stagegate judge FILE.csv... (header t_seconds,memory_bytes, cpu_percent or latency_ms)

              Judges each file with the default judges and prints one line per file:
              FILE VERDICT SLOPE_PER_HOUR. The header picks the judge: memory_bytes is judged for
              leaks (leak, stable, inconclusive or not-judged; MiB/hour), cpu_percent for trends
              (trend, stable, inconclusive or not-judged; percentage points/hour), latency_ms for
              creep (creep, stable, inconclusive or not-judged; ms/hour). A file that cannot be
              read is named on standard error, and the others are still judged.

              Exit status: 0 every file judged, whatever the verdicts (scripts compare the verdict
              words: a leak does not exit 1); 2 a file could not be read, or no file was given.
              """,
              SeriesJudge::run,
              ProgramNames.of("judge", "SeriesJudge", "SeriesJudge", "stagegate judge")),
          new Command(
              "audit-log",
              "audit one log file with the default rules",
              """
              usage: stagegate audit-log FILE [--print]

              Audits one log file with the default rules, streaming it, and prints
              LINES lines, FINDINGS findings, MB/s of the audit itself. --print also lists the
              findings.

              Exit status: 0 audited, whatever the findings; 2 bad arguments, or the file cannot
              be read.
              """,
              LogAuditCli::run,
              ProgramNames.of("audit-log", "LogAuditCli", "LogAuditCli", "stagegate audit-log")),
          new Command(
              "recover",
              "render the audit of a killed run from its evidence journals",
              """
              usage: stagegate recover REPORT_DIR   (e.g. target/stagegate)

              Renders stability_audit.md and .json in REPORT_DIR from the evidence journals of
              runs whose JVM died, each gate INCOMPLETE; the journals move to journal-recovered/
              so they are recovered once. The JUnit extension does this at the start of every test
              run. Every journal found counts as a dead run's: do not run it while a gate writes
              into REPORT_DIR.

              Exit status: 0 recovered; 1 no journal to recover; 2 bad arguments, or the audit
              cannot be written.
              """,
              JournalRecovery::run,
              ProgramNames.of(
                  "recover", "JournalRecovery", "JournalRecovery", "stagegate recover")));

  private Stagegate() {}

  /** Runs the command line; exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit status; for tests and embedding. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usageError(err, "no command");
    }
    if (HELP.contains(args[0])) {
      if (args.length == 1) {
        out.print(usage());
        return 0;
      }
      // stagegate help COMMAND
      Optional<Command> command = command(args[1]);
      if (command.isEmpty() || args.length > 2) {
        return usageError(
            err, command.isEmpty() ? "unknown command " + args[1] : "help takes one command");
      }
      out.print(command.get().help());
      return 0;
    }
    Optional<Command> found = command(args[0]);
    if (found.isEmpty()) {
      return usageError(err, "unknown command " + args[0]);
    }
    Command command = found.get();
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (rest.length > 0 && HELP.contains(rest[0]) && !rest[0].equals("help")) {
      out.print(command.help());
      return 0;
    }
    try (ProgramNames.Stream renamed = command.names().over(err)) {
      PrintStream toolErr = new PrintStream(renamed, true, StandardCharsets.UTF_8);
      int status = command.tool().run(rest, out, toolErr);
      toolErr.flush();
      return status;
    }
  }

  /** The list of commands, as {@code stagegate --help} prints it. */
  static String usage() {
    StringBuilder text =
        new StringBuilder(
            "usage: stagegate COMMAND [ARGS]   (stagegate COMMAND --help: that command's usage)\n"
                + "\nCommands:\n");
    for (Command c : COMMANDS) {
      text.append(String.format("  %-10s %s\n", c.name(), c.summary()));
    }
    return text.append(
            """

            Exit status: 0 done; 1 the command refused or could not do it (e.g. an approval
            refused, no journal to recover); 2 bad arguments (the problem and the usage on
            standard error) or unreadable input. Each command's --help says which of them it uses.
            """)
        .toString();
  }

  private static Optional<Command> command(String name) {
    return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static int usageError(PrintStream err, String problem) {
    err.println("stagegate: " + problem);
    err.print(usage());
    return 2;
  }

  private static String[] prepend(String first, String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = first;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
