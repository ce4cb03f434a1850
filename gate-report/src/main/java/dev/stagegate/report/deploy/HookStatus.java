package dev.stagegate.report.deploy;

/** The result of one deployment hook (a health check, smoke test or migration). */
public enum HookStatus {
  PASS,
  FAIL,
  /** Did not finish within its time limit; counts as not passed. */
  TIMEOUT
}
