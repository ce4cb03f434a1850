package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.junit.fixtures.GoodGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Docker is not running" for real: the gate runs in a JVM whose mount namespace hides the engine's
 * socket (root and {@code unshare} needed, as in CI; skipped elsewhere), while the engine keeps
 * serving the other tests.
 */
class DockerNotRunningIT {
  @TempDir Path reports;

  @Test
  void failsWithAMessageThatSaysHowToStartDocker() throws IOException, InterruptedException {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/unshare"))
            && Files.exists(Path.of("/var/run/docker.sock")),
        "needs root, unshare and a local engine socket to hide");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String inner =
        "mount --bind /dev/null /var/run/docker.sock && exec \"$0\" -cp \"$1\" "
            + FixtureMain.class.getName()
            + " "
            + GoodGate.class.getName()
            + " \"$2\"";
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    "unshare",
                    "-m",
                    "sh",
                    "-c",
                    inner,
                    java,
                    System.getProperty("java.class.path"),
                    reports.toString()))
            .redirectErrorStream(true);
    pb.environment().remove("DOCKER_HOST");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(out)
        .as(out)
        .contains("FAILURE " + GateConfigurationException.class.getName())
        .contains("Docker is not running or not reachable")
        .contains("scripts/docker-setup.sh")
        .contains("SUCCEEDED 0");
  }
}
