package dev.stagegate.assertions.deploy;

import java.io.IOException;

/**
 * Runs a command inside a service of the deployed stack; gate-junit implements it with {@code
 * docker exec}, which is why this module (without Docker) only defines the interface.
 *
 * <pre>{@code
 * CommandRunner runner = (service, command) -> new CommandResult(0, "ok", "");
 * HookRunner.of(ExecHook.in("db", "pg_isready", "-h", "db")).withCommandRunner(runner).run();
 * }</pre>
 *
 * <p>It is called on the hook's thread, which the {@link HookRunner} interrupts at the hook's
 * deadline; implementations should let that interrupt end the wait.
 */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code command} (program and arguments, no shell) in {@code service} and waits for it.
   *
   * @throws IOException when the command could not be started or its output not read
   * @throws InterruptedException when the hook's thread is interrupted while waiting
   */
  CommandResult run(String service, String... command) throws IOException, InterruptedException;
}
