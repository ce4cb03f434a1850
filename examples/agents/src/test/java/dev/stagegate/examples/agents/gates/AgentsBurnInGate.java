package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.SmokeCheck;

/**
 * The seed's four-hour burn-in of the good stack, with smoke traffic every five seconds. CI runs it
 * shortened ({@code stagegate.burnin.duration}); the audit says so.
 */
public class AgentsBurnInGate {
  @BurnIn(hours = 4, compose = "docker-compose.yml", smokeEvery = "PT5S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  @SmokeCheck(service = "api", port = 8000, path = "/api/v1/agents/list", json = "{\"count\":3}")
  void survivesTheBurnIn() {}
}
