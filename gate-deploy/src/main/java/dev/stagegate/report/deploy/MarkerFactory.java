package dev.stagegate.report.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Makes the {@link DeploymentMarker} of a build from the git repository it is built from,
 * in-process with JGit (no git binary needed in a CI runner or a build container).
 *
 * <pre>{@code
 * String who = MarkerFactory.defaultDeployedBy(System.getenv());
 * DeploymentMarker marker =
 *     MarkerFactory.fromGit(Path.of("."), "1.2.3", "staging", who, Clock.systemUTC());
 * marker.writeTo(Path.of("docker/context/.deployment_marker"));
 * }</pre>
 */
public final class MarkerFactory {
  /** Set by GitHub Actions to the user who started the workflow. */
  public static final String GITHUB_ACTOR = "GITHUB_ACTOR";

  private MarkerFactory() {}

  /**
   * The marker of HEAD of the repository containing {@code repoDir} (searched upward).
   *
   * @param clock gives the marker's timestamp
   * @throws IOException when there is no repository, HEAD has no commit yet, or the repository
   *     cannot be read; the message says which
   * @throws IllegalArgumentException when a value is blank
   */
  public static DeploymentMarker fromGit(
      Path repoDir, String version, String environment, String deployedBy, Clock clock)
      throws IOException {
    return new DeploymentMarker(
        version, clock.instant(), headCommit(repoDir), environment, deployedBy);
  }

  /**
   * The full id of HEAD of the repository containing {@code repoDir}.
   *
   * @throws IOException when there is no repository or no commit yet
   */
  public static String headCommit(Path repoDir) throws IOException {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(repoDir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new IOException("no git repository at or above " + repoDir.toAbsolutePath());
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
      if (head == null) {
        throw new IOException("the repository at " + repo.getDirectory() + " has no commits yet");
      }
      return head.name();
    }
  }

  /**
   * Who deploys: {@value #GITHUB_ACTOR} when set and not blank (in CI the JVM's user is the
   * runner's, which tells a reviewer nothing), else the {@code user.name} system property, else
   * {@code unknown}.
   *
   * @param env the environment, normally {@link System#getenv()}; passed in so tests need not
   *     change the real one
   */
  public static String defaultDeployedBy(Map<String, String> env) {
    String actor = env.get(GITHUB_ACTOR);
    if (actor != null && !actor.isBlank()) {
      return actor.strip();
    }
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "unknown" : user;
  }
}
