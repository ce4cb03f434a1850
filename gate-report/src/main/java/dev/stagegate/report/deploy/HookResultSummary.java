package dev.stagegate.report.deploy;

import java.time.Duration;

/**
 * One hook of a deployment as the log keeps it: enough to see what failed, not its full output.
 *
 * <pre>{@code
 * new HookResultSummary("health /ready", HookStatus.PASS, Duration.ofMillis(420), "");
 * new HookResultSummary("smoke", HookStatus.TIMEOUT, Duration.ofSeconds(30), "no answer in 30 s");
 * }</pre>
 *
 * @param name the hook, e.g. {@code health /ready}
 * @param status how it ended
 * @param took how long it ran
 * @param detail a short explanation, e.g. the failing assertion; empty when there is none ({@code
 *     null} is taken as empty)
 */
public record HookResultSummary(String name, HookStatus status, Duration took, String detail) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when name is blank, status or took null, or took negative
   */
  public HookResultSummary {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("hook name must not be null or blank");
    }
    if (status == null) {
      throw new IllegalArgumentException("hook status must not be null");
    }
    if (took == null || took.isNegative()) {
      throw new IllegalArgumentException("hook duration must not be null or negative: " + took);
    }
    detail = detail == null ? "" : detail;
  }

  /** Whether the hook passed (a timeout did not). */
  public boolean passed() {
    return status == HookStatus.PASS;
  }
}
