package dev.stagegate.deploy.change;

import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangeSummary;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Chooses the commit a {@link ChangeSummary} compares HEAD with, walking at most {@code maxCommits}
 * commits in the search for a release tag.
 */
final class ChangeBaseChooser {
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

  ChangeBaseChooser(int maxCommits) {
    this.maxCommits = maxCommits;
  }

  /**
   * The base for HEAD: the last deployment, the last release tag, the configured ref, the
   * merge-base with the default branch, in this order (see {@link GitChangeReader}); null for none.
   * Notes say why a candidate was not used.
   *
   * @throws IllegalArgumentException naming {@value GitChangeReader#BASE_KEY} when the configured
   *     base does not name a commit
   */
  ChangeBase choose(Repository repo, RevCommit head, BaseCandidates candidates, List<String> notes)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      ChangeBase configured = null;
      if (candidates.configured().isPresent()) {
        String ref = candidates.configured().get();
        ObjectId id = GitChangeReader.resolveCommit(repo, ref);
        if (id == null) {
          throw new IllegalArgumentException(
              GitChangeReader.BASE_KEY
                  + " = '"
                  + ref
                  + "' does not name a commit in "
                  + repo.getDirectory()
                  + "; set "
                  + GitChangeReader.BASE_KEY
                  + " to a branch, tag or commit id that exists there (e.g. origin/main),"
                  + " fetch it first in a shallow CI clone, or leave it unset to use the"
                  + " last deployment, the last release tag or the merge-base with the default"
                  + " branch");
        }
        configured =
            new ChangeBase(
                ref,
                walk.parseCommit(id),
                BaseSource.CONFIGURED,
                "configured (" + GitChangeReader.BASE_KEY + ")");
      }
      ChangeBase base = lastDeployment(repo, walk, head, candidates, notes);
      if (base == null) {
        base = lastReleaseTag(repo, head, notes);
      }
      if (base != null) {
        if (configured != null) {
          notes.add(
              GitChangeReader.BASE_KEY
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
        ObjectId id = ref == null ? null : GitChangeReader.resolveCommit(repo, branch);
        if (id == null || id.equals(head)) {
          continue;
        }
        RevCommit mergeBase = mergeBase(repo, head, id);
        String name = Repository.shortenRefName(branch);
        if (mergeBase != null) {
          return new ChangeBase(name, mergeBase, BaseSource.MERGE_BASE, "merge-base with " + name);
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
  private static ChangeBase lastDeployment(
      Repository repo, RevWalk walk, RevCommit head, BaseCandidates candidates, List<String> notes)
      throws IOException {
    if (candidates.lastDeployment().isEmpty()) {
      return null;
    }
    DeployedCommit deployed = candidates.lastDeployment().get();
    ObjectId id;
    try {
      id = GitChangeReader.resolveCommit(repo, deployed.commit());
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
    return new ChangeBase(
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
  private ChangeBase lastReleaseTag(Repository repo, RevCommit head, List<String> notes)
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
          return new ChangeBase(tag, c, BaseSource.RELEASE_TAG, "last release tag " + tag);
        }
      }
    }
    return null;
  }
}
