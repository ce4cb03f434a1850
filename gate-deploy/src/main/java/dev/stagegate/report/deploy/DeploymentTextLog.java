package dev.stagegate.report.deploy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The plain-text application log of deployments, {@code deployments.log}: one {@link
 * DeploymentEntry#toSeedText() seed text block} per deployment, each followed by an empty line, for
 * people and {@code grep}; the {@link DeploymentLog} (JSON Lines) is the one to read back.
 *
 * <pre>
 * [2024-05-01 12:00:00] DEPLOYMENT
 * Version: 1.2.3
 * Commit: 5d6e7f8
 * Environment: production
 * Deployed by: alice
 * Status: SUCCESS
 * Health check: PASSED
 * Rollback: N/A
 *
 * </pre>
 *
 * <p>Safe to append to from many threads and processes at once, with the same locking as {@link
 * DeploymentLog} (a sibling {@code deployments.log.lock}): each block is written whole, with one
 * write, and forced to disk. A writer killed mid-write can leave a partial block; the next block
 * still starts on a line of its own.
 *
 * <pre>{@code
 * DeploymentTextLog.at(reportDir.resolve("deployments.log")).append(entry);
 * }</pre>
 */
public final class DeploymentTextLog {
  private final LockedAppendFile out;

  private DeploymentTextLog(Path file) {
    this.out = new LockedAppendFile(file, "the deployment text log");
  }

  /** The log in {@code file}; nothing is created until the first append. */
  public static DeploymentTextLog at(Path file) {
    return new DeploymentTextLog(file);
  }

  /** The log file. */
  public Path file() {
    return out.file();
  }

  /**
   * Appends the entry's text block and an empty line, and forces them to disk before returning.
   * Creates the file and its directory when missing.
   *
   * @throws UncheckedIOException when the log cannot be written
   */
  public void append(DeploymentEntry entry) {
    out.append(block(entry));
  }

  static byte[] block(DeploymentEntry entry) {
    return (entry.toSeedText() + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
