package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;

/** The good stack, with Redis (Celery's broker) stopped 20 s into the burn-in's watch. */
public class RedisStoppedGate {
  @BurnIn(minutes = 30, compose = "docker-compose.yml", smokeEvery = "PT5S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void survivesTheBurnIn(GateStack stack) {
    ServiceOutage.stopLater(stack, "redis", Duration.ofSeconds(20));
  }
}
