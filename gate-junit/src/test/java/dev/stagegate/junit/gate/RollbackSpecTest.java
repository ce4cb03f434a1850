package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.RollbackDrill;
import dev.stagegate.junit.RollbackRepo;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.fixtures.RollbackGate;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentLog;
import dev.stagegate.report.deploy.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a drill's refs and exporting its trees: git only, no Docker. */
class RollbackSpecTest {
  @TempDir Path dir;

  private Path reports() {
    return dir.resolve("reports");
  }

  private DeploymentLog log() {
    return DeploymentLog.at(reports().resolve("deployments.jsonl"));
  }

  private static DeploymentEntry deployed(
      int minute, String commit, String environment, Outcome outcome, List<TestedImage> images) {
    return new DeploymentEntry(
        Instant.parse("2026-12-07T10:14:00Z").plusSeconds(60L * minute),
        "1.0.0",
        commit,
        environment,
        "alice",
        outcome,
        Duration.ofSeconds(20),
        List.of(),
        null,
        "",
        images);
  }

  /** The fixture's annotation; its compose file always comes from the configuration here. */
  private static RollbackDrill annotation() throws NoSuchMethodException {
    return RollbackGate.class
        .getDeclaredMethod("theLastReleaseCanBeRestored")
        .getAnnotation(RollbackDrill.class);
  }

  private RollbackSpec read(RollbackRepo.Repo repo, Map<String, String> config) throws Exception {
    Map<String, String> all = new HashMap<>(config);
    all.put(RollbackSpec.COMPOSE, repo.compose().toString());
    // a history of its own: the module's target/stagegate may hold other tests' deployments
    all.putIfAbsent(GateSettings.REPORT_DIR, reports().toString());
    return RollbackSpec.read(
        annotation(), "id", "name", k -> Optional.ofNullable(all.get(k)), Path.of(""));
  }

