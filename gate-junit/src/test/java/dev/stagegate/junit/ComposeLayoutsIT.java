package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagegate.junit.fixtures.LayoutAbsolutePathGate;
import dev.stagegate.junit.fixtures.LayoutComposedGate;
import dev.stagegate.junit.fixtures.LayoutContainerNameGate;
import dev.stagegate.junit.fixtures.LayoutDiscoveredGate;
import dev.stagegate.junit.fixtures.LayoutEnvGate;
import dev.stagegate.junit.fixtures.LayoutExternalGate;
import dev.stagegate.junit.fixtures.LayoutImageOnlyGate;
import dev.stagegate.junit.fixtures.LayoutMissingImageGate;
import dev.stagegate.junit.fixtures.LayoutMultiFileGate;
import dev.stagegate.junit.fixtures.LayoutOneSubdirGate;
import dev.stagegate.junit.fixtures.LayoutParentPathGate;
import dev.stagegate.junit.fixtures.LayoutProfilesGate;
import dev.stagegate.junit.fixtures.LayoutSubdirGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The layouts service repositories use, each a real gate on the real engine with Compose v2: a good
 * stack must pass (its smoke check proves the layout was read as compose reads it), and a broken
 * one must fail for its own reason. Nothing of ours may be left afterwards.
 */
class ComposeLayoutsIT {
  private static final String LAYOUTS = "src/test/resources/layouts";
  private static final String BASE_IMAGE = "stagegate/busybox-base:1";

  @TempDir Path reports;

  @AfterAll
  static void nothingLeft() {
    OwnLeftovers.assertNone();
  }

  @Test
  void aComposeFileInASubdirectoryWorksForEveryGateOfTheRunWithTheDefaultRelativeReportDir()
      throws IOException {
    // the default is the relative target/stagegate; the bug showed from the second gate on
    Path relative = Path.of("target/stagegate-layouts-" + ProcessHandle.current().pid());
    try {
      var events =
          GateKit.run(LayoutSubdirGate.class, relative, Map.of())
              .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
      assertThat(events.succeeded().count()).isEqualTo(2);
      assertThat(Files.readString(relative.resolve("stability_audit.md")))
          .contains("docker compose " + composeVersionPrefix());
    } finally {
      deleteTree(relative);
    }
  }

  @Test
  void aBrokenStackInASubdirectoryFailsForItsOwnReason() {
    Path relative = Path.of("target/stagegate-layouts-broken-" + ProcessHandle.current().pid());
    try {
      var events =
          GateKit.run(
              LayoutProfilesGate.class, relative, Map.of("stagegate.compose.profiles", "debug"));
      assertThat(GateKit.onlyFailure(events).getMessage())
          .contains("\"debug\"")
          .contains("exit")
          .doesNotContain("FileNotFoundError")
          .doesNotContain("no such file or directory");
    } finally {
      deleteTree(relative);
    }
  }

