package dev.stagegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Small inputs for the commands, written into a test's directory. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A memory series that grows 1 MB a minute for 15 minutes, which the default judge calls a leak.
   */
  static Path leakingCsv(Path dir) throws IOException {
    StringBuilder text = new StringBuilder("t_seconds,memory_bytes\n");
    for (int i = 0; i <= 900; i++) {
      text.append(i)
          .append(',')
          .append(String.format(Locale.ROOT, "%.1f", 160e6 + 1e6 * i / 60 + (i % 7) * 3e5))
          .append('\n');
    }
    return Files.writeString(dir.resolve("worker.csv"), text, StandardCharsets.UTF_8);
  }

  /** A five-line log with one Python traceback (one finding for the default rules). */
  static Path logWithATraceback(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("app.log"),
        "INFO started\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/worker.py\", line 3, in <module>\n"
            + "ValueError: boom\n"
            + "INFO still here\n",
        StandardCharsets.UTF_8);
  }

  /** A git repository in {@code dir} with one commit; returns the commit's full id. */
  static String repoWithOneCommit(Path dir) throws GitAPIException {
    PersonIdent who = new PersonIdent("Test", "test@example.org");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      return git.commit()
          .setMessage("first")
          .setAllowEmpty(true)
          .setAuthor(who)
          .setCommitter(who)
          .setSign(false)
          .call()
          .name();
    }
  }
}
