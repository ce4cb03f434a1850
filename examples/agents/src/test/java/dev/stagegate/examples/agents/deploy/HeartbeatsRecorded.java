package dev.stagegate.examples.agents.deploy;

import dev.stagegate.assertions.deploy.DeployHook;
import dev.stagegate.assertions.deploy.ExecHook;
import dev.stagegate.assertions.deploy.HookContext;
import dev.stagegate.assertions.deploy.HookOutcome;

/**
 * The whole task chain works on the target: beat scheduled {@code record_heartbeat} (every 10 s),
 * the worker ran it, and PostgreSQL holds a row of it from the last 30 seconds. A ping proves the
 * worker is alive; this proves it does its job.
 */
public final class HeartbeatsRecorded implements DeployHook {
  // Right after a deploy beat has not scheduled its first heartbeat yet (it runs every 10 s), so
  // the hook waits up to 24 s for a row before it fails; the flow gives hooks 30 s
  // (stagegate.deploy.hook.timeout). The count is the evidence either way; a psql failure (exit 2)
  // speaks on stderr.
  private static final String SCRIPT =
      "for i in $(seq 12); do n=$(psql -XtAq -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\" -c"
          + " \"SELECT count(*) FROM task_runs WHERE task = 'record_heartbeat'"
          + " AND ran_at > now() - interval '30 seconds'\") || exit 2;"
          + " [ \"$n\" -gt 0 ] && break; sleep 2; done;"
          + " echo \"$n heartbeat rows in the last 30 s\"; test \"$n\" -gt 0";

  private final ExecHook heartbeat = ExecHook.in("db", "sh", "-c", SCRIPT).named(name());

  @Override
  public String name() {
    return "heartbeat task recorded in the last 30 s";
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    return heartbeat.check(ctx);
  }
}
