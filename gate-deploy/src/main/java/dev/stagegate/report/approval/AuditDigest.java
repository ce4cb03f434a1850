package dev.stagegate.report.approval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an audit file: what an approval is bound to, so that an audit changed after it was
 * read is not deployed on the strength of the old approval.
 *
 * <pre>{@code
 * String sha = AuditDigest.sha256(Path.of("target/stagegate/stability_audit.md"));
 * // "3f2a9c…" (64 lowercase hex digits)
 * }</pre>
 */
public final class AuditDigest {
  private AuditDigest() {}

  /**
   * The SHA-256 of the file's bytes, as 64 lowercase hex digits.
   *
   * @throws IOException when the file cannot be read
   */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of bytes, as 64 lowercase hex digits. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** Whether {@code s} has the form of a SHA-256 as written here: 64 lowercase hex digits. */
  public static boolean isSha256(String s) {
    return s != null && s.matches("[0-9a-f]{64}");
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
