package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.deploy.change.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerCliTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(Map<String, String> env, String... args) {
    return MarkerCli.run(
        args,
        env,
        CLOCK,
        tmp,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesTheMarkerAndSaysWhere() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp)) {
      RevCommit head = repo.commit("a.txt", "a", "first");
      int status =
          run(
              Map.of("GITHUB_ACTOR", "octocat"),
              "write",
              "--version",
              "1.2.3",
              "--environment=staging",
              "--out",
              "docker/.deployment_marker");
      assertThat(status).isZero();
      Path file = tmp.resolve("docker/.deployment_marker");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "Wrote deployment marker 1.2.3 (commit "
                  + head.name().substring(0, 7)
                  + ", staging, by octocat) to "
                  + file.toAbsolutePath()
                  + System.lineSeparator());
      assertThat(DeploymentMarker.parse(Files.readString(file), file.toString()))
          .isEqualTo(
              new DeploymentMarker("1.2.3", CLOCK.instant(), head.name(), "staging", "octocat"));
      // an image COPYs it: a service that does not run as root must be able to read it
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-r--r--");
    }
  }

  @Test
  void deployedByOptionWinsAndDefaultFileIsInTheWorkDir() throws Exception {
    try (TestRepo repo = TestRepo.init(tmp)) {
      repo.commit("a.txt", "a", "first");
      assertThat(
              run(
                  Map.of("GITHUB_ACTOR", "octocat"),
                  "write",
                  "--version",
                  "1",
                  "--environment",
                  "prod",
                  "--deployed-by",
                  "alice"))
          .isZero();
      assertThat(DeploymentMarker.parse(Files.readString(tmp.resolve(".deployment_marker")), "m"))
          .extracting(DeploymentMarker::deployedBy)
          .isEqualTo("alice");
    }
  }

  @Test
  void badArgumentsPrintUsageAndExit2() {
    String[][] bad = {
      {},
      {"read"},
      {"write", "--version", "1"},
      {"write", "--version", "1", "--environment"},
      {"write", "--version", "1", "--environment", "s", "--colour", "red"},
      {"write", "--version", "1", "--version", "2", "--environment", "s"},
      {"write", "--version=", "--environment", "s"},
    };
    for (String[] args : bad) {
      err.reset();
      assertThat(run(Map.of(), args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains(MarkerCli.USAGE);
    }
    assertThat(out.size()).isZero();
  }

  @Test
  void noRepositoryExits1() {
    assertThat(run(Map.of(), "write", "--version", "1", "--environment", "s")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no git repository at or above");
  }
}
