package dev.stagegate.assertions.deploy;

/** A hook's return or throw, and when (System.nanoTime). */
record FinishedHook(HookOutcome outcome, Throwable thrown, long at) {
  /** Runs the hook on the current thread; whatever it throws is its result, not the runner's. */
  static FinishedHook call(DeployHook hook, HookContext ctx) {
    try {
      HookOutcome outcome = hook.check(ctx);
      return new FinishedHook(outcome, null, System.nanoTime());
    } catch (Throwable t) {
      // Everything a hook throws, AssertionError included, is that hook's failure to report; the
      // runner itself must go on and report the others.
      return new FinishedHook(null, t, System.nanoTime());
    }
  }
}
