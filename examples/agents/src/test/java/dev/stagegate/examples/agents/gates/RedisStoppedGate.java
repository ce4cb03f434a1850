package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;

/**
 * Redis, Celery's broker, stopped under the running stack: the worker and beat lose their
 * connection and retry, logging errors, without exiting. The gate's own checks then judge it.
 */
public class RedisStoppedGate {
  @HealthySmoke(compose = "docker-compose.yml")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void stackIsFitToDeploy(GateStack stack) throws InterruptedException {
    ServiceOutage.stop(stack, "redis");
    ServiceOutage.letTheOthersReact(Duration.ofSeconds(15));
  }
}
