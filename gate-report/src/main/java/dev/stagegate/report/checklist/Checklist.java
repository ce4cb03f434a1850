package dev.stagegate.report.checklist;

import java.util.List;
import java.util.Objects;

/**
 * A titled list of items, e.g. the staging gate's or the pre-deployment checklist.
 *
 * <pre>{@code
 * Checklist staging = Checklists.stagingGate(report, DeployFacts.none());
 * boolean ready = staging.count(ItemState.FAILED) == 0;
 * }</pre>
 *
 * @param title e.g. {@code Pre-deployment}
 * @param items in the order to walk them
 */
public record Checklist(String title, List<ChecklistItem> items) {
  public Checklist {
    Objects.requireNonNull(title, "title");
    items = List.copyOf(items);
  }

  /** How many items are in {@code state}. */
  public long count(ItemState state) {
    return items.stream().filter(i -> i.state() == state).count();
  }
}
