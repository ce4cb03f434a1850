package dev.stagegate.report.policy;

import dev.stagegate.report.approval.ApprovalRefusal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link DeployPolicy} decides on, gathered by the caller.
 *
 * <pre>{@code
 * PolicyFacts facts =
 *     new PolicyFacts(
 *         Instant.now(),
 *         ApprovalCheck.of(auditMd).expectingCommit(head).problems(),
 *         Optional.of(markerProblems.isEmpty()),
 *         Optional.empty());   // no rollback drill in the evidence
 * }</pre>
 *
 * @param now the moment of the deploy
 * @param approvalProblems what {@link dev.stagegate.report.approval.ApprovalCheck} found; empty
 *     when the audit is approved (so check it before: an unchecked approval looks approved)
 * @param markerVerified whether the deployment marker names the commit; empty when not checked
 * @param rollbackDrill whether the rollback drill passed; empty when there was none
 */
public record PolicyFacts(
    Instant now,
    List<ApprovalRefusal> approvalProblems,
    Optional<Boolean> markerVerified,
    Optional<Boolean> rollbackDrill) {
  public PolicyFacts {
    Objects.requireNonNull(now, "now");
    approvalProblems = List.copyOf(approvalProblems);
    Objects.requireNonNull(markerVerified, "markerVerified");
    Objects.requireNonNull(rollbackDrill, "rollbackDrill");
  }
}
