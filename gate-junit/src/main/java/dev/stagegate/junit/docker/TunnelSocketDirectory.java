package dev.stagegate.junit.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The owner-only temporary directory that holds the tunnel's local socket and ssh's stderr, short
 * enough for a unix socket path.
 */
final class TunnelSocketDirectory {
  // sun_path holds 108 bytes on Linux and 104 on macOS; stay below both.
  private static final int MAX_SOCKET_PATH = 100;

  private TunnelSocketDirectory() {}

  static Path create() throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    // + "/stagegate-ssh-<19 digits>/docker.sock"
    if (base.toAbsolutePath().toString().length() + 46 > MAX_SOCKET_PATH) {
      base = Path.of("/tmp");
    }
    // Owner-only: whoever can open the socket commands the remote engine.
    return Files.createTempDirectory(
        base,
        "stagegate-ssh-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException | UncheckedIOException e) {
      // a leftover empty directory in tmp is harmless; the process is already gone
    }
  }
}
