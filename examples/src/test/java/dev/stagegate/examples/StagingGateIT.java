package dev.stagegate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.SmokeCheck;

/** The agents service's staging gate: run by {@code mvn verify} like any other test. */
class StagingGateIT {

  @HealthySmoke(compose = "docker-compose.yml")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  @SmokeCheck(service = "api", port = 8000, path = "/api/v1/agents/list")
  void stackIsFitToDeploy(GateStack stack) {
    // Checks of your own run against the live stack, after the smoke checks.
    assertThat(stack.get("api", 8000, "/api/v1/agents/list").body()).contains("planner");
    assertThat(stack.exec("worker", "cat", "/tmp/heartbeat").exitCode()).isZero();
  }
}
