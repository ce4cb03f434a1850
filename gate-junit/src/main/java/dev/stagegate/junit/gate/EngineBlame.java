package dev.stagegate.junit.gate;

import dev.stagegate.assertions.ServiceJudge;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges services whose engine went away during the watch. Their end state (exited 143, a restart,
 * "starting" after the daemon came back) is the engine's doing and is not judged; what they logged
 * before the engine's trouble began is still theirs and fails the gate as usual.
 */
final class EngineBlame {
  /**
   * Events this close before the first sign still count as the engine's: the engine stamps its
   * events with its own clock, and the first kill of a shutdown may be the one held.
   */
  static final Duration MARGIN = Duration.ofMillis(500);

  private EngineBlame() {}

  /**
   * The container events that are the engine's doing: every kill, exit, OOM kill or unhealthy turn
   * from its first sign on (minus {@link #MARGIN}); those before are the services' own.
   */
  static List<StackEvent> enginesEvents(
      List<StackEvent> timeline, Instant firstSign, List<StackEvent> held) {
    Instant from = firstSign.minus(MARGIN);
    List<StackEvent> engines = new ArrayList<>(held);
    for (StackEvent e : timeline) {
      boolean failureLike =
          !"start".equals(e.action())
              && !(e.exitCode() != null && e.exitCode() == 0 && "die".equals(e.action()));
      if (failureLike && !e.at().isBefore(from) && !engines.contains(e)) {
        engines.add(e);
      }
    }
    engines.sort(java.util.Comparator.comparing(StackEvent::at));
    return engines;
  }

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
