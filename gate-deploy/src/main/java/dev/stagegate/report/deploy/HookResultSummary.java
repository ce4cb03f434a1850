package dev.stagegate.report.deploy;

import java.time.Duration;
import java.util.List;

/**
 * One hook of a deployment as the log keeps it: enough to see what failed, not its full output.
 *
 * <p>The status is a string ({@value #PASS}, {@value #FAIL} or {@value #TIMEOUT}), not an enum: the
 * hooks are run in gate-assertions, which this module cannot depend on, and a second {@code
 * HookStatus} type would clash there with {@code dev.stagegate.assertions.deploy.HookStatus}. From
 * a hook result: {@code new HookResultSummary(r.name(), r.status().name(), r.took(), r.detail())}.
 *
 * <pre>{@code
 * new HookResultSummary("health /ready", HookResultSummary.PASS, Duration.ofMillis(420), "");
 * new HookResultSummary("smoke", HookResultSummary.TIMEOUT, Duration.ofSeconds(30), "no answer");
 * }</pre>
 *
 * @param name the hook, e.g. {@code health /ready}
 * @param status {@value #PASS}, {@value #FAIL} or {@value #TIMEOUT}
 * @param took how long it ran
 * @param detail a short explanation, e.g. the failing assertion; empty when there is none ({@code
 *     null} is taken as empty)
 */
public record HookResultSummary(String name, String status, Duration took, String detail) {
  /** The hook passed. */
  public static final String PASS = "PASS";

  /** The hook failed. */
  public static final String FAIL = "FAIL";

  /** The hook did not finish within its time limit; counts as not passed. */
  public static final String TIMEOUT = "TIMEOUT";

  /** Every valid status. */
  public static final List<String> STATUSES = List.of(PASS, FAIL, TIMEOUT);

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when name is blank, status not one of {@link #STATUSES}, or
   *     took null or negative
   */
  public HookResultSummary {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("hook name must not be null or blank");
    }
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "hook status must be one of " + STATUSES + " but was " + status);
    }
    if (took == null || took.isNegative()) {
      throw new IllegalArgumentException("hook duration must not be null or negative: " + took);
    }
    detail = detail == null ? "" : detail;
  }

  /** Whether the hook passed (a timeout did not). */
  public boolean passed() {
    return PASS.equals(status);
  }
}
