package dev.stagegate.report.deploy;

/** How a deployment ended. */
public enum Outcome {
  /** Deployed and its hooks passed. */
  SUCCESS,
  /** Failed and left as it was (nothing was rolled back). */
  FAILED,
  /** Failed, and the previous version was put back. */
  ROLLED_BACK
}
