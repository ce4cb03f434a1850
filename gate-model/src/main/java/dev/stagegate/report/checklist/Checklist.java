package dev.stagegate.report.checklist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list of items, e.g. the staging gate's or the pre-deployment checklist.
 *
 * <pre>{@code
 * Checklist staging = Checklists.stagingGate(report, DeployFacts.none()); // gate-deploy
 * boolean ready = staging.count(ItemState.FAILED) == 0;
 * }</pre>
 *
 * @param id which checklist
 * @param items in the order to walk them
 */
public record Checklist(ChecklistId id, List<ChecklistItem> items) {
  public Checklist {
    Objects.requireNonNull(id, "id");
    items = List.copyOf(items);
  }

  /** The heading, e.g. {@code Pre-deployment}. */
  public String title() {
    return id.title();
  }

  /** How many items are in {@code state}. */
  public long count(ItemState state) {
    return items.stream().filter(i -> i.state() == state).count();
  }

  /** The item with this id, when it is in this checklist. */
  public Optional<ChecklistItem> item(ChecklistItemId item) {
    return items.stream().filter(i -> i.id() == item).findFirst();
  }
}
