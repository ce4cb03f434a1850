package dev.stagegate.examples.agents.deploy;

import dev.stagegate.junit.PreDeployCheck;

/**
 * The deploy checks of scripts/agents-deploy-flow.sh: right before the agents stack goes to
 * production, the burn-in's audit must be approved, unchanged and of this commit, and the marker
 * the build stamped must name this commit and production. The flow runs it with its own report
 * directory, so the approved audit stays as it was approved.
 */
class AgentsPreDeployIT {

  @PreDeployCheck(
      audit = "target/stagegate/burn-in/stability_audit.md",
      markerFile = ".deployment_marker",
      environment = "production")
  void productionDeployIsAllowed() {}
}
