package dev.stagegate.junit.gate;

import dev.stagegate.report.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * How a gate's findings become its verdict: any failure is FAIL; otherwise anything undecided
 * (broken evidence, an inconclusive trend) is INCONCLUSIVE, never PASS.
 *
 * @param verdict the verdict
 * @param reasons the sentences behind it: the failures, or for INCONCLUSIVE the undecided points
 */
record GateVerdict(Verdict verdict, List<String> reasons) {
  GateVerdict {
    reasons = List.copyOf(reasons);
  }

  static GateVerdict of(List<String> failures, List<String> inconclusive) {
    if (!failures.isEmpty()) {
      return new GateVerdict(Verdict.FAIL, failures);
    }
    if (!inconclusive.isEmpty()) {
      return new GateVerdict(Verdict.INCONCLUSIVE, inconclusive);
    }
    return new GateVerdict(Verdict.PASS, new ArrayList<>());
  }
}
