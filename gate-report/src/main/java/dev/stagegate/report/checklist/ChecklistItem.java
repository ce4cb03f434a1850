package dev.stagegate.report.checklist;

import java.util.Objects;

/**
 * One item of a {@link Checklist}, with its state and the evidence it was judged on.
 *
 * <pre>{@code
 * new ChecklistItem(
 *     "Every service healthy", ItemState.DONE, "gate StagingGateIT#stackIsHealthy: PASS; api healthy, worker running");
 * }</pre>
 *
 * @param text what is to be checked, e.g. {@code Every service healthy}
 * @param state done, failed, or for a person to check
 * @param evidence where the state comes from, short, e.g. {@code gate StagingGateIT#stackIsHealthy:
 *     PASS; 4 services healthy}; for a manual item, what to look at. May hold text from containers:
 *     escape it when rendering.
 */
public record ChecklistItem(String text, ItemState state, String evidence) {
  public ChecklistItem {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(state, "state");
    evidence = evidence == null ? "" : evidence;
  }
}
