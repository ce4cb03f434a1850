package dev.stagegate.examples.agents.deploy;

import dev.stagegate.junit.PostDeployWatch;

/**
 * The post-deploy watch of scripts/agents-deploy-flow.sh: the agents stack deployed as the compose
 * project {@code agents-production}, watched in place. {@code /health} must answer {@code
 * db_ready:true}, the api's marker must name this commit and production, and the worker must answer
 * a ping through Redis and keep recording its heartbeat task in PostgreSQL. The flow passes the
 * target with {@code -Dstagegate.deploy.docker-host=...} and {@code
 * -Dstagegate.deploy.base-url=...} and shortens the watch with {@code
 * stagegate.deploy.watch.duration}; the audit says so.
 */
class AgentsPostDeployIT {

  @PostDeployWatch(
      minutes = 10,
      project = "agents-production",
      markerService = "api",
      environment = "production",
      healthPath = "/health",
      healthJson = "{\"status\":\"ok\",\"db_ready\":true}",
      hooks = {WorkerAnswers.class, HeartbeatsRecorded.class},
      hooksEvery = "PT15S")
  void productionIsHealthy() {}
}
