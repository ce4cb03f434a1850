package dev.stagegate.report.checklist;

import dev.stagegate.report.AuditReport;

/**
 * Fills the deploy checklists of a report. The renderers (gate-report) call it when they render, so
 * the Markdown and its JSON twin show the same states; gate-deploy's {@code DeployFacts} is the one
 * that fills them from the evidence.
 *
 * <pre>{@code
 * String md = AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(report);
 * }</pre>
 */
@FunctionalInterface
public interface ChecklistFiller {
  /** No checklists ({@link AuditChecklists#notFilled}): the audit says they were not filled. */
  ChecklistFiller NONE = AuditChecklists::notFilled;

  /** The deploy checklists for {@code report}. */
  AuditChecklists fill(AuditReport report);
}
