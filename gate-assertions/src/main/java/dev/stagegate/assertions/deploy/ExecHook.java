package dev.stagegate.assertions.deploy;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a command inside a service, through the context's {@link CommandRunner}, and passes when it
 * exits 0. Immutable.
 *
 * <pre>{@code
 * ExecHook.in("db", "pg_isready", "-h", "db").named("pg_isready");
 * // fails with: `pg_isready -h db` in service db exited 2: db:5432 - no response
 * }</pre>
 *
 * <p>gate-junit supplies a runner based on {@code docker exec}; without one the hook fails and says
 * so, rather than passing a check it never ran. Stdout and stderr are the evidence.
 */
public final class ExecHook implements DeployHook {
  private final String name;
  private final String service;
  private final List<String> command;

  private ExecHook(String name, String service, List<String> command) {
    this.name = name;
    this.service = service;
    this.command = command;
  }

  /**
   * A hook running {@code command} (program and arguments, no shell) in {@code service}; named
   * {@code "<service>: <command>"}.
   */
  public static ExecHook in(String service, String... command) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(command, "command");
    if (command.length == 0) {
      throw new IllegalArgumentException(
          "an exec hook needs a command, e.g. ExecHook.in(\"db\", \"pg_isready\")");
    }
    List<String> copy = List.of(command);
    return new ExecHook(service + ": " + String.join(" ", copy), service, copy);
  }

  /** This hook under another name. */
  public ExecHook named(String name) {
    return new ExecHook(Objects.requireNonNull(name, "name"), service, command);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    String what = "`" + String.join(" ", command) + "` in service " + service;
    Optional<CommandRunner> runner = ctx.commandRunner();
    if (runner.isEmpty()) {
      return HookOutcome.fail(
          "cannot run "
              + what
              + ": no command runner is configured (gate-junit provides one that uses docker"
              + " exec; elsewhere pass one to HookRunner.withCommandRunner)");
    }
    CommandResult result;
    try {
      result = runner.get().run(service, command.toArray(String[]::new));
    } catch (IOException e) {
      return HookOutcome.fail("cannot run " + what + ": " + Texts.describe(e));
    }
    if (result == null) {
      return HookOutcome.fail("cannot run " + what + ": the command runner returned no result");
    }
    String evidence =
        "exit code "
            + result.exitCode()
            + "\n--- stdout ---\n"
            + result.stdout()
            + "\n--- stderr ---\n"
            + result.stderr();
    // pg_isready and friends explain failures on stderr, success on stdout.
    String said =
        result.exitCode() == 0 || result.stderr().isBlank() ? result.stdout() : result.stderr();
    String sentence =
        what + " exited " + result.exitCode() + (said.isBlank() ? "" : ": " + Texts.quote(said));
    return (result.exitCode() == 0 ? HookOutcome.pass(sentence) : HookOutcome.fail(sentence))
        .withEvidence(evidence);
  }

  @Override
  public String toString() {
    return "ExecHook[" + name + "]";
  }
}
