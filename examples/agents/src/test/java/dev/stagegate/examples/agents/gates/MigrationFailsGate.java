package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.SmokeCheck;

/**
 * A migration that references a table no migration creates: PostgreSQL refuses it, the one-shot
 * {@code migrate} job exits non-zero, and compose starts nothing that depends on the schema.
 */
public class MigrationFailsGate {
  @HealthySmoke(compose = {"docker-compose.yml", "variants/migration-fails.yml"})
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void stackIsFitToDeploy() {}
}
