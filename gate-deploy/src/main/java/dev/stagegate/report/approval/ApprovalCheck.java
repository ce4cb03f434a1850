package dev.stagegate.report.approval;

import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalRefusal.Reason;
import dev.stagegate.report.change.CommitIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that an audit is approved and still the one approved: the approval exists and is valid,
 * the Markdown and JSON are byte for byte what the reviewer approved (SHA-256), the audit's verdict
 * (read from the JSON, not from the approval) is PASS, or the approval accepted that very verdict
 * with a recorded reason ({@code ApprovalCli approve --accept REASON}), and, if asked, it was made
 * on the commit to deploy. The approval binds the image IDs the audit kept for the deploy; the
 * check refuses when the audit's differ and, if asked ({@link #expectingImages}), when the images
 * to deploy differ.
 *
 * <p>Immutable; each {@code with…}/{@code expecting…} returns a new check. Every problem found is
 * reported, one sentence each, saying why and what to do.
 *
 * <pre>{@code
 * List<ApprovalRefusal> problems =
 *     ApprovalCheck.of(Path.of("target/stagegate/stability_audit.md"))
 *         .expectingCommit("5d6e7f8")
 *         .problems();
 * // [AUDIT_CHANGED: The audit changed after it was approved: stability_audit.md has SHA-256
 * //  3f2a9c1e0b7d… but alice approved 9c1e4b2a7f00… at 2026-11-23 14:02 UTC; re-review it and
 * //  approve again.]
 * }</pre>
 */
public final class ApprovalCheck {
  private final Path auditMd;
  private final Path approval;
  private final String commit;
  private final Map<String, String> deploying;

  private ApprovalCheck(Path auditMd, Path approval, String commit, Map<String, String> deploying) {
    this.auditMd = auditMd;
    this.approval = approval;
    this.commit = commit;
    this.deploying = deploying;
  }

  /** A check of {@code auditMd} against the approval next to it. */
  public static ApprovalCheck of(Path auditMd) {
    if (auditMd == null) {
      throw new IllegalArgumentException("auditMd must not be null");
    }
    return new ApprovalCheck(auditMd, ApprovalRecord.defaultPath(auditMd), null, Map.of());
  }

