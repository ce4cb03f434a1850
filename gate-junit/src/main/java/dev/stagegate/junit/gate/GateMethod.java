package dev.stagegate.junit.gate;

import dev.stagegate.report.CheckResult;
import java.util.List;

/** The body of a gate method, run once by a gate run and recorded as its "gate method" check. */
final class GateMethod {
  private GateMethod() {}

  /** The failure every kind of gate reports when its method body threw. */
  static String failed(Throwable bodyFailure) {
    return "The gate method failed: " + bodyFailure;
  }

  /**
   * Runs {@code body} and adds its check to {@code checks}: passed, or failed with what it threw.
   * An {@link InterruptedException} restores the thread's interrupt status.
   *
   * @return what the body threw, or null when it passed
   */
  static Throwable run(GateRun.Body body, List<CheckResult> checks) {
    try {
      body.run();
      checks.add(CheckResult.pass("gate method", "the method body passed", ""));
      return null;
    } catch (Throwable t) { // NOPMD: any failure of user code is evidence, rethrown as its cause
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      checks.add(CheckResult.fail("gate method", String.valueOf(t.getMessage()), t.toString()));
      return t;
    }
  }
}
