package dev.stagegate.report.approval;

/**
 * {@link Approvals#approve} refused to approve an audit: the message says why and how to fix it,
 * e.g. {@code Cannot approve stability_audit.md: its verdict is FAIL, so there is nothing to
 * deploy; fix the failures, re-run the gate and review the new audit.}
 */
public final class ApprovalException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with the sentence to show. */
  public ApprovalException(String message) {
    super(message);
  }

  /** An exception with the sentence to show and what caused it. */
  public ApprovalException(String message, Throwable cause) {
    super(message, cause);
  }
}
