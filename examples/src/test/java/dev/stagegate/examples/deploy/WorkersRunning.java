package dev.stagegate.examples.deploy;

import dev.stagegate.assertions.deploy.DeployHook;
import dev.stagegate.assertions.deploy.ExecHook;
import dev.stagegate.assertions.deploy.HookContext;
import dev.stagegate.assertions.deploy.HookOutcome;

/**
 * A hook of the team's own: the worker wrote its heartbeat within the last 10 seconds (docker exec
 * on the deployed target). The seed's "workers running" check.
 */
public final class WorkersRunning implements DeployHook {
  private final ExecHook heartbeat =
      ExecHook.in(
              "worker",
              "sh",
              "-c",
              "test $(( $(date +%s) - $(cat /tmp/heartbeat) )) -lt 10 && echo heartbeat fresh")
          .named(name());

  @Override
  public String name() {
    return "workers running";
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    return heartbeat.check(ctx);
  }
}
