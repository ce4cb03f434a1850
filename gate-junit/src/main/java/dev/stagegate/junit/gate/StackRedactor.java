package dev.stagegate.junit.gate;

import dev.stagegate.report.redact.EnvSecrets;
import dev.stagegate.report.redact.Redactor;
import java.io.IOException;
import java.nio.file.Path;

/** What a {@link GateRun} masks in its report: its stack's secrets and the common patterns. */
final class StackRedactor {
  private StackRedactor() {}

  /**
   * Masks the values of the stack's environment (compose {@code environment:}, {@code env_file},
   * {@code .env}) and common secret patterns in everything this run reports, its failure message
   * included.
   */
  static Redactor of(GateSpec spec) {
    try {
      Redactor redactor = Redactor.defaults();
      for (Path file : spec.compose().files()) {
        redactor = redactor.withEnvSecrets(EnvSecrets.fromCompose(file));
      }
      return redactor;
    } catch (IOException | RuntimeException e) {
      return Redactor.defaults(); // an unreadable env_file: the patterns still apply
    }
  }
}
