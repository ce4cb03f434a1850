package dev.stagegate.junit.gate;

import dev.stagegate.report.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link GateRun}'s smoke checks: once the stack is healthy and after a burn-in that ran its
 * course, every check goes into the report; during the watch, only the failures do.
 */
final class GateSmoke {
  private final GateSpec spec;
  private final RunningStack stack;
  private final List<CheckResult> checks;
  private final List<String> otherFailures;

  GateSmoke(GateSpec spec, RunningStack stack, GateFindings findings) {
    this.spec = spec;
    this.stack = stack;
    this.checks = findings.checks();
    this.otherFailures = findings.otherFailures();
  }

  /** Runs every smoke check; each is a check of the report, each failure one of the gate. */
  void smoke() {
    for (SmokeSpec s : spec.smokeChecks()) {
      CheckResult r = SmokeRunner.run(s, stack);
      checks.add(r);
      if (!r.passed()) {
        otherFailures.add(r.detail());
      }
    }
  }

  /** Smoke checks during a burn-in's watch: the failures, empty when all passed. */
  List<String> smokeDuringWatch() {
    List<String> failed = new ArrayList<>();
    for (SmokeSpec s : spec.smokeChecks()) {
      CheckResult r = SmokeRunner.run(s, stack);
      if (!r.passed()) {
        checks.add(r);
        failed.add(r.detail());
      }
    }
    return failed;
  }
}
