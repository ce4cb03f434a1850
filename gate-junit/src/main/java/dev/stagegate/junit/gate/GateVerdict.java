package dev.stagegate.junit.gate;

import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a gate's findings become its verdict: any failure is FAIL; otherwise anything undecided
 * (broken evidence, an inconclusive trend) is INCONCLUSIVE, never PASS; otherwise a watch shorter
 * than requested is PASS_SHORTENED, never PASS. When the Docker engine itself went away during the
 * watch, what the services did from then on is not theirs: the gate is INCONCLUSIVE naming the
 * engine (never PASS_SHORTENED), unless a service had failed before.
 *
 * @param verdict the verdict
 * @param reasons the sentences behind it: the failures, or for INCONCLUSIVE the undecided points,
 *     or for PASS_SHORTENED how much of the requested watch ran
 */
record GateVerdict(Verdict verdict, List<String> reasons) {
  GateVerdict {
    reasons = List.copyOf(reasons);
  }

  /** A gate that watches nothing over time (smoke, pre-deploy, rollback drill). */
  static GateVerdict of(List<String> failures, List<String> inconclusive) {
    return of(failures, inconclusive, List.of());
  }

  /**
   * @param shortened why the watch is not the one requested, e.g. {@code The burn-in watched 1.5
   *     min of the 4 h requested}; empty when it ran its full length
   */
  static GateVerdict of(List<String> failures, List<String> inconclusive, List<String> shortened) {
    return of(failures, inconclusive, shortened, Optional.empty(), "burn-in");
  }

  /**
   * @param failures only what failed before the engine went away (the caller leaves out what the
   *     engine's stop did to the services)
   * @param engine the engine's interruption of the watch, if it went away
   * @param watchName what the sentence calls the watch, e.g. {@code burn-in}
   */
  static GateVerdict of(
      List<String> failures,
      List<String> inconclusive,
      List<String> shortened,
      Optional<EngineInterruption> engine,
      String watchName) {
    if (engine.isPresent() && failures.isEmpty()) {
      // the engine's sentence first: it is why nothing after it was judged
      List<String> reasons = new ArrayList<>();
      reasons.add(engine.get().sentence(watchName));
      reasons.addAll(inconclusive);
      return new GateVerdict(Verdict.INCONCLUSIVE, reasons);
    }
    if (!failures.isEmpty()) {
      return new GateVerdict(Verdict.FAIL, failures);
    }
    if (!inconclusive.isEmpty()) {
      return new GateVerdict(Verdict.INCONCLUSIVE, inconclusive);
    }
    if (!shortened.isEmpty()) {
      return new GateVerdict(Verdict.PASS_SHORTENED, shortened);
    }
    return new GateVerdict(Verdict.PASS, new ArrayList<>());
  }
}
