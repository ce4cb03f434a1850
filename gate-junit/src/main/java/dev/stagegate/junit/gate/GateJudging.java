package dev.stagegate.junit.gate;

import dev.stagegate.assertions.ServiceJudge;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.checklist.CheckName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a {@link GateRun} before its teardown: collects the stack's evidence (through the
 * burn-in's recorders when there was one), judges it (after an engine interruption, only what each
 * service did before the engine's trouble: {@link EngineBlame}), and summarises the burn-in and its
 * loads; then decides the gate's verdict on everything found. Evidence that cannot be collected
 * leaves the gate inconclusive.
 */
final class GateJudging {
  private final GateSpec spec;
  private final EvidenceCollector collector;
  private final List<CheckResult> checks;
  private final Map<String, String> serviceProblems;
  private final List<String> otherFailures;
  private final List<String> inconclusive;

  GateJudging(GateSpec spec, EvidenceCollector collector, GateFindings findings) {
    this.spec = spec;
    this.collector = collector;
    this.checks = findings.checks();
    this.serviceProblems = findings.serviceProblems();
    this.otherFailures = findings.otherFailures();
    this.inconclusive = findings.inconclusive();
  }

  /**
   * @param engineInterruption the engine's interruption of the watch ({@code null}: none)
   * @param burnIn the burn-in's watch ({@code null}: no burn-in ran)
   * @param load the burn-in's {@code @Load} generators ({@code null}: none started)
   */
  CollectedEvidence collect(EngineInterruption engineInterruption, BurnInRun burnIn, LoadRun load) {
    List<ServiceEvidence> evidence = List.of();
    BurnInEvidence burnInEvidence = null;
    try {
      if (engineInterruption != null && engineInterruption.backAt() == null) {
        // the engine is not there to ask: the audit keeps the watch's own evidence
        evidence = List.of();
      } else {
        evidence = burnIn == null ? collector.collect() : burnIn.evidence(collector);
        if (engineInterruption != null) {
          otherFailures.addAll(EngineBlame.ownFailures(evidence, burnIn.linesAtEngineTrouble()));
        } else {
          judge(evidence);
        }
      }
      if (burnIn != null) {
        burnInEvidence = burnIn.summarise(otherFailures, inconclusive);
        if (load != null) {
          load.stop();
          burnInEvidence =
              burnInEvidence.withLoads(
                  load.judge(
                      burnIn.completed(),
                      spec.settings().trendMinimumSpan(),
                      otherFailures,
                      inconclusive));
        }
      }
    } catch (RuntimeException e) {
      // not a verdict on the stack, but the gate cannot pass without its evidence
      inconclusive.add("Could not collect evidence from the stack: " + e);
    }
    return new CollectedEvidence(evidence, burnInEvidence);
  }

  private void judge(List<ServiceEvidence> evidence) {
    boolean started =
        checks.stream().anyMatch(c -> c.name().equals(CheckName.ALL_SERVICES_HEALTHY.id()));
    if (!started) {
      return; // nothing ran; the build failure says why
    }
    List<String> judged = new ArrayList<>();
    for (ServiceEvidence e : evidence) {
      if (serviceProblems.containsKey(e.service())) {
        ServiceJudge.logFindings(e).ifPresent(judged::add);
      } else {
        judged.addAll(ServiceJudge.problems(e));
      }
    }
    checks.add(
        judged.isEmpty()
            ? CheckResult.pass(
                "restarts, exits and logs", "no restart, exit, OOM kill or log finding", "")
            : CheckResult.fail("restarts, exits and logs", String.join("; ", judged), ""));
    otherFailures.addAll(judged);
  }

  /**
   * The verdict on everything found: the services' start problems first, the method body's failure
   * last.
   */
  GateVerdict decide(
      Throwable bodyFailure, CollectedEvidence evidence, EngineInterruption engineInterruption) {
    List<String> failures = new ArrayList<>(otherFailures);
    failures.addAll(0, serviceProblems.values());
    if (bodyFailure != null) {
      failures.add(GateMethod.failed(bodyFailure));
    }
    return GateVerdict.of(
        failures,
        inconclusive,
        evidence.burnIn() == null ? List.of() : evidence.burnIn().shortfall(),
        Optional.ofNullable(engineInterruption),
        "burn-in");
  }
}
