package dev.stagegate.junit.gate;

import dev.stagegate.report.TestedImage;
import dev.stagegate.report.deploy.DeployedRelease;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a rollback goes and why: the last successful deployment of the environment recorded in the
 * deployment history (its commit, and the images it ran when the history recorded them), or, when
 * there is none, the previous commit chosen from git, whose kept images are found by tag name.
 *
 * @param deployed the recorded deployment the target came from; empty when none was used
 * @param source the sentence the audit shows, e.g. {@code the last deployment to production at
 *     2026-12-07 10:14 UTC (version 1.2.2, commit abc1234), from …/deployments.jsonl}
 */
public record RollbackTarget(Optional<DeployedRelease> deployed, String source) {
  /** Checks that nothing is null. */
  public RollbackTarget {
    Objects.requireNonNull(deployed, "deployed");
    Objects.requireNonNull(source, "source");
  }

  /** The images the recorded deployment ran; empty without one, or when it recorded none. */
  public List<TestedImage> recordedImages() {
    return deployed.map(DeployedRelease::images).orElse(List.of());
  }

  /**
   * The target taken from a recorded deployment.
   *
   * @param release the deployment, successful, of the target environment, not of HEAD
   */
  static RollbackTarget deployed(DeployedRelease release) {
    return new RollbackTarget(
        Optional.of(release),
        release.describe()
            + (release.images().isEmpty()
                ? "; it recorded no images (an older entry, or a source without them): its"
                    + " commit's kept images by tag name, not checked by ID"
                : ": the images it ran, by tag, each checked against the recorded ID"));
  }

  /**
   * The fallback without a recorded deployment: the previous commit from git.
   *
   * @param environment the environment looked for; empty: any
   * @param history where the history was looked for, e.g. the JSON Lines log's path
   * @param choice how git chose the commit, e.g. {@code the newest tag below HEAD}
   */
  static RollbackTarget previousCommit(
      Optional<String> environment, String history, String choice) {
    return new RollbackTarget(
        Optional.empty(),
        "no deployment recorded"
            + environment.map(e -> " to " + e).orElse("")
            + " in "
            + history
            + ": rolling back to the previous commit's kept images by tag name ("
            + choice
            + ")");
  }

  /**
   * The ref was given explicitly, so it wins over the history.
   *
   * @param given where it was given, e.g. {@code configuration parameter
   *     stagegate.rollback.previous}
   * @param ignored the recorded deployment that was not used, if any
   */
  static RollbackTarget given(String given, Optional<DeployedRelease> ignored) {
    return new RollbackTarget(
        Optional.empty(),
        "given by "
            + given
            + ": the previous commit's kept images by tag name"
            + ignored
                .map(
                    r ->
                        "; not used instead: "
                            + r.describe()
                            + " (remove the setting to roll back to it)")
                .orElse(""));
  }
}
