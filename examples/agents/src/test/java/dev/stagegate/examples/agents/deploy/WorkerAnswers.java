package dev.stagegate.examples.agents.deploy;

import dev.stagegate.assertions.deploy.DeployHook;
import dev.stagegate.assertions.deploy.ExecHook;
import dev.stagegate.assertions.deploy.HookContext;
import dev.stagegate.assertions.deploy.HookOutcome;

/**
 * The deployed Celery worker answers a ping through the broker (docker exec on the target): alive,
 * connected to Redis, consuming. The seed's "workers running" check, for a real worker.
 */
public final class WorkerAnswers implements DeployHook {
  private final ExecHook ping =
      ExecHook.in(
              "worker",
              "sh",
              "-c",
              "python3 -m celery -A app.tasks inspect ping --timeout 5 -d worker@$HOSTNAME")
          .named(name());

  @Override
  public String name() {
    return "worker answers a ping";
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    return ping.check(ctx);
  }
}
