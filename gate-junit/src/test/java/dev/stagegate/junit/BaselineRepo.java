package dev.stagegate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A throwaway git repository with two releases of the {@code good} fixture stack under {@code
 * deploy/}: commit 1 tagged {@code v1.0.0} (the baseline) and commit 2, HEAD, the release under
 * test, changed as the case asks. It lives at a fixed path under {@code target/baseline-repos/}
 * because a {@code @BurnIn}'s compose path is a constant in the fixture gate. Built with JGit.
 */
public final class BaselineRepo {
  public static final Path FIXTURE = Path.of("src/test/resources/stacks/good");
  public static final Path ROOT = Path.of("target/baseline-repos");

  /** What HEAD changes against v1.0.0. */
  public enum Release {
    /** a README line: the same stack */
    UNCHANGED,
    /** the list handler sleeps 50 ms more */
    SLOWER,
    /** the api keeps 20 kB per request in a long-lived awk */
    LEAKY,
    /** as UNCHANGED, but v1.0.0's image build fails: the baseline cannot start */
    BASELINE_BROKEN
  }

  private BaselineRepo() {}

  /** Creates the repository for {@code release} afresh; returns its root. */
  public static Path create(Release release) throws IOException, GitAPIException {
    Path root = ROOT.resolve(release.name().toLowerCase(java.util.Locale.ROOT));
    delete(root);
    Path deploy = root.resolve("deploy");
    copyTree(FIXTURE, deploy);
    Files.writeString(root.resolve("README.md"), "agents service\n");
    Path handler = deploy.resolve("handler.sh");
    Path server = deploy.resolve("server.sh");
    Path dockerfile = deploy.resolve("Dockerfile");
    String goodHandler = Files.readString(handler);
    String goodServer = Files.readString(server);
    String goodDockerfile = Files.readString(dockerfile);
    PersonIdent who = new PersonIdent("Baseline Tester", "baseline@example.org");
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      if (release == Release.BASELINE_BROKEN) {
        Files.writeString(
            dockerfile, goodDockerfile + "RUN echo 'release 1.0.0 broke its build' && false\n");
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("release 1.0.0").setAuthor(who).setCommitter(who).call();
      git.tag().setName("v1.0.0").setAnnotated(true).setMessage("1.0.0").setTagger(who).call();

      Files.writeString(dockerfile, goodDockerfile);
      Files.writeString(root.resolve("README.md"), "agents service, release 1.1.0\n");
      switch (release) {
        case SLOWER ->
            Files.writeString(
                handler,
                goodHandler.replace(
                    "\"GET /api/v1/agents/list\") respond",
                    "\"GET /api/v1/agents/list\") usleep 50000; respond"));
        case LEAKY -> {
          Files.writeString(
              server,
              goodServer.replace(
                  "exec nc",
                  "mkfifo /tmp/requests\n"
                      + "(while :; do cat /tmp/requests; done) | awk '{ kept[NR] = sprintf(\"%20000s\", $0) }' &\n"
                      + "exec nc"));
          Files.writeString(
              handler,
              goodHandler.replace(
                  "\"GET /api/v1/agents/list\") respond",
                  "\"GET /api/v1/agents/list\") echo \"$REQ_PATH\" > /tmp/requests; respond"));
        }
        default -> {}
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("release 1.1.0").setAuthor(who).setCommitter(who).call();
    }
    return root;
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