  /** Reads the approval from {@code file} instead of {@link ApprovalRecord#defaultPath}. */
  public ApprovalCheck withApproval(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("approval path must not be null");
    }
    return new ApprovalCheck(auditMd, file, commit, deploying);
  }

  /**
   * Expects the audit to have been made on {@code sha}: full or abbreviated (at least seven hex
   * digits); either side may be the abbreviation.
   *
   * @throws IllegalArgumentException when {@code sha} is not 7 to 64 hex digits
   */
  public ApprovalCheck expectingCommit(String sha) {
    if (sha == null || !CommitIds.isValid(sha)) {
      throw new IllegalArgumentException(
          "expected commit must be 7 to 64 hex digits (e.g. 5d6e7f8) but was '" + sha + "'");
    }
    return new ApprovalCheck(auditMd, approval, sha, deploying);
  }

  /**
   * Expects the deploy to run exactly these images: service to image ID ({@code sha256:…}), e.g.
   * what {@code docker image inspect -f '{{.Id}}' <tag>} says of each approved tag on the target.
   * Every service named must run its approved image.
   *
   * @throws IllegalArgumentException when a value is not {@code sha256:} and 64 hex digits
   */
  public ApprovalCheck expectingImages(Map<String, String> serviceToImageId) {
    for (Map.Entry<String, String> e : serviceToImageId.entrySet()) {
      if (!TestedImage.isImageId(e.getValue())) {
        throw new IllegalArgumentException(
            "the image of service \""
                + e.getKey()
                + "\" must be sha256: and 64 lowercase hex digits (docker image inspect -f"
                + " '{{.Id}}' IMAGE) but was '"
                + e.getValue()
                + "'");
      }
    }
    return new ApprovalCheck(
        auditMd, approval, commit, Map.copyOf(new LinkedHashMap<>(serviceToImageId)));
  }

  /** Every reason the approval does not allow a deploy; empty when it does. */
  public List<ApprovalRefusal> problems() {
    return run().problems();
  }

  /** The approval read (when it could be) and every problem. */
  public ApprovalStatus run() {
    List<ApprovalRefusal> problems = new ArrayList<>();
    String mdName = auditMd.getFileName().toString();
    AuditEvidence audit = null;
    try {
      audit = AuditEvidence.read(auditMd);
    } catch (AuditEvidence.Missing e) {
      if (e.markdownMissing()) {
        return new ApprovalStatus(
            Optional.empty(),
            List.of(
                refusal(
                    Reason.NO_AUDIT,
                    "There is no audit to deploy from: "
                        + e.getMessage()
                        + "; run the gate (mvn verify), have the audit reviewed and approved,"
                        + " then deploy.")));
      }
      problems.add(
          refusal(
              Reason.NO_AUDIT,
              "The audit cannot be checked: "
                  + e.getMessage()
                  + "; re-run the gate so that it writes both files, then have the new audit"
                  + " approved."));
    }
    List<ApprovalRefusal> unreadable = new ArrayList<>();
    Optional<ApprovalRecord> record = readApproval(mdName, unreadable);
    if (audit != null && audit.report().verdict() != Verdict.PASS) {
      Verdict verdict = audit.report().verdict();
      // Read from the JSON, not from the approval: an acceptance counts only for the verdict the
      // reviewer saw, and only with its reason recorded.
      boolean accepted =
          record.isPresent() && record.get().acceptsNonPass() && record.get().verdict() == verdict;
      if (!accepted) {
        problems.add(
            refusal(
                Reason.VERDICT_NOT_PASS,
                "The audit's verdict is "
                    + verdict
                    + " ("
                    + verdict.meaning()
                    + "; read from "
                    + audit.json().getFileName()
                    + ")"
                    + record
                        .filter(ApprovalRecord::acceptsNonPass)
                        .map(r -> " but the approval accepted " + r.verdict())
                        .orElse(" and the approval records no reason to accept it")
                    + ": fix what the audit lists under the verdict, re-run the gate and have the"
                    + " new audit approved, or, to deploy it anyway, have a reviewer record why"
                    + " with "
                    + ApprovalTexts.acceptCommand(auditMd)
                    + "."));
      }
    }
    problems.addAll(unreadable);
    if (record.isPresent()) {
      ApprovalRecord r = record.get();
      String who = ApprovalTexts.name(r.reviewer());
      String when = ApprovalTexts.time(r.approvedAt());
      if (!r.auditFile().equals(mdName)) {
        problems.add(
            refusal(
                Reason.AUDIT_CHANGED,
                "The approval "
                    + approval
                    + " is for "
                    + ApprovalTexts.name(r.auditFile())
                    + ", not for "
                    + mdName
                    + ": have this audit reviewed and approved with "
                    + ApprovalTexts.approveCommand(auditMd)
                    + "."));
      } else if (audit != null) {
        // One sentence for one change: a re-run gate rewrites both files; name the JSON alone
        // only when it alone was edited.
        boolean mdChanged = !audit.markdownSha256().equals(r.auditSha256());
        boolean jsonChanged = !audit.jsonSha256().equals(r.jsonSha256());
        if (mdChanged) {
          problems.add(
              changed(
                  mdName + (jsonChanged ? " (and its JSON twin)" : ""),
                  audit.markdownSha256(),
                  r.auditSha256(),
                  who,
                  when));
        } else if (jsonChanged) {
          problems.add(
              changed(
                  audit.json().getFileName().toString(),
                  audit.jsonSha256(),
                  r.jsonSha256(),
                  who,
                  when));
        }
      }
      if (audit != null && !r.auditFile().equals(mdName)) {
        // the wrong audit altogether: its images say nothing
      } else if (audit != null
          && audit.markdownSha256().equals(r.auditSha256())
          && audit.jsonSha256().equals(r.jsonSha256())) {
        // a changed audit is refused above already; an unchanged one must still bind its images
        problems.addAll(ImageRefusals.bound(r, audit.report().keptImages(), who, when, auditMd));
      }
      problems.addAll(ImageRefusals.deployed(r, deploying));
      if (commit != null && !CommitIds.samePrefix(r.commit(), commit)) {
        problems.add(
            refusal(
                Reason.COMMIT_MISMATCH,
                "The approved audit was made on commit "
                    + r.shortCommit()
                    + " (approved by "
                    + who
                    + " at "
                    + when
                    + ") but the commit to deploy is "
                    + CommitIds.abbreviate(commit)
                    + ": run the gate on "
                    + CommitIds.abbreviate(commit)
                    + " and have that audit approved, or deploy "
                    + r.shortCommit()
                    + "."));
      }
    }
    return new ApprovalStatus(record, problems);
  }

  private Optional<ApprovalRecord> readApproval(String mdName, List<ApprovalRefusal> problems) {
    if (!Files.isRegularFile(approval)) {
      problems.add(
          refusal(
              Reason.NO_APPROVAL,
              "Nobody approved "
                  + mdName
                  + ": there is no approval at "
                  + approval
                  + "; have a reviewer read the audit and run "
                  + ApprovalTexts.approveCommand(auditMd)
                  + "."));
      return Optional.empty();
    }
    try {
      return Optional.of(ApprovalRecord.read(approval));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          refusal(
              Reason.MALFORMED_APPROVAL,
              "The approval cannot be used: "
                  + (e instanceof IllegalArgumentException
                      ? e.getMessage()
                      : approval + " cannot be read: " + e)
                  + "; have the audit approved again with "
                  + ApprovalTexts.approveCommand(auditMd)
                  + "."));
      return Optional.empty();
    }
  }

  private static ApprovalRefusal changed(
      String file, String actual, String approved, String who, String when) {
    return refusal(
        Reason.AUDIT_CHANGED,
        "The audit changed after it was approved: "
            + file
            + " has SHA-256 "
            + ApprovalTexts.sha(actual)
            + " but "
            + who
            + " approved "
            + ApprovalTexts.sha(approved)
            + " at "
            + when
            + "; re-review it and approve again.");
  }

  private static ApprovalRefusal refusal(Reason reason, String message) {
    return new ApprovalRefusal(reason, message);
  }
}
