package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StackEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineBlameTest {
  private static ServiceEvidence exited(String service, int code, List<LogFinding> findings) {
    return new ServiceEvidence(
        service,
        "c-" + service,
        false,
        "exited",
        "unhealthy",
        1,
        code,
        false,
        List.of(),
        null,
        findings,
        findings.size(),
        List.of(),
        40);
  }

  @Test
  void theEndStateAfterTheEnginesStopIsNotBlamedOnTheService() {
    assertThat(
            EngineBlame.ownFailures(
                List.of(exited("worker", 143, List.of())), Map.of("worker", 30L)))
        .isEmpty();
  }

  @Test
  void aLogFindingBeforeTheTroubleStillFailsOneAfterItDoesNot() {
    LogFinding before = LogFinding.single("api", 12, "error", "ERROR payment failed");
    LogFinding after = LogFinding.single("api", 31, "error", "ERROR lost the database");
    List<String> own =
        EngineBlame.ownFailures(
            List.of(exited("api", 143, List.of(before, after))), Map.of("api", 30L));
    assertThat(own)
        .containsExactly(
            "Expecting service \"api\" to log no errors but found 1 problem: line 12 [error] ERROR"
                + " payment failed");
  }

  @Test
  void eventsFromTheFirstSignOnAreTheEnginesThoseClearlyBeforeAreTheServices() {
    Instant sign = Instant.parse("2026-12-07T11:00:50Z");
    StackEvent crashBefore = new StackEvent(sign.minusSeconds(30), "worker", "die", 3);
    StackEvent restartBefore = new StackEvent(sign.minusSeconds(29), "worker", "start", null);
    StackEvent heldKill = new StackEvent(sign, "worker", "kill", null);
    StackEvent apiKill = new StackEvent(sign.plusMillis(1), "api", "kill", null);
    StackEvent apiDie = new StackEvent(sign.plusMillis(90), "api", "die", 143);
    StackEvent workerDie = new StackEvent(sign.plusSeconds(10), "worker", "die", 137);
    List<StackEvent> engines =
        EngineBlame.enginesEvents(
            List.of(crashBefore, restartBefore, heldKill, apiKill, apiDie, workerDie),
            sign,
            List.of(heldKill));
    assertThat(engines).containsExactly(heldKill, apiKill, apiDie, workerDie);
  }
}
