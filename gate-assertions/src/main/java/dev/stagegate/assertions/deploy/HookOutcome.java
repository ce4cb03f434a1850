package dev.stagegate.assertions.deploy;

import java.util.Objects;

/**
 * What one run of a {@link DeployHook} found: passed or not, a one-sentence {@code detail} for the
 * report, and the raw {@code evidence} (a response body, command output) for whoever has to find
 * out why.
 *
 * <pre>{@code
 * return HookOutcome.fail("at $.db_ready expected true but was false").withEvidence(body);
 * }</pre>
 */
public record HookOutcome(boolean passed, String detail, String evidence) {
  public HookOutcome {
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** A passing outcome, without evidence. */
  public static HookOutcome pass(String detail) {
    return new HookOutcome(true, detail, "");
  }

  /** A failing outcome, without evidence. */
  public static HookOutcome fail(String detail) {
    return new HookOutcome(false, detail, "");
  }

  /** This outcome with {@code evidence} (e.g. the response body) attached. */
  public HookOutcome withEvidence(String evidence) {
    return new HookOutcome(passed, detail, evidence);
  }
}
