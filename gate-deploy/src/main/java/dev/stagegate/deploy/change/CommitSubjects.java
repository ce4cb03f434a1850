package dev.stagegate.deploy.change;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The subjects of the commits that touched each changed file, the "why" a reviewer reads next to
 * it; at most {@code maxCommits} commits are walked.
 */
final class CommitSubjects {
  private final int maxCommits;

  CommitSubjects(int maxCommits) {
    this.maxCommits = maxCommits;
  }

  /**
   * For each listed path, the subjects of the commits (newest first) that touched it. Merge commits
   * are skipped: what they bring in is attributed to the commits merged.
   */
  Map<String, List<String>> byPath(
      Repository repo, RevCommit head, RevCommit base, List<DiffEntry> listed, List<String> notes)
      throws IOException {
    Set<String> wanted = new HashSet<>();
    for (DiffEntry e : listed) {
      wanted.add(GitChangeReader.path(e));
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
}
