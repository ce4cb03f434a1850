package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.TestedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The images one gate run built and tested, by image ID, and — when the gate passed — kept under
 * {@code <repository>/<service>:<commit>} so that a deploy of the approved audit runs exactly them,
 * without a rebuild. The run's temporary names go at teardown either way.
 *
 * <p>The commit is HEAD of the repository around the compose project; with uncommitted changes
 * under the project directory the tag says {@code <commit>-dirty}, because the image is not that
 * commit's. Without a repository nothing is kept and the check says why.
 */
final class TestedImages {
  private final DockerClient client;
  private final ComposeFile compose;
  private final RunLabels labels;
  private final GateSettings settings;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final List<String> unknown = new ArrayList<>();

  TestedImages(DockerClient client, ComposeFile compose, RunLabels labels, GateSettings settings) {
    this.client = client;
    this.compose = compose;
    this.labels = labels;
    this.settings = settings;
  }

  /** Reads the image ID of every service the build made; call after a successful build. */
  void recordBuilt() {
    for (ComposeService s : compose.services().values()) {
      if (!s.builds()) {
        continue;
      }
      try {
        ids.put(
            s.name(),
            client.inspectImageCmd(ComposeOverride.imageName(labels, s.name())).exec().getId());
      } catch (RuntimeException e) {
        unknown.add(s.name() + " (" + e.getMessage() + ")");
      }
    }
  }

  /** Whether the settings ask to keep a passing gate's images ({@code stagegate.images.keep}). */
  boolean wanted() {
    return settings.imagesKeep() && !ids.isEmpty();
  }

  /**
   * Tags every recorded image {@code <repository>/<service>:<commit>} for the deploy; a gate calls
   * it only when it passed and {@link #wanted()}, before teardown.
   *
   * @return the check that says what was kept, or why nothing was
   */
  CheckResult keep() {
    String name = "keep tested images";
    if (ids.isEmpty()) {
      return new CheckResult(name, CheckStatus.SKIPPED, "no image was built", "");
    }
    if (!unknown.isEmpty()) {
      return CheckResult.fail(
          name, "the image ID of " + String.join(", ", unknown) + " could not be read", "");
    }
    String version;
    try {
      version = commitTag(compose.projectDirectory());
    } catch (IOException e) {
      return new CheckResult(
          name,
          CheckStatus.SKIPPED,
          "not kept: the images are tagged by commit, but "
              + e.getMessage()
              + "; run the gate in a git checkout to deploy what it tested",
          "");
    }
    String repository = settings.imagesRepository().orElse(compose.projectName());
    List<String> kept = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    for (Map.Entry<String, String> e : ids.entrySet()) {
      String repo = repository + "/" + e.getKey().toLowerCase(Locale.ROOT);
      Optional<String> before = holder(repo + ":" + version);
      try {
        client.tagImageCmd(e.getValue(), repo, version).withForce().exec();
      } catch (RuntimeException ex) {
        tags.clear();
        return CheckResult.fail(
            name, "could not tag " + e.getValue() + " as " + repo + ":" + version + ": " + ex, "");
      }
      tags.put(e.getKey(), repo + ":" + version);
      // the version (a 40-character commit) once for all services, not once per service
      kept.add(e.getKey() + " " + TestedImage.shortId(e.getValue()) + " as " + repo);
      before
          .filter(id -> !id.equals(e.getValue()))
          .flatMap(this::removeIfOrphanedGateImage)
          .ifPresent(replaced::add);
    }
    return CheckResult.pass(
        name,
        "kept for the deploy: "
            + String.join(", ", kept)
            + ", each tagged :"
            + version
            + " (up -d --no-build)"
            + (replaced.isEmpty()
                ? ""
                : "; an earlier gate's images of this commit lost the tag and were removed: "
                    + String.join(", ", replaced)),
        "");
  }

  /** The image ID a tag names now, if any. */
  private Optional<String> holder(String tag) {
    try {
      return Optional.ofNullable(client.inspectImageCmd(tag).exec().getId());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Removes an image that moving the tag left without any name, when a gate built it: an earlier
   * gate of the same commit kept it, and nothing can deploy it by name any more. One a container
   * still uses (a deployed one) stays, as does anything a gate did not build.
   *
   * @return the short ID when it was removed
   */
  private Optional<String> removeIfOrphanedGateImage(String id) {
    try {
      InspectImageResponse image = client.inspectImageCmd(id).exec();
      List<String> names = image.getRepoTags() == null ? List.of() : image.getRepoTags();
      Map<String, String> imageLabels =
          image.getConfig() == null || image.getConfig().getLabels() == null
              ? Map.of()
              : image.getConfig().getLabels();
      if (!names.isEmpty() || !imageLabels.containsKey(RunLabels.MARKER)) {
        return Optional.empty();
      }
      // not forced: the engine refuses while a container uses it; its untagged parents go with it
      client.removeImageCmd(id).withForce(false).exec();
      return Optional.of(TestedImage.shortId(id));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The image IDs kept under a tag: teardown leaves them. */
  Set<String> keptIds() {
    Set<String> kept = new LinkedHashSet<>();
    tags.keySet().forEach(service -> kept.add(ids.get(service)));
    return kept;
  }

  /** The run's temporary image names, which teardown removes even from a kept image. */
  List<String> runNames() {
    return ids.keySet().stream().map(s -> ComposeOverride.imageName(labels, s)).toList();
  }

  /** What the gate result records: every image built, with its kept tag or none. */
  List<TestedImage> result() {
    List<TestedImage> images = new ArrayList<>();
    ids.forEach((service, id) -> images.add(new TestedImage(service, id, tags.get(service))));
    return images;
  }

  /**
   * HEAD of the repository around {@code projectDir}, with {@code -dirty} when files under it are
   * changed or untracked.
   *
   * @throws IOException saying what is missing when there is no repository or no commit
   */
  static String commitTag(Path projectDir) throws IOException {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(projectDir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new IOException("there is no git repository at or above " + projectDir);
    }
    try (Repository repo = builder.setMustExist(true).build();
        Git git = new Git(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
      if (head == null) {
        throw new IOException("the repository at " + repo.getDirectory() + " has no commit yet");
      }
      StatusCommand status = git.status();
      Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
      Path rel = top.relativize(projectDir.toAbsolutePath().normalize());
      if (!rel.toString().isEmpty()) {
        status.addPath(rel.toString().replace('\\', '/'));
      }
      Status s = status.call();
      return head.name() + (s.isClean() ? "" : "-dirty");
    } catch (GitAPIException e) {
      throw new IOException("git status failed: " + e.getMessage(), e);
    }
  }
}
