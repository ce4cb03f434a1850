package dev.stagegate.report.change;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What is being deployed compared with what was deployed before: the files changed between a base
 * commit and HEAD, why (commit subjects), and what the working tree adds on top. Read by {@code
 * GitChangeReader} (gate-deploy); shown in the audit so a reviewer sees the change next to the
 * evidence.
 *
 * <pre>{@code
 * ChangeSummary change = new GitChangeReader().read(Path.of("."), Optional.empty());
 * System.out.println(change.baseChoice() + ": " + change.filesTotal() + " files changed");
 * }</pre>
 *
 * @param baseRef the ref the base came from ({@code origin/main}, {@code v1.2.0}, the configured
 *     value); {@code null} when there is no base
 * @param baseCommit the full id of the base commit; {@code null} when there is no base
 * @param headCommit the full id of HEAD; {@code null} when there is no repository or no commit
 * @param baseChoice how the base was chosen, in words: {@code last deployment: 1.2.3 to production
 *     at …}, {@code last release tag v1.2.0}, {@code configured (stagegate.git.base)}, {@code
 *     merge-base with <branch>} or {@code none}
 * @param baseSource where the base came from; {@code null} (an audit written before this field) is
 *     read from {@code baseChoice}
 * @param files the changed files, sorted by path, at most the reader's file limit
 * @param filesTotal how many files changed in all; more than {@code files.size()} when cut
 * @param uncommitted staged, modified and untracked paths in the working tree
 * @param notes sentences a reviewer should read with the list: no repository, no base, limits hit
 */
public record ChangeSummary(
    String baseRef,
    String baseCommit,
    String headCommit,
    String baseChoice,
    BaseSource baseSource,
    List<ChangedFile> files,
    int filesTotal,
    UncommittedChanges uncommitted,
    List<String> notes) {
  /** The configuration key (system property) naming the base ref the change is read against. */
  public static final String BASE_KEY = "stagegate.git.base";

  /** {@link #baseChoice} when no base could be found. */
  public static final String NO_BASE = "none";

  /**
   * The sentence shown when there is no base: what was looked at instead, and the two ways to get a
   * base.
   */
  public static final String NO_BASE_NOTE =
      "no base: only the last commit was looked at; set " + BASE_KEY + " or record deployments";

  public ChangeSummary {
    Objects.requireNonNull(baseChoice, "baseChoice");
    if (baseSource == null) {
      baseSource = BaseSource.fromChoice(baseChoice);
    }
    Objects.requireNonNull(uncommitted, "uncommitted");
    files = List.copyOf(files);
    notes = List.copyOf(notes);
    if (filesTotal < files.size()) {
      throw new IllegalArgumentException(
          "filesTotal " + filesTotal + " is less than the " + files.size() + " files listed");
    }
  }

  /** A summary whose base source is read from {@code baseChoice}, as before that field existed. */
  public ChangeSummary(
      String baseRef,
      String baseCommit,
      String headCommit,
      String baseChoice,
      List<ChangedFile> files,
      int filesTotal,
      UncommittedChanges uncommitted,
      List<String> notes) {
    this(baseRef, baseCommit, headCommit, baseChoice, null, files, filesTotal, uncommitted, notes);
  }

  /** The empty summary for a directory that is not inside a git repository. */
  public static ChangeSummary notARepository(Path dir) {
    return withoutHead(
        UncommittedChanges.NONE,
        List.of("not a git repository: " + dir + "; the change summary is empty"));
  }

  /**
   * A summary with no HEAD to compare (no repository, or one without commits): no base and no
   * files, only the working tree and the notes.
   */
  public static ChangeSummary withoutHead(UncommittedChanges uncommitted, List<String> notes) {
    return new ChangeSummary(
        null, null, null, NO_BASE, BaseSource.NONE, List.of(), 0, uncommitted, notes);
  }

  /** How many changed files are not listed because of the file limit. */
  public int filesNotListed() {
    return filesTotal - files.size();
  }
}
