package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;

/** The good stack, with PostgreSQL stopped 20 s into the burn-in's watch. */
public class DatabaseStoppedGate {
  @BurnIn(minutes = 30, compose = "docker-compose.yml", smokeEvery = "PT5S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void survivesTheBurnIn(GateStack stack) {
    ServiceOutage.stopLater(stack, "db", Duration.ofSeconds(20));
  }
}
