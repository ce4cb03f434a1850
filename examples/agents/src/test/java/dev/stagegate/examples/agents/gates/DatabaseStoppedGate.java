package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;

/**
 * PostgreSQL stopped 10 s into the burn-in. The gate fails at once for the database, and watches on
 * for 25 s ({@code watchAfterFailure}) so the audit shows the others' reactions: the api's /health
 * says {@code db_ready:false} (the smoke checks every 5 s, then its healthcheck), the worker's next
 * database task fails with a traceback, and nothing restarts.
 */
public class DatabaseStoppedGate {
  @BurnIn(
      minutes = 30,
      compose = "docker-compose.yml",
      smokeEvery = "PT5S",
      watchAfterFailure = "PT25S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void survivesTheBurnIn(GateStack stack) {
    ServiceOutage.stopAfter(stack, "db", Duration.ofSeconds(10));
  }
}
