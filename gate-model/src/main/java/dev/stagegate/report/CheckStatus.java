package dev.stagegate.report;

/** The result of one check within a gate. */
public enum CheckStatus {
  PASS,
  FAIL,
  /** Not run, usually because an earlier step (build, start) failed. */
  SKIPPED
}
