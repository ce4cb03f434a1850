package dev.stagegate.report.change;

import java.util.List;

/**
 * What the working tree holds beyond HEAD. A gate builds images from the working tree, so these
 * files are part of what was tested even though no commit explains them.
 *
 * <pre>{@code
 * if (!summary.uncommitted().isEmpty()) {
 *   System.out.println("tested with local edits: " + summary.uncommitted().modified());
 * }
 * }</pre>
 *
 * @param staged paths added, changed or removed in the index
 * @param modified paths changed or deleted in the working tree but not staged
 * @param untracked paths not known to git and not ignored
 * @param truncated true when a list was cut at {@code GitChangeReader}'s file limit
 */
public record UncommittedChanges(
    List<String> staged, List<String> modified, List<String> untracked, boolean truncated) {
  /** No uncommitted changes. */
  public static final UncommittedChanges NONE =
      new UncommittedChanges(List.of(), List.of(), List.of(), false);

  public UncommittedChanges {
    staged = List.copyOf(staged);
    modified = List.copyOf(modified);
    untracked = List.copyOf(untracked);
  }

  /** True when the working tree matches HEAD (ignored files aside). */
  public boolean isEmpty() {
    return staged.isEmpty() && modified.isEmpty() && untracked.isEmpty();
  }
}
