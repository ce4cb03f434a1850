package dev.stagegate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A throwaway git repository with two releases of the {@code rollback} fixture stack under {@code
 * deploy/}: commit 1 tagged {@code v1.0.0} (the rollback target, possibly broken on purpose) and
 * commit 2, HEAD, a changed api. Built with JGit so no git binary is needed.
 */
public final class RollbackRepo {
  public static final Path FIXTURE = Path.of("src/test/resources/stacks/rollback");
  public static final String MARKER_FILE = "services/api/.deployment_marker";
  public static final String MIGRATION = "deploy/migrations/002_agents_owner.sql";

  /** How the rollback target (v1.0.0) differs from a good release. */
  public enum Target {
    GOOD,
    /** its api answers /health with 503, so it never becomes healthy */
    UNHEALTHY,
    /** its api image does not COPY the marker */
    NO_MARKER
  }

  /**
   * @param previous the v1.0.0 commit's full id
   * @param head HEAD's full id
   */
  public record Repo(Path root, Path compose, String previous, String head) {}

  private RollbackRepo() {}

  public static Repo create(Path root, Target target) throws IOException, GitAPIException {
    return create(root, target, false);
  }

  /**
   * As {@link #create(Path, Target)}; with {@code migrationInHead} HEAD also adds {@value
   * #MIGRATION}, a schema change that rolling the images back does not undo.
   */
  public static Repo create(Path root, Target target, boolean migrationInHead)
      throws IOException, GitAPIException {
    Path deploy = root.resolve("deploy");
    copyTree(FIXTURE, deploy);
    Files.writeString(root.resolve("README.md"), "agents service\n");
    Path handler = deploy.resolve("services/api/handler.sh");
    Path dockerfile = deploy.resolve("services/api/Dockerfile");
    String goodHandler = Files.readString(handler);
    String goodDockerfile = Files.readString(dockerfile);
    PersonIdent who = new PersonIdent("Drill Tester", "drill@example.org");
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      if (target == Target.UNHEALTHY) {
        Files.writeString(
            handler,
            goodHandler.replace(
                "respond 200 OK \"{\\\"status\\\":\\\"ok\\\"",
                "respond 503 \"Service Unavailable\" \"{\\\"status\\\":\\\"starting\\\""));
      } else if (target == Target.NO_MARKER) {
        Files.writeString(
            dockerfile, goodDockerfile.replaceAll("(?m)^COPY \\.deployment_marker.*\\n", ""));
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("release 1.0.0").setAuthor(who).setCommitter(who).call();
      git.tag().setName("v1.0.0").setAnnotated(true).setMessage("1.0.0").setTagger(who).call();
      String previous = git.getRepository().resolve("HEAD").name();

      Files.writeString(handler, goodHandler.replace("RELEASE=1.0.0", "RELEASE=1.1.0"));
      Files.writeString(dockerfile, goodDockerfile);
      if (migrationInHead) {
        Path migration = root.resolve(MIGRATION);
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, "ALTER TABLE agents ADD COLUMN owner text;\n");
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("api: release 1.1.0").setAuthor(who).setCommitter(who).call();
      String head = git.getRepository().resolve("HEAD").name();
      return new Repo(root, deploy.resolve("docker-compose.yml"), previous, head);
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
