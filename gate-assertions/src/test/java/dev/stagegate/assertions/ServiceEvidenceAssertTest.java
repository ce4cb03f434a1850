package dev.stagegate.assertions;

import static dev.stagegate.assertions.GateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceEvidenceAssertTest {
  private static ServiceEvidence evidence(
      String state,
      String health,
      int restarts,
      Integer exit,
      boolean oom,
      boolean oneShot,
      List<LogFinding> findings) {
    return new ServiceEvidence(
        "worker",
        "p_worker_1",
        oneShot,
        state,
        health,
        restarts,
        exit,
        oom,
        List.of(),
        null,
        findings,
        findings.size(),
        List.of(),
        10);
  }

  private static ServiceEvidence healthy() {
    return evidence("running", "healthy", 0, null, false, false, List.of());
  }

  @Test
  void aHealthyServicePassesEverything() {
    assertThat(healthy())
        .hasNoRestarts()
        .isRunning()
        .wasNotOomKilled()
        .isHealthy()
        .hasNoLogFindings()
        .passesGate();
  }

  @Test
  void restartsReadAsASentenceWithExitCodeAndOomKill() {
    assertThatThrownBy(
            () ->
                assertThat(evidence("running", "healthy", 2, 137, true, false, List.of()))
                    .hasNoRestarts())
        .hasMessage(
            "Expecting service \"worker\" to have 0 restarts but had 2 (exit code 137, OOMKilled)");
  }

  @Test
  void anExitedLongRunningServiceFailsButAOneShotJobThatExitedZeroDoesNot() {
    assertThatThrownBy(
            () -> assertThat(evidence("exited", "none", 0, 1, false, false, List.of())).isRunning())
        .hasMessage("Expecting service \"worker\" to be running but it exited with code 1");
    assertThat(evidence("exited", "none", 0, 0, false, true, List.of())).isRunning();
    assertThatThrownBy(
            () -> assertThat(evidence("exited", "none", 0, 2, false, true, List.of())).isRunning())
        .hasMessage(
            "Expecting one-shot job \"worker\" to exit with code 0 but it exited with code 2");
  }

  @Test
  void unhealthyQuotesTheLastProbe() {
    assertThatThrownBy(
            () ->
                assertThat(evidence("running", "unhealthy", 0, null, false, false, List.of()))
                    .isHealthy())
        .hasMessage("Expecting service \"worker\" to be healthy but it was unhealthy");
  }

  @Test
  void logFindingsAreQuotedWithLineNumbers() {
    List<LogFinding> findings =
        List.of(
            new LogFinding("worker", 3, "python-traceback", "ValueError: boom", 4),
            LogFinding.single("worker", 9, "error-level", "ERROR lost broker"));
    assertThatThrownBy(
            () ->
                assertThat(evidence("running", "healthy", 0, null, false, false, findings))
                    .hasNoLogFindings())
        .hasMessage(
            "Expecting service \"worker\" to log no errors but found 2 problems: line 3"
                + " [python-traceback] ValueError: boom; line 9 [error-level] ERROR lost broker");
  }

  @Test
  void passesGateListsEveryProblem() {
    assertThatThrownBy(
            () ->
                assertThat(evidence("exited", "none", 1, 3, false, false, List.of())).passesGate())
        .hasMessageContaining("to have 0 restarts but had 1 (exit code 3)")
        .hasMessageContaining("to be running but it exited with code 3");
  }
}
