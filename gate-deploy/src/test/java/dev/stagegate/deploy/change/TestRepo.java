package dev.stagegate.deploy.change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A throwaway git repository built with JGit, for tests; no git binary or user config needed. */
public final class TestRepo implements AutoCloseable {
  private static final PersonIdent WHO = new PersonIdent("Test", "test@example.org");

  private final Git git;
  private final Path dir;

  private TestRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  /** A new repository in {@code dir} whose first branch is {@code main}. */
  public static TestRepo init(Path dir) throws GitAPIException {
    return new TestRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  public Path dir() {
    return dir;
  }

  public Git git() {
    return git;
  }

  /** Writes a file (creating directories), relative to the work tree. */
  public TestRepo write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return this;
  }

  /** Stages everything, deletions included, and commits. */
  public RevCommit commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).call();
  }

  /** Writes one file and commits it. */
  public RevCommit commit(String path, String content, String message)
      throws IOException, GitAPIException {
    write(path, content);
    return commit(message);
  }

  public void branch(String name) throws GitAPIException {
    git.checkout().setCreateBranch(true).setName(name).call();
  }

  public void checkout(String name) throws GitAPIException {
    git.checkout().setName(name).call();
  }

  public void tag(String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(true).setMessage(name).setTagger(WHO).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
