package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.junit.fixtures.BurnInGoodStackGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.EngineSign;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.json.AuditJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * The Docker daemon itself stops in the middle of a burn-in — SIGTERM, as {@code systemctl restart
 * docker} or a package upgrade sends it — and its shutdown kills the stack's containers. That is
 * the engine's doing: the gate must be INCONCLUSIVE naming the engine, never a FAIL blamed on a
 * service, and teardown must wait for the engine and then leave nothing behind (or, when the engine
 * never comes back, say what it left). The daemon is a private one ({@link PrivateDockerd}), so the
 * main daemon other gates use at the same time is never touched.
 */
class EngineRestartIT {
  @TempDir Path reports;

  @Test
  void aDaemonRestartMidBurnInIsInconclusiveNamingTheEngineAndTeardownCleansUpAfterIt()
      throws Exception {
    assumeTrue(PrivateDockerd.possible(), "needs root and dockerd for a private daemon");
    try (PrivateDockerd daemon = PrivateDockerd.start()) {
      CompletableFuture<Instant[]> restart =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  if (!FixtureJvm.awaitJournal(reports, 120)) {
                    throw new IllegalStateException("the burn-in's watch never started");
                  }
                  Thread.sleep(6_000);
                  Instant stopped = Instant.now();
                  daemon.stop();
                  Thread.sleep(2_000); // down for a while, as a restart that pulls an upgrade is
                  daemon.restart();
                  return new Instant[] {stopped, Instant.now()};
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Events events =
          GateKit.run(
              BurnInGoodStackGate.class,
              reports,
              Map.of(
                  "stagegate.docker.host", PrivateDockerd.HOST,
                  "stagegate.burnin.duration", "PT60S",
                  "stagegate.journal.interval", "PT1S",
                  "stagegate.teardown.engine-wait", "PT40S"));
      String message =
          GateKit.failures(events).stream().map(Throwable::getMessage).findFirst().orElse("");
      assertThat(restart)
          .as("the daemon was restarted mid-burn-in; the gate said: %s", message)
          .succeedsWithin(Duration.ofSeconds(30));
      Instant[] downAndUp = restart.get();
      GateKit.onlyFailure(events);
      assertThat(message)
          .contains("The Docker engine stopped ")
          .contains("are the engine's, not theirs; the burn-in is not judged")
          .doesNotContain("Expecting service");
      AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
      GateResult gate = audit.gates().get(0);
      // the sentence a reviewer reads, in the build log: what the docs quote comes from here
      System.out.println("[EngineRestartIT] " + gate.failures().get(0));
      assertThat(gate.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(gate.failures().get(0)).startsWith("The Docker engine stopped ");
      assertThat(gate.failures()).noneMatch(f -> f.contains("Expecting service"));
      EngineInterruption i = gate.burnIn().engineInterruption();
      assertThat(i).as("the interruption is typed evidence in the JSON twin").isNotNull();
      assertThat(i.signs()).contains(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED);
      assertThat(i.engineEvents()).as("the shutdown kills").isNotEmpty();
      assertThat(i.at()).isBetween(downAndUp[0].minusSeconds(1), downAndUp[1]);
      assertThat(i.backAt()).as("the engine answered again").isNotNull();
      assertThat(i.unreachable().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(i.engineIdAfter()).as("same data root, same engine").isEqualTo(i.engineIdBefore());
      assertThat(Files.readString(reports.resolve("stability_audit.md")))
          .contains("**Docker engine interrupted:** The Docker engine stopped");

      // teardown waited for the engine, then removed everything the run made on it
      String run = "label=dev.stagegate.run=" + gate.project();
      assertThat(daemon.docker("ps", "-aq", "--filter", run)).as("containers left").isBlank();
      assertThat(daemon.docker("network", "ls", "-q", "--filter", run))
          .as("networks left")
          .isBlank();
      assertThat(daemon.docker("images", "-q", "--filter", "label=dev.stagegate"))
          .as("images left")
          .isBlank();
    }
  }

  @Test
  void anEngineThatNeverComesBackLeavesTheStackAndTheGateSaysWhatAndHowToRemoveIt()
      throws Exception {
    assumeTrue(PrivateDockerd.possible(), "needs root and dockerd for a private daemon");
    try (PrivateDockerd daemon = PrivateDockerd.start()) {
      CompletableFuture<Void> stop =
          CompletableFuture.runAsync(
              () -> {
                try {
                  if (!FixtureJvm.awaitJournal(reports, 120)) {
                    throw new IllegalStateException("the burn-in's watch never started");
                  }
                  Thread.sleep(3_000);
                  daemon.stop(); // and it stays down
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Events events =
          GateKit.run(
              BurnInGoodStackGate.class,
              reports,
              Map.of(
                  "stagegate.docker.host", PrivateDockerd.HOST,
                  "stagegate.burnin.duration", "PT60S",
                  "stagegate.journal.interval", "PT1S",
                  "stagegate.teardown.engine-wait", "PT5S"));
      String message =
          GateKit.failures(events).stream().map(Throwable::getMessage).findFirst().orElse("");
      assertThat(stop)
          .as("the daemon was stopped mid-burn-in; the gate said: %s", message)
          .succeedsWithin(Duration.ofSeconds(30));
      GateKit.onlyFailure(events);
      AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
      GateResult gate = audit.gates().get(0);
      assertThat(gate.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(gate.failures()).noneMatch(f -> f.contains("Expecting service"));
      assertThat(gate.failures().get(0))
          .startsWith("The Docker engine stopped ")
          .contains("and did not answer again");
      assertThat(gate.burnIn().engineInterruption().backAt()).isNull();
      String run = "dev.stagegate.run=" + gate.project();
      String gaveUp =
          gate.failures().stream()
              .filter(f -> f.startsWith("Teardown gave up"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no teardown sentence in " + gate.failures()));
      assertThat(gaveUp)
          .contains("did not answer within 5 s (stagegate.teardown.engine-wait)")
          .contains("services api, worker")
          .contains("images stagegate-" + gate.project() + "-api:gate")
          .contains("docker ps -aq --filter label=" + run + " | xargs -r docker rm -fv");
      assertThat(gate.checks())
          .anySatisfy(
              c ->
                  assertThat(c.name() + ": " + c.detail())
                      .startsWith("teardown: Teardown gave up"));

      // the engine comes back: what the gate said it left is there, and its commands remove it
      daemon.restart();
      assertThat(daemon.docker("ps", "-aq", "--filter", "label=" + run)).isNotBlank();
      String commands = gaveUp.substring(gaveUp.indexOf("remove them with: ") + 18);
      commands = commands.substring(0, commands.indexOf(" (the next gate"));
      daemon.shell(commands);
      assertThat(daemon.docker("ps", "-aq", "--filter", "label=" + run)).isBlank();
      assertThat(daemon.docker("network", "ls", "-q", "--filter", "label=" + run)).isBlank();
      assertThat(daemon.docker("images", "-q", "--filter", "label=dev.stagegate")).isBlank();
    }
  }
}
