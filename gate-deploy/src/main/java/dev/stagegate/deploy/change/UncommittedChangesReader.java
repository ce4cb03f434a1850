package dev.stagegate.deploy.change;

import dev.stagegate.report.change.UncommittedChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/** Reads {@link UncommittedChanges} from a work tree, at most {@code maxFiles} paths per list. */
final class UncommittedChangesReader {
  private final int maxFiles;

  UncommittedChangesReader(int maxFiles) {
    this.maxFiles = maxFiles;
  }

  /** The work tree's staged, modified and untracked paths; none for a bare repository. */
  UncommittedChanges read(Repository repo, List<String> notes) {
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
