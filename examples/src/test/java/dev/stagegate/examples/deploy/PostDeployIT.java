package dev.stagegate.examples.deploy;

import dev.stagegate.junit.PostDeployWatch;

/**
 * Step 5 of the deploy flow (see README "Deploy flow"): the deployed staging stack, watched in
 * place. The pipeline passes the target with {@code -Dstagegate.deploy.docker-host=...} and {@code
 * -Dstagegate.deploy.base-url=...}; CI shortens the watch with {@code
 * stagegate.deploy.watch.duration}, and the audit says so.
 */
class PostDeployIT {

  @PostDeployWatch(
      minutes = 10,
      project = "agents-staging",
      markerService = "api",
      environment = "staging",
      healthPath = "/health",
      healthJson = "{\"status\":\"ok\",\"db_ready\":true}",
      metricsPath = "/metrics",
      metrics = {"system_state_status=0"},
      hooks = {WorkersRunning.class},
      hooksEvery = "PT15S")
  void deployedStagingIsHealthy() {}
}
