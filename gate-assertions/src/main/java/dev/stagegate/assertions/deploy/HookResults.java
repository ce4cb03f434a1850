package dev.stagegate.assertions.deploy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/** Turns how a hook ended (returned, threw, or still ran at its deadline) into its result. */
final class HookResults {
  private static final int STACK_FRAMES = 20;

  private HookResults() {}

  static HookResult judged(String name, FinishedHook f, long start) {
    Duration took = Duration.ofNanos(f.at() - start);
    if (f.thrown() != null) {
      return new HookResult(
          name, HookStatus.FAIL, took, Texts.describe(f.thrown()), stackTrace(f.thrown()));
    }
    if (f.outcome() == null) {
      return new HookResult(name, HookStatus.FAIL, took, "returned no outcome (null)", "");
    }
    return new HookResult(
        name,
        f.outcome().passed() ? HookStatus.PASS : HookStatus.FAIL,
        took,
        f.outcome().detail(),
        Texts.evidence(f.outcome().evidence()));
  }

  static HookResult timeout(RunningHook r, long start) {
    Duration after = Duration.ofNanos(r.end() - start);
    // Where the hook hangs is the most useful evidence, and only available before the interrupt.
    StringBuilder where = new StringBuilder(r.thread().getName()).append(" was at:");
    StackTraceElement[] frames = r.thread().getStackTrace();
    for (int i = 0; i < Math.min(frames.length, STACK_FRAMES); i++) {
      where.append("\n\tat ").append(frames[i]);
    }
    if (frames.length > STACK_FRAMES) {
      where.append("\n\t... ").append(frames.length - STACK_FRAMES).append(" more");
    }
    r.thread().interrupt();
    String detail =
        "timed out after "
            + Texts.seconds(after)
            + (r.cutByOverall() ? ", the overall deadline of the run" : "");
    return new HookResult(
        r.name(),
        HookStatus.TIMEOUT,
        Duration.ofNanos(System.nanoTime() - start),
        detail,
        where.toString());
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return Texts.evidence(out.toString());
  }
}
