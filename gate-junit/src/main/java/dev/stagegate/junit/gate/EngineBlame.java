package dev.stagegate.junit.gate;

import dev.stagegate.assertions.ServiceJudge;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges services whose engine went away during the watch. Their end state (exited 143, a restart,
 * "starting" after the daemon came back) is the engine's doing and is not judged; what they logged
 * before the engine's trouble began is still theirs and fails the gate as usual.
 */
final class EngineBlame {
  private EngineBlame() {}

  /**
   * The failures that are the services' own.
   *
   * @param evidence the services' evidence after the engine came back
   * @param linesAtTrouble each service's log lines seen when the engine's trouble began; a service
   *     missing here had logged nothing by then
   */
  static List<String> ownFailures(
      List<ServiceEvidence> evidence, Map<String, Long> linesAtTrouble) {
    List<String> own = new ArrayList<>();
    for (ServiceEvidence e : evidence) {
      long before = linesAtTrouble.getOrDefault(e.service(), 0L);
      List<LogFinding> earlier =
          e.findings().stream().filter(f -> f.lineNumber() <= before).toList();
      ServiceJudge.logFindings(onlyFindings(e, earlier)).ifPresent(own::add);
    }
    return own;
  }

  private static ServiceEvidence onlyFindings(ServiceEvidence e, List<LogFinding> findings) {
    return new ServiceEvidence(
        e.service(),
        e.container(),
        e.oneShot(),
        e.state(),
        e.health(),
        e.restartCount(),
        e.exitCode(),
        e.oomKilled(),
        e.healthLog(),
        e.stats(),
        findings,
        findings.size(),
        e.lastLogLines(),
        e.totalLogLines());
  }
}
