package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.SmokeCheck;

/**
 * The api keeping 256 KB of every request and never letting go, under the burn-in's smoke traffic
 * (the same traffic as {@link AgentsBurnInGate}).
 */
public class ApiLeakGate {
  @BurnIn(
      hours = 4,
      compose = {"docker-compose.yml", "variants/api-leak.yml"},
      smokeEvery = "PT5S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  @SmokeCheck(service = "api", port = 8000, path = "/api/v1/agents/list", json = "{\"count\":3}")
  void survivesTheBurnIn() {}
}
