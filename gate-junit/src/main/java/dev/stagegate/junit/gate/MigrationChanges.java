package dev.stagegate.junit.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The files between two commits that change the database schema on deploy: anything under a {@code
 * migrations/} or {@code alembic/} directory, or whose name contains {@code migrat}. Rolling the
 * images back does not undo them; a person must decide on the database.
 */
final class MigrationChanges {
  private MigrationChanges() {}

  /** Whether {@code path} (repository-relative, {@code /}-separated) looks like a migration. */
  static boolean isMigration(String path) {
    String p = "/" + path.toLowerCase(Locale.ROOT);
    String name = p.substring(p.lastIndexOf('/') + 1);
    return p.contains("/migrations/") || p.contains("/alembic/") || name.contains("migrat");
  }

  /**
   * The migration files changed between {@code from} and {@code to} (added, modified, deleted or
   * renamed), in path order.
   *
   * @throws IOException when the repository or a commit cannot be read
   */
  static List<String> between(Path repoRoot, String from, String to) throws IOException {
    try (Repository repo =
            new FileRepositoryBuilder().findGitDir(repoRoot.toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(repo);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      var a = walk.parseCommit(ObjectId.fromString(from)).getTree();
      var b = walk.parseCommit(ObjectId.fromString(to)).getTree();
      List<String> found = new ArrayList<>();
      for (DiffEntry e : diff.scan(a, b)) {
        String path =
            e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
        if (isMigration(path) || isMigration(e.getOldPath())) {
          found.add(path);
        }
      }
      return found.stream().distinct().sorted().toList();
    }
  }
}