  @Test
  void aServiceBehindAProfileIsNotRunUnlessTheProfileIsActive() {
    GateKit.run(LayoutProfilesGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void aComposeFileReachedThroughTheParentDirectory() {
    GateKit.run(LayoutParentPathGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void aComposeFileGivenByAnAbsolutePath() throws IOException {
    Path root = Path.of(LayoutAbsolutePathGate.ROOT);
    deleteTree(root);
    copyTree(Path.of(LAYOUTS, "subdir-repo"), root);
    try {
      GateKit.run(LayoutAbsolutePathGate.class, reports)
          .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    } finally {
      deleteTree(root);
    }
  }

  @Test
  void severalFilesAreMergedInOrder() {
    GateKit.run(LayoutMultiFileGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void dotEnvEnvFileAndDefaultsReachTheContainers() {
    GateKit.run(LayoutEnvGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void includeExtendsAnchorsAndExtensionFields() throws IOException {
    GateKit.run(LayoutComposedGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .as("the included and the extended services are judged too")
        .contains("worker")
        .contains("beat");
  }

  @Test
  void withoutAComposeAttributeTheFileIsFoundAsComposeFindsIt() throws Exception {
    String out =
        FixtureJvm.runToEnd(
            LayoutDiscoveredGate.class,
            reports,
            Path.of(LAYOUTS, "composed").toAbsolutePath(),
            Map.of());
    assertThat(out).contains("SUCCEEDED 1").doesNotContain("FAILURE");
  }

  @Test
  void anImageOnlyServiceIsNeitherRebuiltNorRemovedAndEveryDependsOnConditionWorks() {
    String before = client().inspectImageCmd(BASE_IMAGE).exec().getId();
    GateKit.run(LayoutImageOnlyGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(client().inspectImageCmd(BASE_IMAGE).exec().getId())
        .as("the image the sidecar ran is still there, unchanged")
        .isEqualTo(before);
  }

  @Test
  void existingExternalNetworkAndVolumeAreUsedAndLeftAlone() {
    DockerClient docker = client();
    docker.createNetworkCmd().withName("stagegate-test-edge").exec();
    docker.createVolumeCmd().withName("stagegate-test-shared").exec();
    try {
      GateKit.run(LayoutExternalGate.class, reports)
          .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
      assertThat(docker.inspectNetworkCmd().withNetworkId("stagegate-test-edge").exec().getName())
          .isEqualTo("stagegate-test-edge");
      assertThat(docker.inspectVolumeCmd("stagegate-test-shared").exec().getName())
          .isEqualTo("stagegate-test-shared");
    } finally {
      docker.removeNetworkCmd("stagegate-test-edge").exec();
      docker.removeVolumeCmd("stagegate-test-shared").exec();
    }
  }

  @Test
  void aMissingExternalNetworkFailsNamingItAndTheFix() {
    try {
      client().removeNetworkCmd("stagegate-test-edge").exec();
    } catch (NotFoundException expected) {
      // not there: what this case needs
    }
    Throwable failure = GateKit.onlyFailure(GateKit.run(LayoutExternalGate.class, reports));
    assertThat(failure.getMessage())
        .contains("External network \"stagegate-test-edge\" does not exist")
        .contains("docker network create stagegate-test-edge");
    OwnLeftovers.assertNone();
  }

  @Test
  void whenComposeFailsBeforeCreatingAnyContainerItsOwnWordsAreQuoted() {
    Throwable failure = GateKit.onlyFailure(GateKit.run(LayoutMissingImageGate.class, reports));
    assertThat(failure.getMessage())
        .contains("Compose could not start the stack of " + LAYOUTS + "/missing-image")
        .contains(
            "service \"cache\" runs image stagegate/no-such-image:1, which is not on the engine")
        .contains("compose said:");
  }

  @Test
  void withOnlyTheComposePluginAndNoDockerComposeBinary() throws Exception {
    // as on GitHub-hosted runners and with Docker's own packages: `docker` on the PATH, the
    // plugin in the CLI's plugin directory, no docker-compose anywhere on the PATH
    Path bin = Files.createDirectories(reports.resolve("only-docker-bin"));
    Files.createSymbolicLink(bin.resolve("docker"), which("docker"));
    String out =
        FixtureJvm.runToEnd(
            LayoutOneSubdirGate.class,
            reports,
            Path.of("").toAbsolutePath(),
            Map.of("PATH", bin.toString()));
    assertThat(out).contains("SUCCEEDED 1").doesNotContain("FAILURE");
  }

  @Test
  void aStandaloneComposeV2BinaryNamedByConfiguration() throws IOException {
    Path standalone = Path.of("/usr/libexec/docker/cli-plugins/docker-compose");
    assertThat(standalone).as("the Compose v2 binary, which also runs standalone").exists();
    GateKit.run(
            LayoutOneSubdirGate.class,
            reports,
            Map.of("stagegate.compose.command", standalone.toString()))
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .contains(standalone.toString());
  }

  private static Path which(String program) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(program + " is not on the PATH");
  }

  @Test
  void aFixedContainerNameRunsWithoutTestcontainersComposeContainer() {
    GateKit.run(LayoutContainerNameGate.class, reports)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void theClassicBuilderWithBuildLabelsAndStagesIsTornDownChildrenFirst() throws Exception {
    List<String> danglingBefore = dangling();
    String out =
        FixtureJvm.runToEnd(
            LayoutOneSubdirGate.class,
            reports,
            Path.of("").toAbsolutePath(),
            Map.of("DOCKER_BUILDKIT", "0"));
    assertThat(out).contains("SUCCEEDED 1").doesNotContain("FAILURE");
    // a passing check's build output is kept whole in the JSON twin (the Markdown names its size)
    assertThat(Files.readString(reports.resolve("stability_audit.json")))
        .as("built with the classic builder, whose build output numbers its steps")
        .containsPattern("Step \\d+/\\d+ :");
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .doesNotContain("dependent child images")
        .doesNotContain("Could not remove image");
    assertThat(dangling())
        .as("the earlier stage's unlabelled intermediate images are removed too")
        .containsExactlyInAnyOrderElementsOf(danglingBefore);
  }

  static List<String> dangling() {
    return client().listImagesCmd().withDanglingFilter(true).exec().stream()
        .map(i -> i.getId())
        .toList();
  }

  private static String composeVersionPrefix() {
    return "2.";
  }

  private static DockerClient client() {
    return DockerClientFactory.instance().client();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
