package dev.stagegate.assertions.deploy;

/** How one hook of a {@link HookReport} ended. */
public enum HookStatus {
  /** The hook returned a passing outcome within its timeout. */
  PASS,
  /** The hook returned a failing outcome, threw, or returned nothing, within its timeout. */
  FAIL,
  /** The hook had not returned at its timeout (or at the overall deadline). */
  TIMEOUT
}
