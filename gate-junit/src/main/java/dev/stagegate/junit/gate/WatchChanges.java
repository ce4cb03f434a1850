package dev.stagegate.junit.gate;

import dev.stagegate.assertions.ServiceJudge;
import dev.stagegate.junit.docker.ContainerState;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.ServiceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges what changed on a deployed target during a post-deploy watch: restarts and OOM kills
 * already on a container before the watch (the deployed stack's history) are not the watch's
 * findings.
 */
final class WatchChanges {
  private static final String CHECK = "restarts, exits and logs";

  private WatchChanges() {}

  /**
   * One check over every service, and a failure per finding not already among {@code failures}.
   *
   * @param baseline each service's container state when the watch began
   * @param events the watch's events, which say who died during it
   */
  static void judge(
      List<ServiceEvidence> evidence,
      Map<String, ContainerState> baseline,
      EventWatch events,
      List<CheckResult> checks,
      List<String> failures) {
    List<String> judged = new ArrayList<>();
    for (ServiceEvidence e : evidence) {
      ContainerState before = baseline.get(e.service());
      int restarts = before == null ? e.restartCount() : e.restartCount() - before.restartCount();
      boolean diedDuringWatch = events.lastExitCode(e.service()).isPresent();
      ServiceEvidence during =
          new ServiceEvidence(
              e.service(),
              e.container(),
              e.oneShot(),
              e.state(),
              e.health(),
              Math.max(0, restarts),
              // an earlier exit of a long-running service is the target's history, but a
              // one-shot job's exit code is its result: a migration that failed still counts
              diedDuringWatch || before == null || e.oneShot() ? e.exitCode() : null,
              e.oomKilled() && (before == null || !before.oomKilled()),
              e.healthLog(),
              e.stats(),
              e.findings(),
              e.findingsTotal(),
              e.lastLogLines(),
              e.totalLogLines());
      judged.addAll(ServiceJudge.problems(during));
    }
    judged.removeIf(failures::contains);
    checks.add(
        judged.isEmpty()
            ? CheckResult.pass(
                CHECK, "no restart, exit, OOM kill or log finding during the watch", "")
            : CheckResult.fail(CHECK, String.join("; ", judged), ""));
    failures.addAll(judged);
  }
}
