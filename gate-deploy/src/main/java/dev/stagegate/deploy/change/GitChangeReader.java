package dev.stagegate.deploy.change;

import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads a {@link ChangeSummary} from the git repository around a directory, in-process with JGit.
 *
 * <p>The base answers "what does deploying HEAD change?", so it is, in this order: the commit of
 * the last successful deployment (from the deployment history, see {@link BaseCandidates}); the
 * newest release tag ({@code v1.2.3}, {@code 1.2}; other tags are not releases) on a commit
 * reachable from HEAD, HEAD itself excluded; the configured ref ({@value #BASE_KEY}); the
 * merge-base of HEAD with the default branch ({@code origin/HEAD}'s target, else {@code
 * origin/main}, {@code origin/master}, {@code main}, {@code master}: the first that exists and is
 * not at HEAD); else none, and then only the files of the HEAD commit are listed and the notes say
 * so ({@link ChangeSummary#NO_BASE_NOTE}). A tag or branch at HEAD is skipped because it would give
 * an empty change, which tells a reviewer nothing; a deployment of HEAD is not: nothing changes. A
 * configured ref that is not used is named in the notes.
 *
 * <p>The work is bounded, so a huge history cannot stall a gate: at most {@code maxCommits} commits
 * are walked (for subjects and for the tag search) and at most {@code maxFiles} files listed; the
 * summary's notes say when a limit was hit.
 *
 * <pre>{@code
 * Optional<String> base = Optional.ofNullable(System.getProperty(GitChangeReader.BASE_KEY));
 * ChangeSummary change = new GitChangeReader().read(Path.of("."), base);
 * ChangeSummary sinceDeploy =
 *     new GitChangeReader().read(Path.of("."), new BaseCandidates(deployed, base, List.of()));
 * }</pre>
 */
public final class GitChangeReader {
  /** The configuration key whose value, when set, is the base ref. */
  /**
   * Configuration key: only deployments to this environment count as the change base (and as the
   * rollback target when a drill names no environment); by default any environment's.
   */
  public static final String BASE_ENVIRONMENT_KEY = "stagegate.git.base-environment";

  public static final String BASE_KEY = ChangeSummary.BASE_KEY;

  /** Default bound on commits walked. */
  public static final int DEFAULT_MAX_COMMITS = 500;

  /** Default bound on files listed (per list). */
  public static final int DEFAULT_MAX_FILES = 2000;

  private final int maxCommits;
  private final int maxFiles;

  /** A reader with the default bounds. */
  public GitChangeReader() {
    this(DEFAULT_MAX_COMMITS, DEFAULT_MAX_FILES);
  }

  /**
   * A reader with the given bounds.
   *
   * @param maxCommits most commits walked, at least 1
   * @param maxFiles most paths listed in each list, at least 1
   */
  public GitChangeReader(int maxCommits, int maxFiles) {
    if (maxCommits < 1 || maxFiles < 1) {
      throw new IllegalArgumentException(
          "maxCommits and maxFiles must be at least 1 but were " + maxCommits + ", " + maxFiles);
    }
    this.maxCommits = maxCommits;
    this.maxFiles = maxFiles;
  }

  /**
   * The change from the base to HEAD of the repository containing {@code workDir} (searched
   * upward), plus its uncommitted changes.
   *
   * @param configuredBase the value of {@value #BASE_KEY}, when set
   * @return the summary; {@link ChangeSummary#notARepository} when there is no repository
   * @throws IllegalArgumentException naming {@value #BASE_KEY} when the configured base does not
   *     name a commit
   * @throws IOException when the repository cannot be read
   */
  public ChangeSummary read(Path workDir, Optional<String> configuredBase) throws IOException {
    return read(workDir, BaseCandidates.configured(configuredBase));
  }

  /**
   * The change from the base to HEAD, the base chosen from the candidates and the repository (see
   * the class comment), plus the uncommitted changes.
   *
   * @return the summary; {@link ChangeSummary#notARepository} when there is no repository
   * @throws IllegalArgumentException naming {@value #BASE_KEY} when the configured base does not
   *     name a commit (checked even when another base comes first: a typo is still a typo)
   * @throws IOException when the repository cannot be read
   */
  public ChangeSummary read(Path workDir, BaseCandidates candidates) throws IOException {
    Optional<Repository> found = open(workDir);
    if (found.isEmpty()) {
      ChangeSummary none = ChangeSummary.notARepository(workDir);
      if (candidates.notes().isEmpty()) {
        return none;
      }
      List<String> notes = new ArrayList<>(none.notes());
      notes.addAll(candidates.notes());
      return ChangeSummary.withoutHead(UncommittedChanges.NONE, notes);
    }
    try (Repository repo = found.get();
        RevWalk walk = new RevWalk(repo)) {
      List<String> notes = new ArrayList<>(candidates.notes());
      UncommittedChanges uncommitted = new UncommittedChangesReader(maxFiles).read(repo, notes);
      ObjectId headId = resolveCommit(repo, Constants.HEAD);
      if (headId == null) {
        notes.add("the repository at " + repo.getDirectory() + " has no commits yet");
        return ChangeSummary.withoutHead(uncommitted, notes);
      }
      RevCommit head = walk.parseCommit(headId);
      ChangeBase base = new ChangeBaseChooser(maxCommits).choose(repo, head, candidates, notes);
      RevCommit from = base != null ? base.commit() : firstParent(walk, head);
      if (base == null) {
        notes.add(ChangeSummary.NO_BASE_NOTE);
      }
      List<DiffEntry> entries = diff(repo, from, head);
      List<DiffEntry> listed = entries.subList(0, Math.min(entries.size(), maxFiles));
      if (entries.size() > maxFiles) {
        notes.add(
            "… "
                + (entries.size() - maxFiles)
                + " more changed files not listed (limit "
                + maxFiles
                + ")");
      }
      Map<String, List<String>> subjects =
          new CommitSubjects(maxCommits)
              .byPath(repo, head, base == null ? null : base.commit(), listed, notes);
      List<ChangedFile> files = new ArrayList<>();
      for (DiffEntry e : listed) {
        files.add(changedFile(e, subjects));
      }
      return new ChangeSummary(
          base == null ? null : base.ref(),
          base == null ? null : base.commit().name(),
          head.name(),
          base == null ? ChangeSummary.NO_BASE : base.choice(),
          base == null ? BaseSource.NONE : base.source(),
          files,
          entries.size(),
          uncommitted,
          notes);
    }
  }

  /**
   * The root of the work tree containing {@code workDir}, where {@code stagegate-risk.yml} lives;
   * empty outside a repository or in a bare one.
   */
  public static Optional<Path> workTree(Path workDir) throws IOException {
    Optional<Repository> found = open(workDir);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repo = found.get()) {
      return repo.isBare() ? Optional.empty() : Optional.of(repo.getWorkTree().toPath());
    }
  }

  /** The repository whose work tree or git dir contains {@code workDir}, searching upward. */
  static Optional<Repository> open(Path workDir) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workDir.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    return Optional.of(builder.setMustExist(true).build());
  }

  /** The commit a revision string names, or null when it names none. */
  static ObjectId resolveCommit(Repository repo, String revision) throws IOException {
    try {
      return repo.resolve(revision + "^{commit}");
    } catch (RevisionSyntaxException e) {
      return null;
    }
  }

  /** HEAD's first parent, or null for a root commit (then everything in HEAD is an add). */
  static RevCommit firstParent(RevWalk walk, RevCommit head) throws IOException {
    return head.getParentCount() == 0 ? null : walk.parseCommit(head.getParent(0));
  }

  private static List<DiffEntry> diff(Repository repo, RevCommit from, RevCommit head)
      throws IOException {
    try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      df.setRepository(repo);
      df.setDetectRenames(true);
      List<DiffEntry> entries =
          new ArrayList<>(df.scan(from == null ? null : from.getTree(), head.getTree()));
      entries.sort((a, b) -> path(a).compareTo(path(b)));
      return entries;
    }
  }

  /** The path a reviewer knows the file by: the new path, or the old one for a delete. */
  static String path(DiffEntry e) {
    return e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
  }

  private static ChangedFile changedFile(DiffEntry e, Map<String, List<String>> subjects) {
    ChangeType type =
        switch (e.getChangeType()) {
          case ADD, COPY -> ChangeType.ADD;
          case MODIFY -> ChangeType.MODIFY;
          case DELETE -> ChangeType.DELETE;
          case RENAME -> ChangeType.RENAME;
        };
    String path = path(e);
    Set<String> why = new LinkedHashSet<>(subjects.getOrDefault(path, List.of()));
    if (type == ChangeType.RENAME) {
      why.addAll(subjects.getOrDefault(e.getOldPath(), List.of()));
    }
    List<String> capped =
        new ArrayList<>(why).subList(0, Math.min(why.size(), ChangedFile.MAX_SUBJECTS));
    return new ChangedFile(path, type, type == ChangeType.RENAME ? e.getOldPath() : null, capped);
  }
}
