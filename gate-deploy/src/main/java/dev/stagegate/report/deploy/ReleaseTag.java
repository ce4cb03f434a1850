package dev.stagegate.report.deploy;

import dev.stagegate.report.change.CommitIds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The release tag of a deployment: an annotated git tag {@code v<version>} on the deployed commit,
 * whose message is the {@link DeploymentEntry#toSeedText() seed text block} and whose tagger is the
 * deployer (no e-mail) at the deployment's time. Made in-process with JGit, in the local repository
 * only.
 *
 * <p>It never pushes: a pipeline pushes the tag itself after the deploy step, e.g. {@code git push
 * origin refs/tags/v1.2.3} (a plain {@code git push --tags} pushes every local tag). A version is
 * released once: the tag is refused when it already names another commit, and left alone when it
 * names this one (a retried pipeline step).
 *
 * <pre>{@code
 * boolean created = ReleaseTag.tag(Path.of("."), entry); // v1.2.3 on entry.commit()
 * // then, in the pipeline: git push origin refs/tags/v1.2.3
 * }</pre>
 */
public final class ReleaseTag {
  private ReleaseTag() {}

  /**
   * The tag's name, {@code v<version>}.
   *
   * @throws IllegalArgumentException when that is not a valid git tag name (e.g. a version with a
   *     space, {@code ..} or {@code ~})
   */
  public static String name(DeploymentEntry entry) {
    String name = "v" + entry.version();
    if (!Repository.isValidRefName(Constants.R_TAGS + name)) {
      throw new IllegalArgumentException(
          "version '"
              + entry.version()
              + "' does not make a valid git tag name ("
              + name
              + "): no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\\\'");
    }
    return name;
  }

  /**
   * Creates the annotated tag {@code v<version>} on {@code entry.commit()} in the repository
   * containing {@code repoDir} (searched upward).
   *
   * @return {@code true} when created, {@code false} when the tag already names that commit
   * @throws IllegalStateException when the tag already names another commit; the message names both
   * @throws IllegalArgumentException when the version makes no valid tag name
   * @throws IOException when there is no repository, the commit is not in it, or it cannot be
   *     written
   */
  public static boolean tag(Path repoDir, DeploymentEntry entry) throws IOException {
    String name = name(entry);
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(repoDir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new IOException("no git repository at or above " + repoDir.toAbsolutePath());
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      ObjectId commit = resolveCommit(repo, entry.commit());
      if (existing(repo, name, commit)) {
        return false;
      }
      try (Git git = Git.wrap(repo);
          RevWalk walk = new RevWalk(repo)) {
        RevCommit target = walk.parseCommit(commit);
        git.tag()
            .setName(name)
            .setObjectId(target)
            .setAnnotated(true)
            .setMessage(entry.toSeedText())
            .setTagger(new PersonIdent(entry.deployedBy(), "", entry.when(), ZoneOffset.UTC))
            .setForceUpdate(false)
            .call();
        return true;
      } catch (GitAPIException e) {
        // Another process may have made it in the meantime: same commit is fine.
        if (existing(repo, name, commit)) {
          return false;
        }
        throw new IOException(
            "cannot create tag " + name + " in " + repo.getDirectory() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Whether {@code name} exists on {@code commit}.
   *
   * @throws IllegalStateException when it exists on another commit
   */
  private static boolean existing(Repository repo, String name, ObjectId commit)
      throws IOException {
    if (repo.exactRef(Constants.R_TAGS + name) == null) {
      return false;
    }
    ObjectId tagged = repo.resolve(Constants.R_TAGS + name + "^{commit}");
    if (commit.equals(tagged)) {
      return true;
    }
    throw new IllegalStateException(
        "tag "
            + name
            + " already exists on "
            + (tagged == null ? "a non-commit object" : CommitIds.abbreviate(tagged.name()))
            + ", not on the deployed commit "
            + CommitIds.abbreviate(commit.name())
            + ": a version is released once; deploy a new version, or delete the tag if it was"
            + " made by mistake (git tag -d "
            + name
            + ")");
  }

  private static ObjectId resolveCommit(Repository repo, String id) throws IOException {
    ObjectId commit;
    try {
      commit = repo.resolve(id + "^{commit}");
    } catch (RevisionSyntaxException | MissingObjectException e) {
      commit = null;
    }
    if (commit == null) {
      throw new IOException(
          "commit "
              + CommitIds.abbreviate(id)
              + " is not in the repository at "
              + repo.getDirectory()
              + " (fetch it first, e.g. a shallow CI clone needs fetch-depth: 0)");
    }
    return commit;
  }
}
