package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.deploy.change.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerFactoryTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void markerCarriesTheFullHeadIdAndTheClocksTime() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.commit("a.txt", "a", "first");
      RevCommit head = repo.commit("src/b.txt", "b", "second");
      // Searched upward, as a build started in a module directory would.
      DeploymentMarker marker =
          MarkerFactory.fromGit(repo.dir().resolve("src"), "1.2.3", "staging", "alice", CLOCK);
      assertThat(marker)
          .isEqualTo(
              new DeploymentMarker(
                  "1.2.3", Instant.parse("2024-05-01T12:00:00Z"), head.name(), "staging", "alice"));
      assertThat(marker.commit()).hasSize(40);
    }
  }

  @Test
  void writesAtomicallyIntoABuildContext() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.commit("a.txt", "a", "first");
      DeploymentMarker marker = MarkerFactory.fromGit(repo.dir(), "1", "staging", "bob", CLOCK);
      Path file = tmp.resolve("context/app/.deployment_marker");
      marker.writeTo(file);
      marker.writeTo(file); // replaces
      assertThat(Files.readString(file)).isEqualTo(marker.toJson());
      try (Stream<Path> files = Files.list(file.getParent())) {
        assertThat(files).containsExactly(file);
      }
      assertThat(DeploymentMarker.parse(Files.readString(file), file.toString())).isEqualTo(marker);
    }
  }

  @Test
  void noRepositoryOrNoCommitIsAnIoException() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> MarkerFactory.fromGit(plain, "1", "s", "a", CLOCK))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no git repository at or above ");
    try (TestRepo repo = TestRepo.init(tmp.resolve("empty"))) {
      assertThatThrownBy(() -> MarkerFactory.headCommit(repo.dir()))
          .isInstanceOf(IOException.class)
          .hasMessageEndingWith("has no commits yet");
    }
  }

  @Test
  void deployedByPrefersTheGithubActor() {
    assertThat(MarkerFactory.defaultDeployedBy(Map.of("GITHUB_ACTOR", "octocat")))
        .isEqualTo("octocat");
    assertThat(MarkerFactory.defaultDeployedBy(Map.of("GITHUB_ACTOR", " ")))
        .isEqualTo(System.getProperty("user.name"));
    assertThat(MarkerFactory.defaultDeployedBy(Map.of()))
        .isEqualTo(System.getProperty("user.name"));
  }
}
