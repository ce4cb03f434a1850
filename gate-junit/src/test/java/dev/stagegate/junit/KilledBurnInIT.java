package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.BurnInGoodStackGate;
import dev.stagegate.junit.fixtures.GoodGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.json.AuditJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * A burn-in whose JVM is SIGKILLed mid-run: its evidence journal becomes an INCOMPLETE gate in the
 * next run's audit, and the next gate sweeps the containers and network it left behind.
 */
class KilledBurnInIT {
  @TempDir Path reports;

  @Test
  void killedBurnInLeavesAnIncompleteAuditAndNoContainers() throws Exception {
    Process burnIn = FixtureJvm.startBurnIn(BurnInGoodStackGate.class, reports, Map.of());
    long pid = burnIn.pid();
    try {
      assertThat(FixtureJvm.awaitJournal(reports, 120))
          .as("journal written while the burn-in ran")
          .isTrue();
      Thread.sleep(3_000); // let a few more checkpoints with stats land
    } finally {
      burnIn.destroyForcibly(); // SIGKILL: no shutdown hook, no teardown
      burnIn.waitFor(30, TimeUnit.SECONDS);
    }
    var client = DockerClientFactory.instance().client();
    assertThat(
            client
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.stagegate.pid", Long.toString(pid)))
                .exec())
        .as("the killed JVM left its containers behind")
        .isNotEmpty();

    GateKit.run(GoodGate.class, reports).assertStatistics(s -> s.started(1).succeeded(1));

    AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
    assertThat(audit.gates())
        .extracting(GateResult::verdict)
        .containsExactly(Verdict.INCOMPLETE, Verdict.PASS);
    GateResult killed = audit.gates().get(0);
    assertThat(killed.id()).endsWith("BurnInGoodStackGate#burnIn");
    assertThat(killed.failures().get(0)).contains("The run was cut off");
    assertThat(killed.burnIn().trends()).isNotEmpty();
    assertThat(killed.burnIn().trends().get(0).memory()).as("stats journaled").isNotEmpty();
    assertThat(audit.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(Files.readString(reports.resolve("stability_audit.md"))).contains("INCOMPLETE");
    assertThat(
            client
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.stagegate.pid", Long.toString(pid)))
                .exec())
        .as("the next gate swept what the killed run left")
        .isEmpty();
    assertThat(
            client
                .listNetworksCmd()
                .withFilter("label", List.of("dev.stagegate.pid=" + pid))
                .exec())
        .isEmpty();
    OwnLeftovers.assertNone();
  }
}
