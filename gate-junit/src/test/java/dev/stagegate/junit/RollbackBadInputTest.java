package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.RollbackGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill whose target does not resolve fails in the extension, before Docker is touched (the spec
 * is read before the engine is connected), naming the ref and the fix. Runs without an engine.
 */
class RollbackBadInputTest {
  @TempDir Path dir;

  @Test
  void anUnknownRefFailsBeforeDockerNamingTheFix() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(
                RollbackGate.class,
                dir.resolve("reports"),
                Map.of(
                    "stagegate.rollback.compose",
                    repo.compose().toString(),
                    "stagegate.rollback.previous",
                    "v1.2.2")));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("cannot roll back to 'v1.2.2'")
        .hasMessageContaining("git fetch --tags --unshallow")
        .hasMessageContaining("stagegate.rollback.previous");
    assertThat(dir.resolve("reports/work")).as("no drill started").doesNotExist();
    assertThat(Files.exists(repo.compose().resolveSibling(RollbackRepo.MARKER_FILE)))
        .as("the working tree gets no marker")
        .isFalse();
  }

  @Test
  void aSingleCommitHasNoHeadMinusOneToGoBackTo() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    // a second, unrelated repository with one commit: what a depth-1 CI clone looks like
    Path single = dir.resolve("single");
    Files.createDirectories(single);
    try (var git = org.eclipse.jgit.api.Git.init().setDirectory(single.toFile()).call()) {
      Files.copy(repo.compose(), single.resolve("docker-compose.yml"));
      git.add().addFilepattern(".").call();
      git.commit().setMessage("only").setSign(false).call();
    }
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(
                RollbackGate.class,
                dir.resolve("reports"),
                Map.of(
                    "stagegate.rollback.compose",
                    single.resolve("docker-compose.yml").toString())));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("cannot roll back to 'HEAD~1' (the default HEAD~1)")
        .hasMessageContaining("git fetch --tags --unshallow");
  }
}
