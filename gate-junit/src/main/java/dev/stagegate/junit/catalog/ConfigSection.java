package dev.stagegate.junit.catalog;

/** Where a key is documented: one table of {@code docs/configuration.md} each. */
public enum ConfigSection {
  /** Smoke, burn-in, load and baseline gates. */
  GATES,
  /** {@code @RollbackDrill}. */
  ROLLBACK_DRILL,
  /** {@code @PostDeployWatch}. */
  POST_DEPLOY_WATCH,
  /** {@code @PreDeployCheck} and the deploy policy. */
  PRE_DEPLOY_CHECK,
  /** Where every deployment is recorded. */
  DEPLOYMENT_HISTORY
}
