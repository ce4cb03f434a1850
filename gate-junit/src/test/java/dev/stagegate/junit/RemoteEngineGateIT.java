package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.BurnInSteadyGate;
import dev.stagegate.junit.fixtures.LayoutOneSubdirGate;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate itself — build, smoke and burn-in — on an engine named by {@code stagegate.docker.host}:
 * a {@code tcp://} engine (this machine's, behind a socat listener on loopback) and an {@code
 * ssh://} one (this machine's, through the test sshd on 127.0.0.1:2222). A team whose stack
 * outgrows the CI runner runs its burn-in on a staging host this way.
 */
class RemoteEngineGateIT {
  @TempDir Path reports;

  @BeforeAll
  static void needsTheTestSshd() {
    assertThat(SshTestHost.available()).as(SshTestHost.UNAVAILABLE).isTrue();
  }

  @AfterAll
  static void nothingLeft() {
    OwnLeftovers.assertNone();
    assertThat(SshTestHost.sshChildren()).as("ssh tunnels left running").isEmpty();
  }

  @Test
  void aSmokeGateOnATcpEngine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process socat =
        new ProcessBuilder(
                "socat",
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                "UNIX-CONNECT:/var/run/docker.sock")
            .redirectErrorStream(true)
            .start();
    try {
      waitForPort(port);
      GateKit.run(
              LayoutOneSubdirGate.class,
              reports,
              Map.of("stagegate.docker.host", "tcp://127.0.0.1:" + port))
          .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    } finally {
      socat.descendants().forEach(ProcessHandle::destroyForcibly);
      socat.destroyForcibly();
    }
  }

  @Test
  void aSmokeGateOnAnSshEngine() {
    GateKit.run(LayoutOneSubdirGate.class, reports, ssh())
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
  }

  @Test
  void aBurnInOnAnSshEngineWatchesEventsStatsAndLogsThroughTheTunnel() throws IOException {
    Map<String, String> params = new java.util.HashMap<>(ssh());
    params.put("stagegate.burnin.duration", "PT60S");
    params.put("stagegate.trend.min-span", "PT40S");
    GateKit.run(BurnInSteadyGate.class, reports, params)
        .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .as("stats reached the gate through the tunnel")
        .contains("worker")
        .containsPattern("(?i)memory");
  }

  private static Map<String, String> ssh() {
    return Map.of(
        "stagegate.docker.host",
        SshTestHost.URL,
        "stagegate.deploy.ssh.options",
        SshTestHost.options());
  }

  private static void waitForPort(int port) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        if (s.isConnected()) {
          return;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
  }
}
