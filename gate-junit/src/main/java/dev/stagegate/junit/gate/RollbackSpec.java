package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.RollbackDrill;
import dev.stagegate.junit.compose.ComposeCommand;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.report.deploy.DeploymentHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a {@link RollbackDrill} needs, validated before Docker is touched: the repository, the
 * current commit, the ref to roll back to (resolved; chosen by {@link RollbackChoice}), and where
 * the marker goes.
 *
 * @param composeAttribute the compose file as given (attribute or {@value #COMPOSE})
 * @param repoRoot the working tree root of the repository holding the compose file
 * @param subdir the compose file's directory relative to {@code repoRoot}, {@code /} separated,
 *     empty for the root
 * @param composeName the compose file's name
 * @param currentCommit HEAD's full id
 * @param previousRef the ref rolled back to, as given or chosen
 * @param previousChoice how it was chosen, for the report
 * @param previousCommit its full id
 * @param previousIsTag whether it is a tag (the marker version is then the tag)
 * @param markerService the service holding the marker; empty: not checked
 * @param markerFile the marker path relative to the compose directory; empty: none written
 * @param environment written into both markers
 * @param startupTimeout per step, to healthy
 * @param settings the gate settings
 * @param deployProject the deployed compose project the audit's rollback command is for ({@code
 *     stagegate.deploy.project}, else the compose project's name)
 * @param imageRepository the repository of the tags gates keep tested images under ({@code
 *     stagegate.images.repository}, else the compose project's name)
 * @param target where the rollback target came from: the last deployment of the environment in the
 *     deployment history (not of HEAD), unless a ref is given, else git's previous commit
 */
public record RollbackSpec(
    String id,
    String displayName,
    String composeAttribute,
    Path repoRoot,
    String subdir,
    String composeName,
    String currentCommit,
    String previousRef,
    String previousChoice,
    String previousCommit,
    boolean previousIsTag,
    String markerService,
    String markerFile,
    String environment,
    Duration startupTimeout,
    GateSettings settings,
    String deployProject,
    String imageRepository,
    RollbackTarget target) {
  public static final String PREVIOUS = "stagegate.rollback.previous";
  public static final String COMPOSE = "stagegate.rollback.compose";
  public static final String MARKER_SERVICE = "stagegate.rollback.marker-service";
  public static final String MARKER_FILE = "stagegate.rollback.marker-file";
  public static final String ENVIRONMENT = "stagegate.rollback.environment";
  public static final String STARTUP_TIMEOUT = "stagegate.rollback.startup.timeout";

  static final String DEFAULT_ENVIRONMENT = "rollback-drill";

  /** The marker version of the current build: HEAD's short commit (HEAD is rarely tagged yet). */
  public String currentVersion() {
    return RollbackRefs.shortId(currentCommit);
  }

  /** The marker version of the rollback target: its tag without a leading v, else short commit. */
  public String previousVersion() {
    return RollbackRefs.versionOf(previousRef, previousIsTag, previousCommit);
  }

  /** The ref and short commit, as steps and messages name the target: {@code v1.2.2 (abc1234)}. */
  public String previousLabel() {
    String shortId = RollbackRefs.shortId(previousCommit);
    return previousRef.equals(shortId) || previousRef.equals(previousCommit)
        ? shortId
        : previousRef + " (" + shortId + ")";
  }

  /** The compose file's path relative to the repository root. */
  String composeInRepo() {
    return subdir.isEmpty() ? composeName : subdir + "/" + composeName;
  }

  /**
   * Reads and checks the annotation and the configuration; every problem is a {@link
   * GateConfigurationException} naming the fix.
   *
   * @param workDir the directory relative paths resolve against (the module directory)
   */
  public static RollbackSpec read(
      RollbackDrill a,
      String id,
      String displayName,
      Function<String, Optional<String>> config,
      Path workDir) {
    Function<String, Optional<String>> lookup =
        key -> config.apply(key).map(String::trim).filter(v -> !v.isBlank());
    GateSettings settings = GateSettings.read(config, List.of());
    String composeAttribute = lookup.apply(COMPOSE).orElse(a.compose().trim());
    Path composePath = workDir.resolve(composeAttribute).toAbsolutePath().normalize();
    // parses it too: a broken compose file fails here, with its line, as for the other gates
    ComposeFile compose =
        ComposeFile.load(
            List.of(composePath),
            settings.composeProfiles(),
            ComposeCommand.resolve(settings.composeCommand()));
    String markerService = lookup.apply(MARKER_SERVICE).orElse(a.markerService().trim());
    if (!markerService.isEmpty() && compose.service(markerService).isEmpty()) {
      throw new GateConfigurationException(
          "@RollbackDrill(markerService = \""
              + markerService
              + "\"): no such service in "
              + composeAttribute
              + ". Services there: "
              + String.join(", ", compose.services().keySet())
              + ".");
    }
    String markerFile = lookup.apply(MARKER_FILE).orElse(a.markerFile().trim());
    checkMarkerFile(markerFile);
    Optional<String> givenEnvironment =
        lookup
            .apply(ENVIRONMENT)
            .or(() -> Optional.of(a.environment().trim()).filter(s -> !s.isEmpty()));
    String environment = givenEnvironment.orElse(DEFAULT_ENVIRONMENT);
    // the deployed environment whose last deployment is the way back: the drill's, else the
    // change base's, else any
    Optional<String> historyEnvironment =
        givenEnvironment.or(() -> lookup.apply(ChangeReview.BASE_ENVIRONMENT));
    DeploymentHistory history;
    try {
      history = DeploymentHistory.fromConfig(lookup, settings.reportDir());
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(e.getMessage(), e);
    }
    Duration startup =
        lookup
            .apply(STARTUP_TIMEOUT)
            .map(v -> GateSettings.parseDuration(v, "Configuration parameter " + STARTUP_TIMEOUT))
            .or(
                () ->
                    Optional.of(a.startupTimeout().trim())
                        .filter(s -> !s.isEmpty())
                        .map(v -> GateSettings.parseDuration(v, "@RollbackDrill(startupTimeout)")))
            .orElse(settings.startupTimeout());

    Optional<String> givenPrevious = lookup.apply(PREVIOUS);
    String previousSource =
        givenPrevious.isPresent()
            ? "configuration parameter " + PREVIOUS
            : a.previous().isBlank() ? null : "@RollbackDrill(previous)";
    Optional<String> configuredRef =
        givenPrevious.or(() -> Optional.of(a.previous().trim()).filter(s -> !s.isEmpty()));

    Path composeDir;
    try {
      composeDir = composePath.getParent().toRealPath();
    } catch (IOException e) {
      throw new GateConfigurationException("Cannot read " + composePath.getParent() + ": " + e, e);
    }
    try (GitTrees git =
        GitTrees.open(composeDir)
            .orElseThrow(
                () ->
                    new GateConfigurationException(
                        "@RollbackDrill exports committed trees, but "
                            + composeDir
                            + " is not inside a git repository. Run the drill from a clone."))) {
      Path root = git.root().toRealPath();
      String subdir = root.relativize(composeDir).toString().replace('\\', '/');
      String composeName = composePath.getFileName().toString();
      String composeInRepo = subdir.isEmpty() ? composeName : subdir + "/" + composeName;
      String head =
          git.resolve("HEAD")
              .orElseThrow(
                  () ->
                      new GateConfigurationException(
                          "@RollbackDrill needs a commit to roll back from, but the repository at "
                              + git.gitDir()
                              + " has no commits yet."));
      if (!git.hasFile(head, composeInRepo)) {
        throw new GateConfigurationException(
            "@RollbackDrill deploys what is committed, but HEAD ("
                + RollbackRefs.shortId(head)
                + ") has no "
                + composeInRepo
                + ". Commit the compose file first.");
      }
      RollbackChoice chosen =
          RollbackChoice.choose(
              git, head, configuredRef, previousSource, history, historyEnvironment);
      String ref = chosen.ref();
      String previous = chosen.commit(git, head, composeInRepo);
      return new RollbackSpec(
          id,
          displayName,
          composeAttribute,
          root,
          subdir,
          composeName,
          head,
          ref,
          chosen.choice(),
          previous,
          git.isTag(ref),
          markerService,
          markerFile,
          environment,
          startup,
          settings,
          // the audit's command is for the deployed project, and names the tags its gates keep
          lookup.apply(PostDeploySpec.PROJECT).orElse(compose.projectName()),
          settings.imagesRepository().orElse(compose.projectName()),
          chosen.target());
    } catch (IOException e) {
      throw new GateConfigurationException(
          "@RollbackDrill cannot read the git repository holding " + composeAttribute + ": " + e,
          e);
    }
  }

  private static void checkMarkerFile(String markerFile) {
    if (markerFile.isEmpty()) {
      return;
    }
    Path p = Path.of(markerFile).normalize();
    if (p.isAbsolute() || p.startsWith("..") || markerFile.contains("\\")) {
      throw new GateConfigurationException(
          "@RollbackDrill(markerFile = \""
              + markerFile
              + "\") must be a relative path inside the compose file's directory, e.g."
              + " services/api/.deployment_marker; it is written only into the drill's exported"
              + " copies.");
    }
  }
}
