package dev.stagegate.examples.agents;

import dev.stagegate.junit.RollbackDrill;

/**
 * The way back for the agents stack: the previous commit's tree of this module is built and brought
 * up over HEAD (migrations and all, on the same database volume), must become healthy, and HEAD is
 * brought back. Previous: {@code HEAD~1}, or {@code -Dstagegate.rollback.previous=<ref>}. Not part
 * of {@code mvn verify} (see pom.xml): it needs a previous commit that has this module.
 *
 * <p>The image COPYs the build's deployment marker, which git never holds: the drill writes one
 * into each exported tree. Its markers are not checked in the containers ({@code markerService}
 * stays empty) because commits before the marker was added do not copy it into the image.
 */
class AgentsRollbackDrillIT {

  @RollbackDrill(
      compose = "docker-compose.yml",
      markerFile = ".deployment_marker",
      startupTimeout = "PT3M")
  void theWayBackIsProven() {}
}
