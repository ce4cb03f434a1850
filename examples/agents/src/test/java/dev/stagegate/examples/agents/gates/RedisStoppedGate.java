package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;

/**
 * Redis, Celery's broker, stopped 10 s into the burn-in. The gate fails at once for Redis, and
 * watches on for 20 s ({@code watchAfterFailure}) so the audit shows the others' reactions: the
 * worker and beat lose their connection and retry, logging errors, without exiting.
 */
public class RedisStoppedGate {
  @BurnIn(
      minutes = 30,
      compose = "docker-compose.yml",
      smokeEvery = "PT5S",
      watchAfterFailure = "PT20S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void survivesTheBurnIn(GateStack stack) {
    ServiceOutage.stopAfter(stack, "redis", Duration.ofSeconds(10));
  }
}
