package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.SmokeCheck;

/**
 * The api under a 160 MB limit, keeping 8 MB of every request: the smoke traffic and its own
 * healthcheck grow it until the kernel kills it.
 */
public class ApiOomGate {
  @BurnIn(
      minutes = 30,
      compose = {"docker-compose.yml", "variants/api-oom.yml"},
      smokeEvery = "PT2S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void survivesTheBurnIn() {}
}
