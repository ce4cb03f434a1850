package dev.stagegate.deploy.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitAddedLinesTest {
  @Test
  void returnsTheNewTextOfAddedAndChangedLinesOnly(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("app/core/database.py", "engine = make()\npool_size = 5\nechoed = False\n", "db");
      repo.branch("feature");
      repo.commit(
          "app/core/database.py",
          "engine = make()\npool_size = 50\nmax_overflow = 20\nechoed = False\n",
          "Raise pool");
      repo.commit("new.txt", "a\nb\n", "New file");

      ChangeSummary change = new GitChangeReader().read(dir, Optional.empty());
      try (GitAddedLines lines = GitAddedLines.open(dir, change)) {
        assertThat(lines.addedLines(change.files().get(0)))
            .containsExactly("pool_size = 50", "max_overflow = 20");
        assertThat(lines.addedLines(change.files().get(1))).containsExactly("a", "b");
      }
    }
  }

  @Test
  void renamedFileGivesOnlyItsEditsAndDeletedOrBinaryFilesNothing(@TempDir Path dir)
      throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      String body = "one\ntwo\nthree\nfour\nfive\nsix\n";
      repo.write("old.py", body).write("gone.py", "x\n");
      repo.commit("Base");
      repo.branch("feature");
      Files.move(dir.resolve("old.py"), dir.resolve("new.py"));
      repo.write("new.py", body + "seven\n");
      Files.delete(dir.resolve("gone.py"));
      Files.write(dir.resolve("blob.bin"), new byte[] {1, 0, 2, 0, 'x', '\n'});
      repo.commit("Move, delete, add binary");

      ChangeSummary change = new GitChangeReader().read(dir, Optional.empty());
      try (GitAddedLines lines = GitAddedLines.open(dir, change)) {
        assertThat(change.files())
            .extracting(ChangedFile::path, ChangedFile::changeType)
            .containsExactly(
                tuple("blob.bin", ChangeType.ADD),
                tuple("gone.py", ChangeType.DELETE),
                tuple("new.py", ChangeType.RENAME));
        assertThat(lines.addedLines(change.files().get(0))).isEmpty();
        assertThat(lines.addedLines(change.files().get(1))).isEmpty();
        assertThat(lines.addedLines(change.files().get(2))).containsExactly("seven");
      }
    }
  }

  @Test
  void noRepositoryGivesNoLines(@TempDir Path dir) throws Exception {
    ChangeSummary change = ChangeSummary.notARepository(dir);
    try (GitAddedLines lines = GitAddedLines.open(dir, change)) {
      assertThat(lines.addedLines(new ChangedFile("a", ChangeType.ADD, null, List.of()))).isEmpty();
    }
  }
}
