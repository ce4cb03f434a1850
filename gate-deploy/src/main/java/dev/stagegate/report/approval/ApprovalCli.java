package dev.stagegate.report.approval;

import dev.stagegate.report.TestedImage;
import dev.stagegate.report.cli.CliOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Approves an audit after review, and checks the approval before a deploy.
 *
 * <pre>{@code
 * java -cp gate-deploy.jar:... dev.stagegate.report.approval.ApprovalCli approve \
 *     --audit target/stagegate/stability_audit.md --reviewer alice --comment "burn-in flat"
 * # Approved stability_audit.md (PASS, commit 5d6e7f8) as alice: wrote /src/target/stagegate/stability_audit.approval.json
 *
 * java -cp ... dev.stagegate.report.approval.ApprovalCli approve \
 *     --audit target/stagegate/stability_audit.md --reviewer alice \
 *     --accept "burn-in shortened in CI: the 4 h run is nightly"
 * # ⚠️ ACCEPTED stability_audit.md (PASS_SHORTENED, commit 5d6e7f8) as alice: "burn-in …": wrote …
 *
 * java -cp ... dev.stagegate.report.approval.ApprovalCli check \
 *     --audit target/stagegate/stability_audit.md --commit "$GITHUB_SHA"
 * # stability_audit.md is approved: alice at 2026-11-23 14:02 UTC, commit 5d6e7f8, unchanged since
 * }</pre>
 *
 * <p>{@code approve --audit F --reviewer R [--comment C] [--commit SHA] [--accept REASON]}: {@code
 * --commit} is needed only when the audit names no commit and F is not inside a git repository;
 * {@code --accept} is needed, and only allowed, when the audit's verdict is not PASS (e.g.
 * PASS_SHORTENED): the reason is recorded and shown as ⚠️ ACCEPTED. {@code check --audit F
 * [--commit SHA] [--approval P]}: {@code --approval} defaults to the file next to the audit. Exit
 * status 0 when approved (or the approval allows the deploy), 1 when refused (each refusal on its
 * own line of standard error), 2 for bad arguments. {@code check --images api=sha256:…,worker=…}
 * also refuses when a service's image to deploy is not its approved image. {@code override --audit
 * F --out FILE} checks as {@code check} does, then writes the compose override that names the
 * approved images ({@link DeployOverride}) for {@code docker compose … up -d --no-build}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ApprovalCli {
  static final String USAGE =
      "usage: ApprovalCli approve --audit FILE --reviewer NAME [--comment TEXT] [--commit SHA]"
          + " [--accept REASON]\n"
          + "       ApprovalCli check --audit FILE [--commit SHA] [--approval FILE]"
          + " [--images SERVICE=sha256:ID,...]\n"
          + "       ApprovalCli override --audit FILE --out FILE [--commit SHA] [--approval FILE]";

  private static final Map<String, List<String>> OPTIONS =
      Map.of(
          "approve", List.of("--audit", "--reviewer", "--comment", "--commit", "--accept"),
          "check", List.of("--audit", "--commit", "--approval", "--images"),
          "override", List.of("--audit", "--commit", "--approval", "--out"));

  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "approve",
          List.of("--audit", "--reviewer"),
          "check",
          List.of("--audit"),
          "override",
          List.of("--audit", "--out"));

  private ApprovalCli() {}

  /** Runs with the real clock and working directory; exits with the status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the real clock and working directory; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, Clock.systemUTC(), Path.of(""), out, err);
  }

  static int run(String[] args, Clock clock, Path workDir, PrintStream out, PrintStream err) {
    if (args.length == 0 || !OPTIONS.containsKey(args[0])) {
      return usage(err, args.length == 0 ? "no command" : "unknown command " + args[0]);
    }
    String command = args[0];
    Map<String, String> options;
    try {
      options =
          CliOptions.of(OPTIONS.get(command), REQUIRED.get(command))
              .forCommand(command)
              .allowingEmpty("--comment")
              .parse(args, 1);
    } catch (CliOptions.UsageException e) {
      return usage(err, e.getMessage());
    }
    Path audit = workDir.resolve(options.get("--audit"));
    Optional<String> commit = Optional.ofNullable(options.get("--commit"));
    if (commit.isPresent() && !commit.get().matches("[0-9a-fA-F]{7,64}")) {
      return usage(
          err, "--commit must be 7 to 64 hex digits (e.g. 5d6e7f8) but was " + commit.get());
    }
    return switch (command) {
      case "approve" -> approve(audit, options, commit, clock, out, err);
      case "override" -> override(audit, options, commit, workDir, out, err);
      default -> check(audit, options, commit, workDir, out, err);
    };
  }

  private static int approve(
      Path audit,
      Map<String, String> options,
      Optional<String> commit,
      Clock clock,
      PrintStream out,
      PrintStream err) {
    try {
      ApprovalRecord record =
          Approvals.approve(
              audit,
              options.get("--reviewer"),
              options.get("--comment"),
              commit,
              Optional.ofNullable(options.get("--accept")),
              clock);
      out.println(
          (record.acceptsNonPass() ? "⚠️ ACCEPTED " : "Approved ")
              + record.auditFile()
              + " ("
              + record.verdict()
              + ", commit "
              + record.shortCommit()
              + ") as "
              + ApprovalTexts.name(record.reviewer())
              + (record.acceptsNonPass()
                  ? " accepting it: \"" + ApprovalTexts.name(record.accepted()) + "\""
                  : "")
              + ": wrote "
              + ApprovalRecord.defaultPath(audit).toAbsolutePath().normalize());
      return 0;
    } catch (ApprovalException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println(
          "Cannot write the approval "
              + ApprovalRecord.defaultPath(audit).toAbsolutePath()
              + ": "
              + e
              + "; check that the directory is writable and approve again.");
      return 1;
    }
  }

  private static int check(
      Path audit,
      Map<String, String> options,
      Optional<String> commit,
      Path workDir,
      PrintStream out,
      PrintStream err) {
    ApprovalCheck check = checkOf(audit, options, commit, workDir);
    if (options.containsKey("--images")) {
      Map<String, String> images = new LinkedHashMap<>();
      for (String pair : options.get("--images").split(",")) {
        String[] kv = pair.strip().split("=", 2);
        if (kv.length != 2 || kv[0].isBlank() || !TestedImage.isImageId(kv[1].strip())) {
          return usage(
              err,
              "--images must be SERVICE=sha256:ID pairs separated by commas (the ID as docker"
                  + " image inspect -f '{{.Id}}' IMAGE prints it) but had '"
                  + pair.strip()
                  + "'");
        }
        images.put(kv[0].strip(), kv[1].strip());
      }
      check = check.expectingImages(images);
    }
    Optional<ApprovalRecord> approved = approved(check, err);
    if (approved.isEmpty()) {
      return 1;
    }
    ApprovalRecord record = approved.get();
    out.println(
        audit.getFileName()
            + " is approved: "
            + ApprovalTexts.name(record.reviewer())
            + " at "
            + ApprovalTexts.time(record.approvedAt())
            + ", commit "
            + record.shortCommit()
            + ", unchanged since"
            + (record.acceptsNonPass()
                ? "; ⚠️ ACCEPTED "
                    + record.verdict()
                    + ": \""
                    + ApprovalTexts.name(record.accepted())
                    + "\""
                : ""));
    return 0;
  }

  /** Checks the approval as {@code check} does, then writes the approved images' override. */
  private static int override(
      Path audit,
      Map<String, String> options,
      Optional<String> commit,
      Path workDir,
      PrintStream out,
      PrintStream err) {
    Optional<ApprovalRecord> approved = approved(checkOf(audit, options, commit, workDir), err);
    if (approved.isEmpty()) {
      return 1;
    }
    ApprovalRecord record = approved.get();
    Path file = workDir.resolve(options.get("--out"));
    try {
      DeployOverride.write(record, file);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println(
          "Cannot write the override "
              + file.toAbsolutePath()
              + ": "
              + e
              + "; check that the directory is writable.");
      return 1;
    }
    out.println(
        "Wrote "
            + file.toAbsolutePath().normalize()
            + ": "
            + record.images().stream()
                .map(i -> i.service() + " = " + i.tag() + " (" + i.shortId() + ")")
                .reduce((a, b) -> a + ", " + b)
                .orElse("")
            + "; deploy with docker compose -f <your files> -f "
            + file.getFileName()
            + " up -d --no-build");
    return 0;
  }

  /** One setup for {@code check} and {@code override}, so override refuses what check refuses. */
  private static ApprovalCheck checkOf(
      Path audit, Map<String, String> options, Optional<String> commit, Path workDir) {
    ApprovalCheck check = ApprovalCheck.of(audit);
    if (options.containsKey("--approval")) {
      check = check.withApproval(workDir.resolve(options.get("--approval")));
    }
    if (commit.isPresent()) {
      check = check.expectingCommit(commit.get());
    }
    return check;
  }

  /** The approval {@code check} finds, or empty after printing each refusal to {@code err}. */
  private static Optional<ApprovalRecord> approved(ApprovalCheck check, PrintStream err) {
    ApprovalStatus status = check.run();
    if (!status.approved()) {
      for (ApprovalRefusal r : status.problems()) {
        err.println(r.reason() + ": " + r.message());
      }
      return Optional.empty();
    }
    return Optional.of(status.record().orElseThrow());
  }

  private static int usage(PrintStream err, String problem) {
    err.println("ApprovalCli: " + problem);
    err.println(USAGE);
    return 2;
  }
}
