package dev.stagegate.assertions.deploy;

import java.time.Duration;
import java.util.Objects;

/**
 * How one hook ended in a {@link HookRunner} run.
 *
 * <pre>{@code
 * HookResult r = report.result("db-port").orElseThrow();
 * r.status();     // TIMEOUT
 * r.sentence();   // hook "db-port" timed out after 2.0 s
 * }</pre>
 *
 * @param took from the start of the run until the hook returned, or until the runner gave up on it
 * @param detail one sentence: the hook's own, the exception's, or the timeout
 * @param evidence raw evidence (a body, command output, the stack of a hung hook), possibly empty
 */
public record HookResult(
    String name, HookStatus status, Duration took, String detail, String evidence) {
  public HookResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(took, "took");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Whether the hook passed. */
  public boolean passed() {
    return status == HookStatus.PASS;
  }

  /**
   * The result as a sentence: {@code hook "health" failed: at $.db_ready expected true but was
   * false}, {@code hook "db-port" timed out after 2.0 s}, {@code hook "health" passed: ...}.
   */
  public String sentence() {
    return switch (status) {
      case PASS -> "hook \"" + name + "\" passed: " + detail;
      case FAIL -> "hook \"" + name + "\" failed: " + detail;
      case TIMEOUT -> "hook \"" + name + "\" " + detail;
    };
  }
}
