package dev.stagegate.examples;

import dev.stagegate.junit.RollbackDrill;

/**
 * The way back, proven before the way forward: the previous commit's (the newest tag below HEAD,
 * else {@code HEAD~1}) images are built as its gate did, then the audit's rollback command runs
 * them in place of this one without a rebuild; they must come up healthy with their own marker, and
 * this commit is brought back. The audit prints that command for project {@code agents-staging}
 * ({@code stagegate.deploy.project}), with a DATABASE warning when migrations changed.
 */
class RollbackDrillIT {

  @RollbackDrill(
      compose = "docker-compose.yml",
      markerService = "api",
      markerFile = "services/api/.deployment_marker",
      environment = "staging")
  void theWayBackIsProven() {}
}
