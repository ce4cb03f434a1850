package dev.stagegate.assertions.deploy;

import java.util.concurrent.atomic.AtomicBoolean;

/** Small user hooks for the tests. */
final class Hooks {
  private Hooks() {}

  interface Check {
    HookOutcome check(HookContext ctx) throws Exception;
  }

  static DeployHook named(String name, Check check) {
    return new DeployHook() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public HookOutcome check(HookContext ctx) throws Exception {
        return check.check(ctx);
      }
    };
  }

  static DeployHook passing(String name) {
    return named(name, ctx -> HookOutcome.pass("fine"));
  }

  static DeployHook sleeping(String name, long millis) {
    return named(
        name,
        ctx -> {
          Thread.sleep(millis);
          return HookOutcome.pass("slept " + millis + " ms");
        });
  }

  /** Spins, swallowing interrupts, until {@code stop} is set: a hook no interrupt can end. */
  static DeployHook busy(String name, AtomicBoolean stop) {
    return named(
        name,
        ctx -> {
          long spins = 0;
          while (!stop.get()) {
            spins++;
            Thread.interrupted();
          }
          return HookOutcome.pass("spun " + spins + " times");
        });
  }
}
