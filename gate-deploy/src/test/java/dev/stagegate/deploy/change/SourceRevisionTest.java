package dev.stagegate.deploy.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.change.SourceRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRevisionTest {
  @Test
  void readsBranchCommitAndTheOriginWithoutItsToken(@TempDir Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("release").call()) {
      Files.writeString(dir.resolve("a.txt"), "a");
      git.add().addFilepattern("a.txt").call();
      RevCommit head = git.commit().setMessage("a").setSign(false).call();
      StoredConfig config = git.getRepository().getConfig();
      config.setString(
          "remote", "origin", "url", "https://ci:ghp_secret123@github.com/acme/agents.git");
      config.save();

      SourceRevision source = GitSourceRevision.read(dir.resolve(".")).orElseThrow();
      assertThat(source)
          .isEqualTo(
              new SourceRevision("https://github.com/acme/agents.git", "release", head.name()));
      assertThat(source.shortCommit()).isEqualTo(head.name().substring(0, 12));

      git.checkout().setName(head.name()).call();
      assertThat(GitSourceRevision.read(dir).orElseThrow().branch())
          .isEqualTo(SourceRevision.DETACHED);
    }
  }

  @Test
  void withoutARemoteTheWorkTreeNamesTheRepository(@TempDir Path dir) throws Exception {
    Path repo = Files.createDirectory(dir.resolve("agents"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      assertThat(GitSourceRevision.read(repo)).as("no commit yet").isEmpty();
      Files.writeString(repo.resolve("a.txt"), "a");
      git.add().addFilepattern("a.txt").call();
      git.commit().setMessage("a").setSign(false).call();
      assertThat(GitSourceRevision.read(repo).orElseThrow().repository()).isEqualTo("agents");
    }
  }

  @Test
  void outsideARepositoryThereIsNone(@TempDir Path dir) throws Exception {
    assertThat(GitSourceRevision.read(dir)).isEmpty();
  }

  @Test
  void scpLikeAndPlainUrlsStay() {
    assertThat(SourceRevision.withoutCredentials("git@github.com:acme/agents.git"))
        .isEqualTo("git@github.com:acme/agents.git");
    assertThat(SourceRevision.withoutCredentials("https://github.com/acme/agents.git"))
        .isEqualTo("https://github.com/acme/agents.git");
    assertThat(SourceRevision.withoutCredentials("ssh://deploy@host:2222/srv/agents.git"))
        .isEqualTo("ssh://host:2222/srv/agents.git");
  }
}
