package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.report.deploy.MarkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commit a deploy is of: {@value #KEY} when set (a pipeline that deploys a commit other than
 * the checkout's), else HEAD of the repository around the working directory.
 */
final class DeployCommit {
  static final String KEY = "stagegate.deploy.expected-commit";

  private DeployCommit() {}

  /**
   * @param lookup the configuration, blank values already dropped
   * @param who the annotation asking, named in errors, e.g. {@code @PostDeployWatch}
   * @throws GateConfigurationException when the key is not a commit id or HEAD cannot be read
   */
  static String resolve(Function<String, Optional<String>> lookup, String who) {
    Optional<String> configured = lookup.apply(KEY);
    if (configured.isPresent()) {
      if (!configured.get().matches("[0-9a-fA-F]{7,64}")) {
        throw new GateConfigurationException(
            "Configuration parameter "
                + KEY
                + " must be 7 to 64 hex digits but was '"
                + configured.get()
                + "'.");
      }
      return configured.get();
    }
    try {
      return MarkerFactory.headCommit(Path.of("").toAbsolutePath());
    } catch (IOException e) {
      throw new GateConfigurationException(
          who
              + " checks against HEAD, but HEAD cannot be read ("
              + e.getMessage()
              + "); set "
              + KEY
              + ".",
          e);
    }
  }
}
