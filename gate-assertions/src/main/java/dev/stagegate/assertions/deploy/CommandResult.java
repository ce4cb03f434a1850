package dev.stagegate.assertions.deploy;

import java.util.Objects;

/**
 * What a command run by a {@link CommandRunner} produced.
 *
 * <pre>{@code
 * CommandResult r = new CommandResult(0, "db:5432 - accepting connections\n", "");
 * }</pre>
 */
public record CommandResult(int exitCode, String stdout, String stderr) {
  public CommandResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }
}
