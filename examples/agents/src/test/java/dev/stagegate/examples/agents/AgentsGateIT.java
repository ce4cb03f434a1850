package dev.stagegate.examples.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.ExecResult;
import dev.stagegate.junit.GateStack;
import dev.stagegate.junit.HealthySmoke;
import dev.stagegate.junit.SmokeCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * The agents service's staging gate on the real stack: PostgreSQL and Redis from Debian's packages,
 * the FastAPI api, a Celery worker and beat. Run by {@code mvn verify} like any other test.
 */
class AgentsGateIT {

  @HealthySmoke(compose = "docker-compose.yml")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  @SmokeCheck(service = "api", port = 8000, path = "/api/v1/agents/list", json = "{\"count\":3}")
  void stackIsFitToDeploy(GateStack stack) throws InterruptedException {
    assertThat(stack.get("api", 8000, "/api/v1/agents/list").body())
        .contains("\"name\":\"planner\"");
    // the worker answers through the broker
    ExecResult ping =
        stack.exec(
            "worker", "python3", "-m", "celery", "-A", "app.tasks", "inspect", "ping", "-t", "5");
    assertThat(ping.exitCode()).as("celery inspect ping: %s", ping.stdout()).isZero();
    assertThat(ping.stdout()).contains("pong");
    // beat scheduled the heartbeat task and the worker wrote its row into PostgreSQL
    assertThat(heartbeatRowsWithin(stack, Duration.ofSeconds(40)))
        .as("task_runs rows the heartbeat task wrote")
        .isPositive();
  }

  private static int heartbeatRowsWithin(GateStack stack, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    int rows = 0;
    while (rows == 0 && Instant.now().isBefore(deadline)) {
      ExecResult count =
          stack.exec(
              "db",
              "psql",
              "-U",
              "agents",
              "-d",
              "agents",
              "-tAc",
              "SELECT count(*) FROM task_runs WHERE task = 'record_heartbeat'");
      assertThat(count.exitCode()).as("psql: %s", count.stderr()).isZero();
      rows = Integer.parseInt(count.stdout().strip());
      if (rows == 0) {
        Thread.sleep(2000);
      }
    }
    return rows;
  }
}
