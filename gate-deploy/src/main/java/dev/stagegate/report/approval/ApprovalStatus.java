package dev.stagegate.report.approval;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ApprovalCheck#run()} found: the approval when it could be read, and every reason it
 * does not allow a deploy.
 *
 * <pre>{@code
 * ApprovalStatus status = ApprovalCheck.of(auditMd).expectingCommit(head).run();
 * if (status.approved()) {
 *   System.out.println("approved by " + status.record().orElseThrow().reviewer());
 * }
 * }</pre>
 *
 * @param record the approval read from disk; empty when missing or malformed
 * @param problems every refusal; empty when the approval allows the deploy
 */
public record ApprovalStatus(Optional<ApprovalRecord> record, List<ApprovalRefusal> problems) {
  public ApprovalStatus {
    problems = List.copyOf(problems);
  }

  /** Whether the audit is approved, unchanged, PASS and (if asked) of the expected commit. */
  public boolean approved() {
    return problems.isEmpty();
  }
}
