package dev.stagegate.examples.agents.gates;

import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.SmokeCheck;

/**
 * A configuration typo ({@code AGENTS_SCORE_ROLE=planer}) makes the periodic scoring task average
 * over no agents: a real ZeroDivisionError inside the worker, logged by Celery with its traceback
 * among the worker's other lines. Beat every 3 s, so the task runs within the settle time.
 */
public class TaskRaisesGate {
  @HealthySmoke(
      compose = {"docker-compose.yml", "variants/task-raises.yml"},
      settle = "PT25S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void stackIsFitToDeploy() {}
}
