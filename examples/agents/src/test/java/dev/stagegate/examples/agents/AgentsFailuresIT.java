package dev.stagegate.examples.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.examples.agents.gates.ApiOomGate;
import dev.stagegate.examples.agents.gates.DatabaseStoppedGate;
import dev.stagegate.examples.agents.gates.MigrationFailsGate;
import dev.stagegate.examples.agents.gates.RedisStoppedGate;
import dev.stagegate.examples.agents.gates.TaskRaisesGate;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of real software, each a variant of the agents example on the real engine, run through
 * EngineTestKit: each must fail the gate with a message naming the service and the cause. The OOM
 * variant is a burn-in that fails within seconds; its watch is capped at two minutes so that a gate
 * that missed the kill ends INCONCLUSIVE instead of running on. The outages (PostgreSQL, Redis)
 * happen 10 s into a burn-in, which then watches on ({@code watchAfterFailure}) so the audit shows
 * how the other services reacted; their watches are capped at two minutes too.
 */
class AgentsFailuresIT {
  private static final Map<String, String> CAPPED = Map.of("stagegate.burnin.duration", "PT2M");

  @TempDir Path reports;

  @AfterEach
  void nothingOfOursIsLeft() {
    OwnLeftovers.assertNone();
  }

  private String failureOf(Class<?> gate, Map<String, String> parameters) {
    Throwable t = GateKit.onlyFailure(GateKit.run(gate, reports, parameters));
    assertThat(t).isInstanceOf(GateFailedError.class);
    System.out.println(
        "[agents] " + gate.getSimpleName() + " failed as expected:\n" + t.getMessage());
    return t.getMessage();
  }

  private ServiceEvidence service(String name) {
    GateResult gate = GateKit.onlyGate(reports);
    return gate.services().stream()
        .filter(s -> s.service().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence of service " + name));
  }

  @Test
  void taskThatRaisesIsOneTracebackFindingPerFailure() {
    assertThat(failureOf(TaskRaisesGate.class, Map.of()))
        .contains("service \"worker\" to log no errors")
        .contains("ZeroDivisionError: division by zero");
    ServiceEvidence worker = service("worker");
    assertThat(worker.restartCount()).isZero();
    // Celery logs each failure as an ERROR line, billiard's wrapper and the task's quoted
    // traceback: one finding per failed task, starting at the ERROR line and quoting the task's own
    // exception (not billiard's wrapper)
    assertThat(worker.findings())
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("python-traceback");
              assertThat(f.line()).isEqualTo("ZeroDivisionError: division by zero");
              assertThat(f.blockLines()).isGreaterThan(10);
            });
  }

  @Test
  void failingMigrationStopsTheDeployBeforeAnythingStarts() {
    assertThat(failureOf(MigrationFailsGate.class, Map.of()))
        .contains("one-shot job \"migrate\" to exit with code 0 but it exited with code 1")
        .contains("relation \"owners\" does not exist")
        .contains("Service \"api\" was not ready: created")
        .contains("Service \"worker\" was not ready: created")
        .contains("Service \"beat\" was not ready: created");
  }

  @Test
  void databaseStoppedMidBurnInFailsAndTheAuditShowsTheOthersReactions() {
    assertThat(failureOf(DatabaseStoppedGate.class, CAPPED))
        .contains("service \"db\" to keep running for the whole burn-in but it")
        .contains("expected status 200 but got 503")
        .contains("\"db_ready\":false")
        .contains("service \"worker\" to log no errors")
        .contains("OperationalError");
    GateResult gate = GateKit.onlyGate(reports);
    // failed at the database's stop, then watched on for 25 s: the reactions are evidence
    assertThat(gate.burnIn().endedBecause())
        .contains("then watched")
        .contains("more for the other");
    assertThat(gate.burnIn().actual()).isGreaterThan(Duration.ofSeconds(25));
    assertThat(service("worker").restartCount()).isZero();
    assertThat(service("api").restartCount()).isZero();
  }

  @Test
  void redisStoppedMidBurnInFailsAndTheWorkerRetriesWithoutExiting() {
    assertThat(failureOf(RedisStoppedGate.class, CAPPED))
        .contains("service \"redis\" to keep running for the whole burn-in but it")
        .contains("service \"worker\" to log no errors")
        .contains("Cannot connect to redis://redis:6379");
    ServiceEvidence worker = service("worker");
    assertThat(worker.state()).isEqualTo("running");
    assertThat(worker.restartCount()).isZero();
    assertThat(GateKit.onlyGate(reports).burnIn().actual()).isGreaterThan(Duration.ofSeconds(20));
  }

  @Test
  void apiOomKilledUnderItsMemoryLimitFails() {
    assertThat(failureOf(ApiOomGate.class, CAPPED)).contains("\"api\"").containsPattern("OOM|137");
  }
}
