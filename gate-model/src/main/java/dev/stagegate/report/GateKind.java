package dev.stagegate.report;

/** Which annotation drove a gate. */
public enum GateKind {
  HEALTHY_SMOKE,
  BURN_IN,
  /** {@code @PostDeployWatch}: a deployed target watched in place (nothing built or torn down). */
  POST_DEPLOY_WATCH,
  /**
   * {@code @RollbackDrill}: the stack rolled back to an earlier commit and forward again in one
   * compose project.
   */
  ROLLBACK_DRILL,
  /** {@code @PreDeployCheck}: the deploy policy's decision before a deploy (no stack). */
  PRE_DEPLOY_CHECK
}
