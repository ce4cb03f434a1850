package dev.stagegate.report.approval;

import dev.stagegate.report.Verdict;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.CommitIds;
import dev.stagegate.report.deploy.MarkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Records a reviewer's approval of an audit, bound to the SHA-256 of the Markdown the reviewer
 * read, of its JSON twin, and to the commit the audit was made on.
 *
 * <pre>{@code
 * ApprovalRecord approved =
 *     Approvals.approve(
 *         Path.of("target/stagegate/stability_audit.md"), "alice", "burn-in flat", Clock.systemUTC());
 * // wrote target/stagegate/stability_audit.approval.json
 *
 * // a shortened burn-in (PASS_SHORTENED) is approved only with the reason it is accepted:
 * Approvals.approve(auditMd, "alice", "", Optional.empty(),
 *     Optional.of("burn-in shortened in CI: the 4 h run is nightly"), Clock.systemUTC());
 * }</pre>
 *
 * <p>The commit is the audit's own: the head commit of its change summary. An audit without one (no
 * git repository when the gate ran) takes the commit given explicitly, else HEAD of the repository
 * around the audit file.
 */
public final class Approvals {
  private Approvals() {}

  /**
   * Approves {@code auditMd}; the commit as described in the class comment, without an explicit
   * one.
   *
   * @see #approve(Path, String, String, Optional, Clock)
   */
  public static ApprovalRecord approve(Path auditMd, String reviewer, String comment, Clock clock)
      throws ApprovalException, IOException {
    return approve(auditMd, reviewer, comment, Optional.empty(), clock);
  }

  /**
   * Approves {@code auditMd} and writes the record atomically to {@link
   * ApprovalRecord#defaultPath}.
   *
   * @param reviewer who approves; not blank
   * @param comment a note, may be null or empty
   * @param commit the commit the audit was made on, full or abbreviated (at least seven hex
   *     digits); used when the audit has no change summary; when it has one, they must agree
   * @param clock gives the approval's time
   * @return the record written
   * @throws ApprovalException with a sentence naming the fix when the audit or its JSON twin is
   *     missing or malformed, its verdict is not PASS, the commit disagrees with the audit's, or no
   *     commit is known
   * @throws IOException when the approval cannot be written
   * @throws IllegalArgumentException when the reviewer is blank or the commit is not hex
   */
  public static ApprovalRecord approve(
      Path auditMd, String reviewer, String comment, Optional<String> commit, Clock clock)
      throws ApprovalException, IOException {
    return approve(auditMd, reviewer, comment, commit, Optional.empty(), clock);
  }

  /**
   * Approves {@code auditMd}, accepting a verdict other than PASS for the reason given, and writes
   * the record atomically to {@link ApprovalRecord#defaultPath}.
   *
   * @param accept why a verdict other than PASS (e.g. PASS_SHORTENED) is accepted for deploy; it is
   *     recorded and shown as ⚠️ ACCEPTED. Required when the verdict is not PASS, refused when it
   *     is
   * @throws ApprovalException as for {@link #approve(Path, String, String, Optional, Clock)}, and
   *     when the verdict is not PASS and no reason is given (naming {@code --accept}), or it is
   *     PASS and one is
   * @see #approve(Path, String, String, Optional, Clock)
   */
  public static ApprovalRecord approve(
      Path auditMd,
      String reviewer,
      String comment,
      Optional<String> commit,
      Optional<String> accept,
      Clock clock)
      throws ApprovalException, IOException {
    if (reviewer == null || reviewer.isBlank()) {
      throw new IllegalArgumentException("reviewer must not be null or blank");
    }
    if (commit.isPresent() && !CommitIds.isValid(commit.get())) {
      throw new IllegalArgumentException(
          "commit must be 7 to 64 hex digits (e.g. 5d6e7f8) but was '" + commit.get() + "'");
    }
    String cannot = "Cannot approve " + auditMd + ": ";
    AuditEvidence audit;
    try {
      audit = AuditEvidence.read(auditMd);
    } catch (AuditEvidence.Missing e) {
      throw new ApprovalException(
          cannot
              + e.getMessage()
              + "; run the gate (mvn verify) so that it writes both files, then review and approve"
              + " the new audit.");
    }
    Verdict verdict = audit.report().verdict();
    String accepted = accept.map(String::strip).orElse("");
    if (verdict != Verdict.PASS && accepted.isEmpty()) {
      throw new ApprovalException(
          cannot
              + "its verdict is "
              + verdict
              + " ("
              + verdict.meaning()
              + "), not PASS. Fix what the audit lists under the verdict and re-run the gate, or,"
              + " if it is to be deployed anyway, record why: "
              + ApprovalTexts.acceptCommand(auditMd)
              + ".");
    }
    if (verdict == Verdict.PASS && !accepted.isEmpty()) {
      throw new ApprovalException(
          cannot
              + "its verdict is PASS, so there is nothing to accept; approve it without --accept.");
    }
    String auditCommit = commit(auditMd, audit, commit, cannot);
    ApprovalRecord record =
        new ApprovalRecord(
            reviewer.strip(),
            clock.instant(),
            auditCommit,
            auditMd.getFileName().toString(),
            audit.markdownSha256(),
            audit.jsonSha256(),
            verdict,
            comment,
            accepted,
            audit.report().keptImages());
    record.writeTo(ApprovalRecord.defaultPath(auditMd));
    return record;
  }

  private static String commit(
      Path auditMd, AuditEvidence audit, Optional<String> given, String cannot)
      throws ApprovalException {
    ChangeSummary change = audit.report().changeSummary();
    String recorded = change == null ? null : change.headCommit();
    if (recorded != null && CommitIds.isValid(recorded)) {
      if (given.isPresent() && !CommitIds.samePrefix(recorded, given.get())) {
        throw new ApprovalException(
            cannot
                + "it was made on commit "
                + CommitIds.abbreviate(recorded)
                + " but --commit says "
                + CommitIds.abbreviate(given.get())
                + "; approve the audit of the commit you mean to deploy.");
      }
      return recorded;
    }
    if (given.isPresent()) {
      return given.get();
    }
    try {
      return MarkerFactory.headCommit(auditMd.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new ApprovalException(
          cannot
              + "the audit names no commit (no change summary) and HEAD is unknown ("
              + e.getMessage()
              + "); give the commit the gate ran on with --commit SHA.",
          e);
    }
  }
}
