package dev.stagegate.deploy.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangeReaderTest {
  private final GitChangeReader reader = new GitChangeReader();

  @Test
  void noRepositoryGivesAnEmptySummaryWithANote(@TempDir Path dir) throws Exception {
    ChangeSummary change = reader.read(dir, Optional.empty());

    assertThat(change.files()).isEmpty();
    assertThat(change.baseChoice()).isEqualTo("none");
    assertThat(change.headCommit()).isNull();
    assertThat(change.notes())
        .containsExactly("not a git repository: " + dir + "; the change summary is empty");
  }

  @Test
  void featureBranchIsComparedWithTheMergeBaseOfMain(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("app/main.py", "print('hi')\n").write("README.md", "shop\n");
      RevCommit root = repo.commit("Initial shop");
      repo.branch("feature");
      repo.commit("app/core/database.py", "pool_size=5\n", "Add database engine");
      repo.commit("app/core/database.py", "pool_size=50\n", "Raise pool size for the sale");
      repo.checkout("main");
      repo.commit("README.md", "shop v2\n", "Docs on main after the branch point");
      repo.checkout("feature");

      ChangeSummary change = reader.read(dir.resolve("app"), Optional.empty());

      assertThat(change.baseChoice()).isEqualTo("merge-base with main");
      assertThat(change.baseRef()).isEqualTo("main");
      assertThat(change.baseCommit()).isEqualTo(root.name());
      assertThat(change.files())
          .containsExactly(
              new ChangedFile(
                  "app/core/database.py",
                  ChangeType.ADD,
                  null,
                  List.of("Raise pool size for the sale", "Add database engine")));
      assertThat(change.filesTotal()).isEqualTo(1);
      assertThat(change.uncommitted().isEmpty()).isTrue();
      assertThat(change.notes()).isEmpty();
    }
  }

  @Test
  void originHeadTargetWinsOverLocalMain(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit first = repo.commit("a.txt", "1\n", "First");
      RevCommit second = repo.commit("b.txt", "2\n", "Second");
      repo.branch("feature");
      repo.commit("c.txt", "3\n", "Third");
      // A remote default branch "trunk" at the first commit, named by origin/HEAD.
      RefUpdate trunk = repo.git().getRepository().updateRef("refs/remotes/origin/trunk");
      trunk.setNewObjectId(first);
      trunk.update();
      repo.git()
          .getRepository()
          .updateRef("refs/remotes/origin/HEAD")
          .link("refs/remotes/origin/trunk");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.baseChoice()).isEqualTo("merge-base with origin/trunk");
      assertThat(change.baseCommit()).isEqualTo(first.name());
      assertThat(change.files()).extracting(ChangedFile::path).containsExactly("b.txt", "c.txt");
      assertThat(second).isNotNull();
    }
  }

  @Test
  void onMainTheLastTagIsTheBase(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("a.txt", "1\n", "First");
      RevCommit released = repo.commit("docker-compose.yml", "services: {}\n", "Compose file");
      repo.tag("v1.0.0");
      repo.commit("docker-compose.yml", "services:\n  api: {}\n", "Add api service");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.baseChoice()).isEqualTo("last release tag v1.0.0");
      assertThat(change.baseSource()).isEqualTo(BaseSource.RELEASE_TAG);
      assertThat(change.baseRef()).isEqualTo("v1.0.0");
      assertThat(change.baseCommit()).isEqualTo(released.name());
      assertThat(change.files())
          .containsExactly(
              new ChangedFile(
                  "docker-compose.yml", ChangeType.MODIFY, null, List.of("Add api service")));
    }
  }

  @Test
  void configuredBaseIsUsedWithoutDeploymentOrReleaseTag(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit first = repo.commit("a.txt", "1\n", "First");
      repo.tag("nightly"); // not a release tag
      repo.commit("b.txt", "2\n", "Second");
      repo.commit("c.txt", "3\n", "Third");

      ChangeSummary change = reader.read(dir, Optional.of(first.name()));

      assertThat(change.baseChoice()).isEqualTo("configured (stagegate.git.base)");
      assertThat(change.baseSource()).isEqualTo(BaseSource.CONFIGURED);
      assertThat(change.notes()).isEmpty();
      assertThat(change.baseRef()).isEqualTo(first.name());
      assertThat(change.files()).extracting(ChangedFile::path).containsExactly("b.txt", "c.txt");
    }
  }

  @Test
  void configuredBaseThatDoesNotResolveNamesTheKey(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("a.txt", "1\n", "First");

      assertThatThrownBy(() -> reader.read(dir, Optional.of("origin/release")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stagegate.git.base = 'origin/release' does not name a commit")
          .hasMessageContaining("set stagegate.git.base to a branch, tag or commit id");
    }
  }

  @Test
  void withoutBaseOnlyTheHeadCommitIsListed(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("a.txt", "1\n", "First");
      repo.write("a.txt", "2\n").write("b.txt", "new\n");
      repo.commit("Second touches two files");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.baseChoice()).isEqualTo("none");
      assertThat(change.baseCommit()).isNull();
      assertThat(change.files())
          .containsExactly(
              new ChangedFile(
                  "a.txt", ChangeType.MODIFY, null, List.of("Second touches two files")),
              new ChangedFile("b.txt", ChangeType.ADD, null, List.of("Second touches two files")));
      assertThat(change.baseSource()).isEqualTo(BaseSource.NONE);
      assertThat(change.notes())
          .containsExactly(
              "no base: only the last commit was looked at; set stagegate.git.base or record"
                  + " deployments");
    }
  }

  @Test
  void rootCommitWithoutBaseListsEverythingAsAdded(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("a.txt", "1\n", "Only commit");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.files())
          .containsExactly(new ChangedFile("a.txt", ChangeType.ADD, null, List.of("Only commit")));
    }
  }

  @Test
  void renameKeepsTheOldPathAndTheSubjectsOfBoth(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      String body = "line one\nline two\nline three\nline four\nline five\n";
      repo.commit("app/db.py", body, "Add db module");
      repo.branch("feature");
      repo.commit("app/db.py", body + "line six\n", "Grow db module");
      Files.move(dir.resolve("app/db.py"), dir.resolve("app/database.py"));
      repo.commit("Rename db to database");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.files())
          .containsExactly(
              new ChangedFile(
                  "app/database.py",
                  ChangeType.RENAME,
                  "app/db.py",
                  List.of("Rename db to database", "Grow db module")));
    }
  }

  @Test
  void deletedFileIsListedUnderItsOldPath(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("ecosystem.config.js", "module.exports = {}\n", "pm2 config");
      repo.branch("feature");
      Files.delete(dir.resolve("ecosystem.config.js"));
      repo.commit("Drop pm2");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.files())
          .containsExactly(
              new ChangedFile("ecosystem.config.js", ChangeType.DELETE, null, List.of("Drop pm2")));
    }
  }

  @Test
  void uncommittedChangesAreListedByKind(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "1\n").write("b.txt", "1\n");
      repo.commit("First");
      repo.write("a.txt", "changed\n");
      repo.write("b.txt", "staged\n");
      repo.git().add().addFilepattern("b.txt").call();
      repo.write(".env", "OPENAI_API_KEY=sk-test\n");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.uncommitted())
          .isEqualTo(
              new UncommittedChanges(List.of("b.txt"), List.of("a.txt"), List.of(".env"), false));
    }
  }

  @Test
  void boundsFilesAndCommitsAndSaysSo(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("seed.txt", "0\n", "Seed");
      repo.branch("feature");
      for (int i = 0; i < 5; i++) {
        repo.commit("f" + i + ".txt", i + "\n", "Commit " + i);
      }
      repo.write("u1.txt", "x").write("u2.txt", "x").write("u3.txt", "x");

      ChangeSummary change = new GitChangeReader(2, 3).read(dir, Optional.empty());

      assertThat(change.files())
          .extracting(ChangedFile::path)
          .containsExactly("f0.txt", "f1.txt", "f2.txt");
      assertThat(change.filesTotal()).isEqualTo(5);
      assertThat(change.filesNotListed()).isEqualTo(2);
      // Only the two newest commits were walked: f0..f2 were touched by older ones.
      assertThat(change.files()).allSatisfy(f -> assertThat(f.commitSubjects()).isEmpty());
      assertThat(change.uncommitted().untracked()).hasSize(3);
      assertThat(change.notes())
          .anySatisfy(n -> assertThat(n).contains("2 more changed files not listed"))
          .anySatisfy(n -> assertThat(n).contains("newest 2 commits only"));
    }
  }

  @Test
  void repositoryWithoutCommitsSaysSo(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "1\n");

      ChangeSummary change = reader.read(dir, Optional.empty());

      assertThat(change.headCommit()).isNull();
      assertThat(change.uncommitted().untracked()).containsExactly("a.txt");
      assertThat(change.notes()).singleElement().asString().contains("has no commits yet");
    }
  }
}
