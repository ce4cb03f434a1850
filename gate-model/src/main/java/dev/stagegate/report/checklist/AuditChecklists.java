package dev.stagegate.report.checklist;

import dev.stagegate.report.AuditReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deploy checklists of one audit as a {@link ChecklistFiller} filled them, with what the audit
 * shows beside them. gate-deploy fills them (from the report and the facts beyond it: tests,
 * approval, policy, marker, deployment); gate-report only renders them, so the renderers depend on
 * the model alone.
 *
 * <pre>{@code
 * AuditChecklists lists = DeployFacts.none().fill(report); // gate-deploy
 * long failed = lists.lists().stream().mapToLong(c -> c.count(ItemState.FAILED)).sum();
 * }</pre>
 *
 * @param filled false when nothing filled them ({@link #notFilled}): the audit says so instead of
 *     counting zero items
 * @param lists the checklists in the order the audit shows them
 * @param deployStep true in a deploy step's audit, which builds on an approved audit and shows its
 *     checklists whatever the verdict
 * @param evidence the report the checklists were filled from: the report itself, or in a deploy
 *     step the approved audit's gates in front of its own
 * @param deploymentRecord the deployment in the seed's text format, once a post-deploy watch has
 *     recorded it
 */
public record AuditChecklists(
    boolean filled,
    List<Checklist> lists,
    boolean deployStep,
    AuditReport evidence,
    Optional<String> deploymentRecord) {
  public AuditChecklists {
    lists = List.copyOf(lists);
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(deploymentRecord, "deploymentRecord");
  }

  /** No checklists: what a renderer given no {@link ChecklistFiller} shows for {@code report}. */
  public static AuditChecklists notFilled(AuditReport report) {
    return new AuditChecklists(false, List.of(), false, report, Optional.empty());
  }
}
