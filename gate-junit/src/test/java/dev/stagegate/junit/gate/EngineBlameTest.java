package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
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
}
