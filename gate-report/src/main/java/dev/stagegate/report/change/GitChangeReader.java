package dev.stagegate.report.change;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
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

  public static final String BASE_KEY = "stagegate.git.base";

  /** Default bound on commits walked. */
  public static final int DEFAULT_MAX_COMMITS = 500;

  /** Default bound on files listed (per list). */
  public static final int DEFAULT_MAX_FILES = 2000;

  private static final List<String> DEFAULT_BRANCHES =
      List.of(
          "refs/remotes/origin/main",
          "refs/remotes/origin/master",
          "refs/heads/main",
          "refs/heads/master");

  /** A release tag: a version with an optional {@code v} ({@code v1.2.3}, {@code 2.0-rc1}). */
  private static final Pattern RELEASE_TAG =
      Pattern.compile("v?[0-9]+(?:\\.[0-9]+)*(?:[-+][0-9A-Za-z.+-]*)?");

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
      UncommittedChanges uncommitted = uncommitted(repo, notes);
      ObjectId headId = resolveCommit(repo, Constants.HEAD);
      if (headId == null) {
        notes.add("the repository at " + repo.getDirectory() + " has no commits yet");
        return ChangeSummary.withoutHead(uncommitted, notes);
      }
      RevCommit head = walk.parseCommit(headId);
      Base base = chooseBase(repo, head, candidates, notes);
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
          subjectsByPath(repo, head, base == null ? null : base.commit(), listed, notes);
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

  /** The chosen base commit, the ref it came from and how it was chosen. */
  private record Base(String ref, RevCommit commit, BaseSource source, String choice) {}

  private Base chooseBase(
      Repository repo, RevCommit head, BaseCandidates candidates, List<String> notes)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      Base configured = null;
      if (candidates.configured().isPresent()) {
        String ref = candidates.configured().get();
        ObjectId id = resolveCommit(repo, ref);
        if (id == null) {
          throw new IllegalArgumentException(
              BASE_KEY
                  + " = '"
                  + ref
                  + "' does not name a commit in "
                  + repo.getDirectory()
                  + "; set "
                  + BASE_KEY
                  + " to a branch, tag or commit id that exists there (e.g. origin/main),"
                  + " fetch it first in a shallow CI clone, or leave it unset to use the"
                  + " last deployment, the last release tag or the merge-base with the default"
                  + " branch");
        }
        configured =
            new Base(
                ref, walk.parseCommit(id), BaseSource.CONFIGURED, "configured (" + BASE_KEY + ")");
      }
      Base base = lastDeployment(repo, walk, head, candidates, notes);
      if (base == null) {
        base = lastReleaseTag(repo, head, notes);
      }
      if (base != null) {
        if (configured != null) {
          notes.add(
              BASE_KEY
                  + " = '"
                  + configured.ref()
                  + "' is not used: the "
                  + (base.source() == BaseSource.DEPLOYMENT
                      ? "last deployment"
                      : "last release tag")
                  + " comes first");
        }
        return base;
      }
      if (configured != null) {
        return configured;
      }
      for (String branch : defaultBranches(repo)) {
        Ref ref = repo.exactRef(branch);
        ObjectId id = ref == null ? null : resolveCommit(repo, branch);
        if (id == null || id.equals(head)) {
          continue;
        }
        RevCommit mergeBase = mergeBase(repo, head, id);
        String name = Repository.shortenRefName(branch);
        if (mergeBase != null) {
          return new Base(name, mergeBase, BaseSource.MERGE_BASE, "merge-base with " + name);
        }
        notes.add("HEAD has no common history with " + name);
      }
      return null;
    }
  }

  /**
   * The last deployed commit, when the history has one and this repository holds it. A deployment
   * of HEAD itself is kept (nothing changes, and the summary says so), unlike a tag at HEAD.
   */
  private static Base lastDeployment(
      Repository repo, RevWalk walk, RevCommit head, BaseCandidates candidates, List<String> notes)
      throws IOException {
    if (candidates.lastDeployment().isEmpty()) {
      return null;
    }
    DeployedCommit deployed = candidates.lastDeployment().get();
    ObjectId id;
    try {
      id = resolveCommit(repo, deployed.commit());
    } catch (AmbiguousObjectException e) {
      notes.add(
          "the last deployed commit "
              + deployed.commit()
              + " ("
              + deployed.description()
              + ") is ambiguous in this repository: several commits start with it; record"
              + " deployments in the JSON Lines log, which keeps the full id");
      return null;
    } catch (MissingObjectException e) {
      id = null;
    }
    if (id == null) {
      notes.add(
          "the last deployed commit "
              + deployed.commit()
              + " ("
              + deployed.description()
              + ") is not in this repository (a shallow clone? fetch the full history, e.g."
              + " fetch-depth: 0), so it cannot be the base");
      return null;
    }
    if (id.equals(head)) {
      notes.add("HEAD is the last deployed commit: nothing changes compared with what runs");
    }
    return new Base(
        deployed.commit(),
        walk.parseCommit(id),
        BaseSource.DEPLOYMENT,
        "last deployment: " + deployed.description());
  }

  /** origin/HEAD's target first (the remote's default branch), then the usual names. */
  private static Collection<String> defaultBranches(Repository repo) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Ref originHead = repo.exactRef("refs/remotes/origin/HEAD");
    if (originHead != null && originHead.isSymbolic()) {
      names.add(originHead.getTarget().getName());
    }
    names.addAll(DEFAULT_BRANCHES);
    return names;
  }

  private static RevCommit mergeBase(Repository repo, RevCommit head, ObjectId other)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(head));
      walk.markStart(walk.parseCommit(other));
      return walk.next();
    }
  }

  /**
   * The newest release tag on a commit reachable from HEAD (HEAD excluded), like {@code git
   * describe --tags --match 'v[0-9]*'}.
   */
  private Base lastReleaseTag(Repository repo, RevCommit head, List<String> notes)
      throws IOException {
    Map<ObjectId, String> tags = new HashMap<>();
    try (RevWalk walk = new RevWalk(repo)) {
      for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
        String name = Repository.shortenRefName(ref.getName());
        if (target instanceof RevCommit && RELEASE_TAG.matcher(name).matches()) {
          // Several tags on one commit: take the greatest name (v1.10 over v1.9 is not promised).
          tags.merge(target.copy(), name, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      }
    }
    if (tags.isEmpty()) {
      return null;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(head));
      int walked = 0;
      for (RevCommit c : walk) {
        if (walked++ >= maxCommits) {
          notes.add("no release tag within the newest " + maxCommits + " commits of HEAD");
          return null;
        }
        String tag = c.equals(head) ? null : tags.get(c);
        if (tag != null) {
          return new Base(tag, c, BaseSource.RELEASE_TAG, "last release tag " + tag);
        }
      }
    }
    return null;
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

  /**
   * For each listed path, the subjects of the commits (newest first) that touched it. Merge commits
   * are skipped: what they bring in is attributed to the commits merged.
   */
  private Map<String, List<String>> subjectsByPath(
      Repository repo, RevCommit head, RevCommit base, List<DiffEntry> listed, List<String> notes)
      throws IOException {
    Set<String> wanted = new HashSet<>();
    for (DiffEntry e : listed) {
      wanted.add(path(e));
      if (e.getChangeType() == DiffEntry.ChangeType.RENAME) {
        wanted.add(e.getOldPath());
      }
    }
    Map<String, List<String>> subjects = new HashMap<>();
    if (wanted.isEmpty()) {
      return subjects;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(head));
      if (base != null) {
        walk.markUninteresting(walk.parseCommit(base));
      }
      int walked = 0;
      for (RevCommit c : walk) {
        if (walked++ >= maxCommits) {
          notes.add(
              "commit subjects come from the newest "
                  + maxCommits
                  + " commits only; older commits in the change are not read");
          break;
        }
        if (c.getParentCount() <= 1) {
          for (String p : touchedPaths(repo, walk, c)) {
            if (wanted.contains(p)) {
              subjects.computeIfAbsent(p, k -> new ArrayList<>()).add(c.getShortMessage());
            }
          }
        }
        if (base == null) {
          // No base: the change is the HEAD commit alone.
          break;
        }
      }
    }
    return subjects;
  }

  private static List<String> touchedPaths(Repository repo, RevWalk walk, RevCommit c)
      throws IOException {
    List<String> paths = new ArrayList<>();
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.setRecursive(true);
      tw.setFilter(TreeFilter.ANY_DIFF);
      if (c.getParentCount() == 0) {
        tw.addTree(new EmptyTreeIterator());
      } else {
        tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
      }
      tw.addTree(c.getTree());
      while (tw.next()) {
        paths.add(tw.getPathString());
      }
    }
    return paths;
  }

  private UncommittedChanges uncommitted(Repository repo, List<String> notes) {
    if (repo.isBare()) {
      return UncommittedChanges.NONE;
    }
    Status status;
    try {
      status = Git.wrap(repo).status().call();
    } catch (GitAPIException | RuntimeException e) {
      notes.add("the working tree status could not be read: " + e.getMessage());
      return UncommittedChanges.NONE;
    }
    boolean[] truncated = {false};
    List<String> staged =
        capped(truncated, status.getAdded(), status.getChanged(), status.getRemoved());
    List<String> modified = capped(truncated, status.getModified(), status.getMissing());
    List<String> untracked = capped(truncated, status.getUntracked());
    if (truncated[0]) {
      notes.add("uncommitted changes are cut at " + maxFiles + " paths per list");
    }
    return new UncommittedChanges(staged, modified, untracked, truncated[0]);
  }

  @SafeVarargs
  private List<String> capped(boolean[] truncated, Set<String>... sets) {
    TreeSet<String> all = new TreeSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    List<String> list = new ArrayList<>(all);
    if (list.size() > maxFiles) {
      truncated[0] = true;
      return list.subList(0, maxFiles);
    }
    return list;
  }
}
