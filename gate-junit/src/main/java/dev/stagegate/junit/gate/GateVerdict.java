package dev.stagegate.junit.gate;

import dev.stagegate.report.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * How a gate's findings become its verdict: any failure is FAIL; otherwise anything undecided
 * (broken evidence, an inconclusive trend) is INCONCLUSIVE, never PASS; otherwise a watch shorter
 * than requested is PASS_SHORTENED, never PASS.
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
