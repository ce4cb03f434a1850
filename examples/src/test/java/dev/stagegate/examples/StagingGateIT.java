package dev.stagegate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.SmokeCheck;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.MarkerCheck;
import dev.stagegate.report.deploy.MarkerFactory;
import java.nio.file.Path;
import java.util.Optional;

/** The agents service's staging gate: run by {@code mvn verify} like any other test. */
class StagingGateIT {

  @HealthySmoke(compose = "docker-compose.yml")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  @SmokeCheck(service = "api", port = 8000, path = "/api/v1/agents/list")
  void stackIsFitToDeploy(GateStack stack) throws Exception {
    // Checks of your own run against the live stack, after the smoke checks.
    assertThat(stack.get("api", 8000, "/api/v1/agents/list").body()).contains("planner");
    assertThat(stack.exec("worker", "cat", "/tmp/heartbeat").exitCode()).isZero();
    // The image carries the marker the build wrote (examples/pom.xml): this commit, staging.
    String marker = stack.exec("api", "cat", DeploymentMarker.PATH).stdout();
    assertThat(
            MarkerCheck.expecting()
                .commit(MarkerFactory.headCommit(Path.of("").toAbsolutePath()))
                .environment("staging")
                .problems(Optional.of(marker), "api"))
        .isEmpty();
  }
}
