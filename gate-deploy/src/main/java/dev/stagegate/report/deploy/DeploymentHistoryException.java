package dev.stagegate.report.deploy;

import java.sql.SQLException;

/**
 * The deployment history table could not be used. The message says what failed and how to fix it
 * (the driver to add, the configuration key to check); the cause is the driver's {@link
 * SQLException}, whose SQL state {@link #sqlState()} repeats.
 *
 * <pre>{@code
 * try {
 *   table.record(entry);
 * } catch (DeploymentHistoryException e) {
 *   log.warn(e.getMessage()); // "cannot connect to jdbc:postgresql://db:5432/app (...)"
 * }
 * }</pre>
 */
public class DeploymentHistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and the fix
   * @param cause the driver's exception, or {@code null}
   */
  public DeploymentHistoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The SQL state of the cause, or {@code null} when there is none. */
  public String sqlState() {
    return getCause() instanceof SQLException e ? e.getSQLState() : null;
  }
}
