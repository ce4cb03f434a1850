package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.deploy.change.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTagTest {
  static final Instant WHEN = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path tmp;

  static DeploymentEntry deployed(String version, String commit) {
    return new DeploymentEntry(
        WHEN,
        version,
        commit,
        "production",
        "alice",
        Outcome.SUCCESS,
        Duration.ofSeconds(84),
        List.of(),
        null,
        "");
  }

  private static RevTag readTag(Repository repo, String name) throws IOException {
    Ref ref = repo.exactRef(Constants.R_TAGS + name);
    assertThat(ref).as("tag %s", name).isNotNull();
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseTag(ref.getObjectId());
    }
  }

  @Test
  void annotatedTagOnTheDeployedCommitWithTheSeedBlockAndTheDeployer() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      RevCommit deployedCommit = repo.commit("a.txt", "a", "first");
      repo.commit("b.txt", "b", "second, not deployed");
      DeploymentEntry entry = deployed("1.2.3", deployedCommit.name());

      assertThat(ReleaseTag.tag(repo.dir(), entry)).isTrue();

      Repository r = repo.git().getRepository();
      RevTag tag = readTag(r, "v1.2.3");
      assertThat(tag.getObject().getId()).isEqualTo(deployedCommit.getId());
      assertThat(tag.getTagName()).isEqualTo("v1.2.3");
      assertThat(tag.getFullMessage()).isEqualTo(entry.toSeedText());
      assertThat(tag.getTaggerIdent().getName()).isEqualTo("alice");
      assertThat(tag.getTaggerIdent().getWhenAsInstant()).isEqualTo(WHEN);
      // Local only: the test repository has no remote, and nothing else was written.
      assertThat(r.getRemoteNames()).isEmpty();
      assertThat(r.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)).hasSize(1);
    }
  }

  @Test
  void sameTagOnTheSameCommitIsLeftAlone() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      RevCommit head = repo.commit("a.txt", "a", "first");
      DeploymentEntry entry = deployed("1.2.3", head.name());
      assertThat(ReleaseTag.tag(repo.dir(), entry)).isTrue();
      ObjectId tagObject = repo.git().getRepository().exactRef("refs/tags/v1.2.3").getObjectId();
      // A retried step; an abbreviated id names the same commit.
      assertThat(
              ReleaseTag.tag(
                  repo.dir().resolve("sub"), deployed("1.2.3", head.name().substring(0, 7))))
          .isFalse();
      assertThat(repo.git().getRepository().exactRef("refs/tags/v1.2.3").getObjectId())
          .isEqualTo(tagObject);
    }
  }

  @Test
  void tagOnAnotherCommitIsRefusedNamingBoth() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      RevCommit first = repo.commit("a.txt", "a", "first");
      repo.tag("v1.2.3"); // made by hand, annotated, on the first commit
      RevCommit second = repo.commit("b.txt", "b", "second");
      assertThatThrownBy(() -> ReleaseTag.tag(repo.dir(), deployed("1.2.3", second.name())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "tag v1.2.3 already exists on "
                  + first.name().substring(0, 7)
                  + ", not on the deployed commit "
                  + second.name().substring(0, 7)
                  + ": a version is released once; deploy a new version, or delete the tag if it"
                  + " was made by mistake (git tag -d v1.2.3)");
    }
  }

  @Test
  void aLightweightTagOnTheSameCommitCounts() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      RevCommit head = repo.commit("a.txt", "a", "first");
      repo.git().tag().setName("v2").setAnnotated(false).call();
      assertThat(ReleaseTag.tag(repo.dir(), deployed("2", head.name()))).isFalse();
    }
  }

  @Test
  void aVersionThatMakesNoTagNameIsRefused() {
    assertThatThrownBy(() -> ReleaseTag.name(deployed("1.2 beta", "abcdef1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "version '1.2 beta' does not make a valid git tag name (v1.2 beta)");
    assertThat(ReleaseTag.name(deployed("1.2.3-rc.1+build.5", "abcdef1")))
        .isEqualTo("v1.2.3-rc.1+build.5");
  }

  @Test
  void noRepositoryOrAnUnknownCommitIsAnIoException() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> ReleaseTag.tag(plain, deployed("1", "abcdef1")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no git repository at or above ");
    try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      repo.commit("a.txt", "a", "first");
      assertThatThrownBy(() -> ReleaseTag.tag(repo.dir(), deployed("1", DeploymentEntries.HEAD)))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("commit 5d6e7f8 is not in the repository at ")
          .hasMessageEndingWith("(fetch it first, e.g. a shallow CI clone needs fetch-depth: 0)");
      assertThat(repo.git().getRepository().getRefDatabase().getRefsByPrefix(Constants.R_TAGS))
          .isEmpty();
    }
  }
}
