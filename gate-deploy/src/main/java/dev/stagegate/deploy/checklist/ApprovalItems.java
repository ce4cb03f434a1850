package dev.stagegate.deploy.checklist;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.approval.ApprovalRefusal;
import dev.stagegate.report.approval.ApprovalStatus;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checklist items decided by the gates' verdicts and the approval: staging verified (or its verdict
 * accepted with a recorded reason) and the audit approved.
 */
final class ApprovalItems {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ApprovalItems() {}

  /**
   * DONE when every staging gate passed, ACCEPTED when the approval accepts the verdict with a
   * reason.
   */
  static ChecklistItem stagingVerified(AuditReport report, DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.STAGING_VERIFIED;
    List<GateResult> staging = GateEvidence.staging(report);
    if (staging.isEmpty()) {
      return ChecklistItem.manual(text, Checklists.NO_STAGING);
    }
    List<GateResult> notPassed = staging.stream().filter(g -> g.verdict() != Verdict.PASS).toList();
    List<GateResult> cited = notPassed.isEmpty() ? staging : notPassed;
    List<String> parts = new ArrayList<>();
    for (GateResult g : cited.subList(0, Math.min(3, cited.size()))) {
      parts.add(GateEvidence.cite(g) + ": " + g.verdictText());
    }
    String evidence = String.join("; ", parts) + GateEvidence.more(cited.size() - 3);
    if (notPassed.isEmpty()) {
      return new ChecklistItem(text, ItemState.DONE, evidence);
    }
    Optional<ApprovalRecord> accepted = acceptance(facts);
    if (accepted.isPresent()) {
      return new ChecklistItem(
          text, ItemState.ACCEPTED, evidence + "; " + accepted(accepted.get()));
    }
    if (notPassed.stream().allMatch(g -> g.verdict() == Verdict.PASS_SHORTENED)) {
      // nothing failed, but not the evidence asked for: a person decides, and records why
      return ChecklistItem.manual(
          text,
          evidence
              + "; watched less than requested: deploy only after a full run, or approve with"
              + " ApprovalCli approve --accept REASON");
    }
    return new ChecklistItem(text, ItemState.FAILED, evidence);
  }

  /** The approval, when it is valid and accepts a verdict other than PASS with a reason. */
  private static Optional<ApprovalRecord> acceptance(DeployFacts facts) {
    return facts
        .approval()
        .filter(ApprovalStatus::approved)
        .flatMap(ApprovalStatus::record)
        .filter(ApprovalRecord::acceptsNonPass);
  }

  /** {@code PASS_SHORTENED accepted by alice at 2026-11-23 14:02 UTC: "burn-in shortened …"}. */
  private static String accepted(ApprovalRecord a) {
    return a.verdict()
        + " accepted by "
        + GateEvidence.detail(a.reviewer())
        + " at "
        + MINUTE.format(a.approvedAt())
        + ": \""
        + GateEvidence.detail(a.accepted())
        + "\"";
  }

  /**
   * DONE when the approval was checked and holds, ACCEPTED when it accepts a verdict other than
   * PASS.
   */
  static ChecklistItem auditApproved(DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.AUDIT_APPROVED;
    if (facts.approval().isEmpty()) {
      return ChecklistItem.manual(
          text, "approval not checked: run ApprovalCli check --audit stability_audit.md");
    }
    ApprovalStatus status = facts.approval().get();
    if (!status.approved()) {
      List<ApprovalRefusal> problems = status.problems();
      return new ChecklistItem(
          text,
          ItemState.FAILED,
          problems.get(0).reason()
              + ": "
              + problems.get(0).message()
              + GateEvidence.more(problems.size() - 1));
    }
    Optional<ApprovalRecord> r = status.record();
    if (r.isPresent() && r.get().acceptsNonPass()) {
      return new ChecklistItem(
          text,
          ItemState.ACCEPTED,
          accepted(r.get()) + " for commit " + r.get().shortCommit() + "; SHA-256 unchanged");
    }
    return new ChecklistItem(
        text,
        ItemState.DONE,
        r.map(
                a ->
                    "approved by "
                        + GateEvidence.detail(a.reviewer())
                        + " at "
                        + MINUTE.format(a.approvedAt())
                        + " for commit "
                        + a.shortCommit()
                        + "; SHA-256 unchanged")
            .orElse("approval checked"));
  }
}
