package dev.stagegate.report.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a reader (or a Docker build copying it) never sees half of it.
 *
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("target/stagegate/stability_audit.approval.json"), json);
 * }</pre>
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code text} to a temporary file next to {@code file}, then moves it into place. A crash
   * leaves the old file (or none) and at worst a stray {@code .tmp}, never a truncated file.
   *
   * @throws IOException when the directory or the file cannot be written
   */
  public static void writeString(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      // createTempFile makes it owner-only; the file is no secret, and an image that COPYs it
      // must be readable by a service that does not run as root.
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its default permissions apply
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
