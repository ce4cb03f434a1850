package dev.stagegate.junit.compose;

import java.util.List;

/**
 * The result of running a compose command.
 *
 * @param exitCode the exit code, or -1 when it timed out
 * @param lines everything it printed (stdout and stderr merged), last lines kept when long
 * @param timedOut whether it was killed for running too long
 */
public record ProcessOutput(int exitCode, List<String> lines, boolean timedOut) {
  public ProcessOutput {
    lines = List.copyOf(lines);
  }

  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** The last {@code n} lines, joined with newlines. */
  public String tail(int n) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