  @Test
  void theDefaultTargetIsTheNewestTagBelowHead() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    RollbackSpec spec = read(repo, Map.of());
    assertThat(spec.previousRef()).isEqualTo("v1.0.0");
    assertThat(spec.previousCommit()).isEqualTo(repo.previous());
    assertThat(spec.previousVersion()).isEqualTo("1.0.0");
    assertThat(spec.currentCommit()).isEqualTo(repo.head());
    assertThat(spec.subdir()).isEqualTo("deploy");
    assertThat(spec.environment()).isEqualTo("drill");
    assertThat(spec.previousLabel()).isEqualTo("v1.0.0 (" + repo.previous().substring(0, 7) + ")");
  }

  @Test
  void theLastDeploymentOfTheDrillsEnvironmentIsTheTargetWithTheImagesItRan() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    try (Git git = Git.open(dir.toFile())) {
      git.tagDelete().setTags("v1.0.0").call(); // without history: HEAD~1, not the tag
    }
    TestedImage api = new TestedImage("api", "sha256:" + "ab".repeat(32), "deploy/api:x");
    log().append(deployed(0, repo.previous(), "drill", Outcome.SUCCESS, List.of(api)));
    RollbackSpec spec = read(repo, Map.of());
    assertThat(spec.previousRef()).isEqualTo(repo.previous());
    assertThat(spec.previousCommit()).isEqualTo(repo.previous());
    assertThat(spec.target().recordedImages()).containsExactly(api);
    assertThat(spec.target().source())
        .isEqualTo(
            "the last deployment to drill at 2026-12-07 10:14 UTC (version 1.0.0, commit "
                + repo.previous().substring(0, 7)
                + "), from "
                + log().file()
                + ": the images it ran, by tag, each checked against the recorded ID");
    assertThat(spec.previousChoice()).startsWith("the last deployment to drill at ");

    // with the release's tag on that commit, the steps and the marker say v1.0.0
    try (Git git = Git.open(dir.toFile())) {
      git.tag()
          .setName("v1.0.0")
          .setObjectId(
              git.getRepository().parseCommit(git.getRepository().resolve(repo.previous())))
          .call();
    }
    assertThat(read(repo, Map.of()).previousRef()).isEqualTo("v1.0.0");
  }

  @Test
  void failedDeploymentsOtherEnvironmentsAndHeadItselfAreNotTheWayBack() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    log().append(deployed(0, repo.previous(), "drill", Outcome.FAILED, List.of()));
    log().append(deployed(1, repo.previous(), "production", Outcome.SUCCESS, List.of()));
    log().append(deployed(2, repo.head(), "drill", Outcome.SUCCESS, List.of()));
    RollbackSpec spec = read(repo, Map.of());
    assertThat(spec.previousRef()).isEqualTo("v1.0.0");
    assertThat(spec.target().deployed()).isEmpty();
    assertThat(spec.target().source())
        .isEqualTo(
            "no deployment recorded to drill in "
                + log().file()
                + ", "
                + reports().resolve("deployments.log")
                + ": rolling back to the previous commit's kept images by tag name (v1.0.0, the"
                + " newest tag below HEAD)");
  }

  @Test
  void aGivenRefWinsOverTheHistoryAndSaysWhatItDidNotUse() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    log().append(deployed(0, repo.previous(), "drill", Outcome.SUCCESS, List.of()));
    RollbackSpec spec = read(repo, Map.of(RollbackSpec.PREVIOUS, "HEAD~1"));
    assertThat(spec.previousRef()).isEqualTo("HEAD~1");
    assertThat(spec.target().deployed()).isEmpty();
    assertThat(spec.target().source())
        .startsWith(
            "given by configuration parameter stagegate.rollback.previous: the previous commit's"
                + " kept images by tag name; not used instead: the last deployment to drill at");
  }

  @Test
  void aRecordedCommitMissingFromTheRepositoryNamesTheDeploymentAndTheFix() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    String missing = "0123456789abcdef0123456789abcdef01234567";
    log().append(deployed(0, missing, "drill", Outcome.SUCCESS, List.of()));
    assertThatThrownBy(() -> read(repo, Map.of()))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining(
            "@RollbackDrill would roll back to the last deployment to drill at 2026-12-07 10:14"
                + " UTC (version 1.0.0, commit 0123456)")
        .hasMessageContaining("but commit " + missing + " is not in ")
        .hasMessageContaining("git fetch --tags --unshallow")
        .hasMessageContaining("or set stagegate.rollback.previous to the release to roll back to");
  }

  @Test
  void aTagOnHeadIsNotTheTargetAndWithoutTagsItIsHeadMinusOne() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    try (Git git = Git.open(dir.toFile())) {
      git.tag().setName("v1.1.0").call();
      assertThat(read(repo, Map.of()).previousRef()).isEqualTo("v1.0.0");
      git.tagDelete().setTags("v1.0.0", "v1.1.0").call();
    }
    RollbackSpec spec = read(repo, Map.of());
    assertThat(spec.previousRef()).isEqualTo("HEAD~1");
    assertThat(spec.previousCommit()).isEqualTo(repo.previous());
    assertThat(spec.previousVersion()).isEqualTo(repo.previous().substring(0, 7));
  }

  @Test
  void aRefThatDoesNotResolveNamesTheRefAndTheFix() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    assertThatThrownBy(() -> read(repo, Map.of(RollbackSpec.PREVIOUS, "v0.9.0")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("cannot roll back to 'v0.9.0'")
        .hasMessageContaining("configuration parameter stagegate.rollback.previous")
        .hasMessageContaining("git fetch --tags --unshallow")
        .hasMessageContaining("set stagegate.rollback.previous to a tag or commit that exists");
  }

  @Test
  void aTargetWithoutTheComposeFileIsRefused() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    try (Git git = Git.open(dir.toFile())) {
      git.rm().addFilepattern("deploy").call();
      git.commit().setMessage("drop deploy").setSign(false).call();
      // HEAD gets the stack back; HEAD~1 is the commit without it
      git.checkout().setStartPoint("HEAD~1").addPath("deploy").call();
      git.add().addFilepattern("deploy").call();
      git.commit().setMessage("deploy back").setSign(false).call();
    }
    assertThatThrownBy(() -> read(repo, Map.of(RollbackSpec.PREVIOUS, "HEAD~1")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("cannot roll back to 'HEAD~1'")
        .hasMessageContaining("that commit has no deploy/docker-compose.yml");
  }

  @Test
  void theExportHoldsOnlyTheSubtreeWithItsModeBits() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    Path out = dir.resolve("out");
    List<String> skipped;
    try (GitTrees git = GitTrees.open(dir).orElseThrow()) {
      skipped = git.export(repo.previous(), "deploy", out);
    }
    assertThat(skipped).isEmpty();
    assertThat(out.resolve("README.md")).doesNotExist();
    assertThat(out.resolve("deploy/services/api/handler.sh")).content().contains("RELEASE=1.0.0");
    assertThat(Files.getPosixFilePermissions(out.resolve("deploy/services/api/server.sh")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(out.resolve("deploy/services/api/Dockerfile")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    assertThat(out.resolve("deploy/" + RollbackRepo.MARKER_FILE))
        .as("the marker is the drill's to write, never committed")
        .doesNotExist();
  }

  @Test
  void aMarkerFileOutsideTheComposeDirectoryIsRefused() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir, RollbackRepo.Target.GOOD);
    assertThatThrownBy(
            () -> read(repo, Map.of(RollbackSpec.MARKER_FILE, "../x/.deployment_marker")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("must be a relative path inside the compose file's directory");
  }
}
