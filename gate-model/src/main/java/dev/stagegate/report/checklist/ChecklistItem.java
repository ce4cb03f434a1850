package dev.stagegate.report.checklist;

import java.util.Objects;

/**
 * One item of a {@link Checklist}, with its state and the evidence it was judged on.
 *
 * <pre>{@code
 * new ChecklistItem(
 *     ChecklistItemId.EVERY_SERVICE_HEALTHY,
 *     ItemState.DONE,
 *     "gate StagingGateIT#stackIsHealthy: PASS; api healthy, worker running");
 * }</pre>
 *
 * @param id which item
 * @param state done, failed, accepted, or for a person to check
 * @param evidence where the state comes from, short, e.g. {@code gate StagingGateIT#stackIsHealthy:
 *     PASS; 4 services healthy}; for a manual item, what to look at. May hold text from containers:
 *     escape it when rendering.
 */
public record ChecklistItem(ChecklistItemId id, ItemState state, String evidence) {
  public ChecklistItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    evidence = evidence == null ? "" : evidence;
  }

  /** An item for a person to check, {@code evidence} saying what to look at. */
  public static ChecklistItem manual(ChecklistItemId id, String evidence) {
    return new ChecklistItem(id, ItemState.MANUAL, evidence);
  }

  /** What is to be checked, e.g. {@code Every service healthy}. */
  public String text() {
    return id.text();
  }
}
