package dev.stagegate.junit.docker;

import dev.stagegate.junit.GateConfigurationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@value SshTunnel#SOCKET_KEY} and {@value SshTunnel#OPTIONS_KEY} into {@link
 * SshTunnel.Settings}, naming the key whose value cannot be used.
 */
final class SshSettingsReader {
  private SshSettingsReader() {}

  static SshTunnel.Settings read(Function<String, Optional<String>> config) {
    String socket =
        config
            .apply(SshTunnel.SOCKET_KEY)
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .orElse(SshTunnel.DEFAULT_REMOTE_SOCKET);
    if (!socket.startsWith("/") || socket.contains(":") || socket.matches(".*\\s.*")) {
      throw new GateConfigurationException(
          "Configuration parameter "
              + SshTunnel.SOCKET_KEY
              + " must be the absolute path of the Docker socket on the ssh host (e.g. "
              + SshTunnel.DEFAULT_REMOTE_SOCKET
              + ", or /run/user/1000/docker.sock for rootless Docker) but was '"
              + socket
              + "'.");
    }
    List<String> options;
    try {
      options = SshOptionWords.split(config.apply(SshTunnel.OPTIONS_KEY).orElse(""));
      SshOptionWords.rejectBackgrounding(options);
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(
          "Configuration parameter " + SshTunnel.OPTIONS_KEY + ": " + e.getMessage() + ".", e);
    }
    return new SshTunnel.Settings(socket, options);
  }
}
