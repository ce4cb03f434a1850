package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.LeftoverSweeper;
import dev.stagegate.junit.fixtures.BurnInGoodStackGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.json.AuditJson;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker connection drops in the middle of a burn-in: the gate, whose JVM reaches the engine
 * through a socat listener on loopback, loses it when the listener dies. The verdict must be
 * INCONCLUSIVE naming the unreachable engine, with the evidence recorded so far, never PASS.
 */
class DockerConnectionLostIT {
  @TempDir Path reports;

  @Test
  void lostConnectionMidRunIsInconclusiveWithTheEvidenceSoFar() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat"))
            && Files.exists(Path.of("/var/run/docker.sock")),
        "needs socat and a local engine socket");
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
    Process gate =
        FixtureJvm.startBurnIn(
            BurnInGoodStackGate.class,
            reports,
            Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port),
            // the listener never comes back: do not wait the default minute for it
            java.util.List.of("stagegate.teardown.engine-wait=PT5S"));
    try {
      boolean watching = FixtureJvm.awaitJournal(reports, 120);
      assertThat(watching)
          .as(
              "the watch started; the gate's JVM said:%n%s",
              Files.readString(FixtureJvm.log(reports)))
          .isTrue();
      Thread.sleep(3_000);
      // the engine "goes away": the listener and every connection it forked die at once
      socat.descendants().forEach(ProcessHandle::destroyForcibly);
      socat.destroyForcibly();
      assertThat(gate.waitFor(3, TimeUnit.MINUTES)).as("the gate ended by itself").isTrue();
    } finally {
      gate.destroyForcibly();
      socat.descendants().forEach(ProcessHandle::destroyForcibly);
      socat.destroyForcibly();
      // the gate could not tear down without its engine: remove what its dead JVM left
      new LeftoverSweeper(DockerClientFactory.instance().client(), RunLabels.localHost()).sweep();
    }
    String out = Files.readString(FixtureJvm.log(reports));
    assertThat(reports.resolve("stability_audit.json")).as(out).exists();
    AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
    GateResult g = audit.gates().get(audit.gates().size() - 1);
    assertThat(g.verdict()).as(out).isEqualTo(Verdict.INCONCLUSIVE);
    // the engine is unreachable, not stopped: no container was killed, and none is blamed
    assertThat(g.failures().get(0))
        .startsWith("The Docker engine became unreachable ")
        .contains("the engine did not answer /_ping")
        .contains("and did not answer again");
    assertThat(g.failures()).noneMatch(f -> f.contains("Expecting service"));
    assertThat(g.burnIn().engineInterruption().signs())
        .contains(dev.stagegate.report.EngineSign.PING_FAILED)
        .doesNotContain(dev.stagegate.report.EngineSign.SHUTDOWN_KILLS);
    assertThat(String.join("\n", g.failures())).contains("Teardown gave up");
    assertThat(g.burnIn().trends()).as("the evidence so far is kept").isNotEmpty();
    assertThat(g.burnIn().trends().get(0).memory()).isNotEmpty();
    assertThat(out).contains("FAILURE").doesNotContain("SUCCEEDED 1");
  }
}
