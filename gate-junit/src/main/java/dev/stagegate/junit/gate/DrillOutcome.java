package dev.stagegate.junit.gate;

import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.ServiceEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a rollback drill proved, and its result as the audit records it.
 *
 * @param project the drill's compose project
 * @param command the audit's rollback command, for the deployed project; empty when not rendered
 * @param proven whether the way back and the return both worked and nothing failed
 * @param rollbackHealthy how long after the rollback command started the target was healthy; null
 *     when it was not
 * @param markerVersion the version the target's marker named after the rollback; null when not
 *     checked or wrong
 */
record DrillOutcome(
    String project,
    String command,
    boolean proven,
    Duration rollbackHealthy,
    String markerVersion) {

  /** The drill's result (not yet redacted) with its rollback evidence. */
  GateResult result(
      RollbackSpec spec,
      Instant started,
      EngineInfo engineInfo,
      GateVerdict decided,
      List<CheckResult> checks,
      List<ServiceEvidence> evidence) {
    RollbackEvidence rollback =
        new RollbackEvidence(
            spec.previousRef(),
            spec.previousCommit(),
            spec.previousVersion(),
            spec.currentCommit(),
            project,
            command,
            proven,
            started,
            rollbackHealthy,
            markerVersion,
            spec.target().source());
    return GateResult.builder(spec.id(), GateKind.ROLLBACK_DRILL)
        .displayName(spec.displayName())
        .verdict(decided.verdict())
        .startedAt(started)
        .duration(Duration.between(started, Instant.now()))
        .composeFile(spec.composeAttribute())
        .project(project)
        .engine(engineInfo)
        .checks(checks)
        .services(evidence)
        .failures(decided.reasons())
        .rollback(rollback)
        .build();
  }
}
