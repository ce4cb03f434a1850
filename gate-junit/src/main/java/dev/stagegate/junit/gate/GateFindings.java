package dev.stagegate.junit.gate;

import dev.stagegate.report.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link GateRun} has found so far, added to by each of its phases: the checks for the
 * report, the services that did not come up healthy, every other failure, and what left the gate
 * undecided. Collected rather than thrown, so the report and the message show the whole picture.
 */
final class GateFindings {
  private final List<CheckResult> checks = new ArrayList<>();
  private final Map<String, String> serviceProblems = new LinkedHashMap<>();
  private final List<String> otherFailures = new ArrayList<>();
  private final List<String> inconclusive = new ArrayList<>();

  /** The checks, in the order they ran. */
  List<CheckResult> checks() {
    return checks;
  }

  /** Each service that did not come up healthy, with why; they lead the failures. */
  Map<String, String> serviceProblems() {
    return serviceProblems;
  }

  /** Every failure besides the services' start problems and the method body's. */
  List<String> otherFailures() {
    return otherFailures;
  }

  /** Why the gate cannot decide: neither pass nor fail for the stack. */
  List<String> inconclusive() {
    return inconclusive;
  }
}
