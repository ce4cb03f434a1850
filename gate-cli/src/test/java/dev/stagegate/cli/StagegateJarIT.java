package dev.stagegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.report.deploy.DeploymentMarker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar in a JVM of its own, as a CI script runs it: {@code java -jar stagegate.jar}.
 * Failsafe runs it after {@code package} has shaded the jar (its path: system property {@code
 * stagegate.jar}); from an IDE without a packaged jar it is skipped.
 */
class StagegateJarIT {
  @TempDir Path tmp;

  record Ran(int status, String out, String err) {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("stagegate.jar", "target/stagegate.jar"));
    assumeTrue(Files.isRegularFile(jar), "no " + jar + ": mvn package builds it");
    return jar;
  }

  Ran java(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Ran(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Ran r = java("--help");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(Stagegate.usage());
  }

  @Test
  void anUnknownCommandExitsTwo() throws Exception {
    Ran r = java("deploy");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("stagegate: unknown command deploy");
  }

  /** Judging needs Commons Statistics: the jar carries gate-assertions' dependencies. */
  @Test
  void judgesASeries() throws Exception {
    Path csv = Fixtures.leakingCsv(tmp);
    Ran r = java("judge", csv.getFileName().toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).matches("worker\\.csv leak 5[67]\\.\\d\\d\\R");
  }

  /**
   * The marker reads git with JGit, which logs through SLF4J: the jar's provider (found through its
   * merged META-INF/services) keeps SLF4J's "no providers" notice off standard error.
   */
  @Test
  void writesAMarkerWithNothingOnStandardError() throws Exception {
    String commit = Fixtures.repoWithOneCommit(tmp.resolve("repo"));
    Ran r = java("marker", "--version", "2.0.0", "--environment", "prod", "--repo", "repo");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Path file = tmp.resolve(".deployment_marker");
    assertThat(DeploymentMarker.parse(Files.readString(file), file.toString()).commit())
        .isEqualTo(commit);
  }
}
