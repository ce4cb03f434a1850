package dev.stagegate.report.approval;

import java.util.Objects;

/**
 * Why an audit's approval does not allow a deploy, in one sentence that says what to do.
 *
 * <pre>{@code
 * for (ApprovalRefusal r : ApprovalCheck.of(auditMd).problems()) {
 *   System.err.println(r.reason() + ": " + r.message());
 * }
 * // AUDIT_CHANGED: The audit changed after it was approved: stability_audit.md has SHA-256 …
 * }</pre>
 *
 * @param reason what kind of problem
 * @param message the sentence: exactly why, with the evidence, and what to do
 */
public record ApprovalRefusal(Reason reason, String message) {
  /** What kind of problem an approval has. */
  public enum Reason {
    /** The audit, or its JSON twin, is missing or unreadable. */
    NO_AUDIT,
    /** Nobody approved this audit: no approval file. */
    NO_APPROVAL,
    /** The approval file is not a valid approval. */
    MALFORMED_APPROVAL,
    /** The audit (Markdown or JSON) is not the one approved: its SHA-256 differs. */
    AUDIT_CHANGED,
    /** The approved audit was made on another commit than the one to deploy. */
    COMMIT_MISMATCH,
    /**
     * The audit's verdict is not PASS and the approval does not accept it with a recorded reason.
     */
    VERDICT_NOT_PASS,
    /**
     * The images the approval binds are not the images the audit kept, or not the images to be
     * deployed.
     */
    IMAGE_MISMATCH
  }

  public ApprovalRefusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
