package dev.stagegate.deploy.change;

import dev.stagegate.report.change.SourceRevision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads a {@link SourceRevision} from a git work tree with JGit (the model's record does no I/O).
 *
 * <pre>{@code
 * SourceRevision source = GitSourceRevision.read(Path.of("")).orElse(null);
 * }</pre>
 */
public final class GitSourceRevision {
  private GitSourceRevision() {}

  /**
   * The revision of the repository containing {@code workDir}; empty outside a repository or before
   * the first commit.
   *
   * @throws IOException when the repository cannot be read
   */
  public static Optional<SourceRevision> read(Path workDir) throws IOException {
    Optional<Repository> found = GitChangeReader.open(workDir.toAbsolutePath());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repo = found.get()) {
      ObjectId head = GitChangeReader.resolveCommit(repo, Constants.HEAD);
      if (head == null) {
        return Optional.empty();
      }
      String full = repo.getFullBranch();
      String branch =
          full != null && full.startsWith(Constants.R_HEADS)
              ? full.substring(Constants.R_HEADS.length())
              : SourceRevision.DETACHED;
      String url = repo.getConfig().getString("remote", "origin", "url");
      String repository =
          url != null && !url.isBlank()
              ? SourceRevision.withoutCredentials(url.trim())
              : repo.isBare() ? repo.getDirectory().getName() : repo.getWorkTree().getName();
      return Optional.of(new SourceRevision(repository, branch, head.name()));
    }
  }
}
