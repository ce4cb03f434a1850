package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.HttpReply;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * PostgreSQL stopped under the running stack: the api's /health must say so ({@code db_ready:
 * false}), and the worker's next database task fails. The gate's own checks then judge the stack.
 */
public class DatabaseStoppedGate {
  /** What /health answered after the database was stopped (read by the test that runs this). */
  public static volatile String healthDuringOutage = "";

  @HealthySmoke(compose = "docker-compose.yml")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void stackIsFitToDeploy(GateStack stack) throws InterruptedException {
    healthDuringOutage = "";
    ServiceOutage.stop(stack, "db");
    Instant deadline = Instant.now().plusSeconds(30);
    while (!healthDuringOutage.contains("\"db_ready\":false") && Instant.now().isBefore(deadline)) {
      HttpReply reply = stack.get("api", 8000, "/health");
      healthDuringOutage = reply.status() + " " + reply.body();
      Thread.sleep(500);
    }
    // the heartbeat task runs every 10 s: let it meet the missing database
    ServiceOutage.letTheOthersReact(Duration.ofSeconds(15));
  }
}
