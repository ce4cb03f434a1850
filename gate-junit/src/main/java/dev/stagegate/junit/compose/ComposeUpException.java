package dev.stagegate.junit.compose;

import java.util.Optional;

/**
 * {@code compose up} failed. The message is the gate's own sentence; what compose printed, when it
 * is known, is kept apart as evidence to quote after it.
 */
public final class ComposeUpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What compose printed; null when Testcontainers ran it (it logs the output, returns none). */
  private final transient ProcessOutput output;

  ComposeUpException(ProcessOutput output) {
    this(output.timedOut() ? "timed out" : "exited with code " + output.exitCode(), output);
  }

  ComposeUpException(String message, ProcessOutput output) {
    super(message);
    this.output = output;
  }

  /** What compose printed, when the gate ran it itself. */
  public Optional<ProcessOutput> output() {
    return Optional.ofNullable(output);
  }
}
