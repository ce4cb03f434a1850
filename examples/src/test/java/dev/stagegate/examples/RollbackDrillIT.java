package dev.stagegate.examples;

import dev.stagegate.junit.RollbackDrill;

/**
 * The way back, proven before the way forward: the previous commit (the newest tag below HEAD, else
 * {@code HEAD~1}) is built and started in place of this one, must come up healthy with its own
 * marker, and this commit is brought back. The audit's rollback command is the one this drill ran.
 */
class RollbackDrillIT {

  @RollbackDrill(
      compose = "docker-compose.yml",
      markerService = "api",
      markerFile = "services/api/.deployment_marker",
      environment = "staging")
  void theWayBackIsProven() {}
}
