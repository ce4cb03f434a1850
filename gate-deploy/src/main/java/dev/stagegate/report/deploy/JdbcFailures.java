package dev.stagegate.report.deploy;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a driver's {@link SQLException} into a {@link DeploymentHistoryException} whose message
 * names the fix: the driver to add, the configuration key to check. Passwords never reach a
 * message: a URL is shown with its {@code password=} parameter and user-info masked.
 */
final class JdbcFailures {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

  private JdbcFailures() {}

  /** {@code url} with any password masked as {@code ***}. */
  static String redact(String url) {
    String masked = URL_PASSWORD.matcher(url).replaceAll("$1***");
    return URL_USER_INFO.matcher(masked).replaceAll("$1***@");
  }

  /** Whether the failure is a unique-key violation (SQL state 23505). */
  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /**
   * The exception to throw for a failure while connecting.
   *
   * @param where the redacted URL, or a description of the data source
   * @param url the redacted URL, or {@code null} when the connection came from a DataSource
   */
  static DeploymentHistoryException connecting(String where, String url, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = String.valueOf(e.getMessage());
    if (url != null && reason.startsWith("No suitable driver")) {
      return new DeploymentHistoryException(
          "no JDBC driver on the classpath accepts "
              + where
              + ": "
              + driverHint(url)
              + " (or correct "
              + DeploymentHistory.JDBC_URL
              + ")",
          e);
    }
    if (state.startsWith("28")) {
      return new DeploymentHistoryException(
          "the database at "
              + where
              + " refused the login ("
              + reason
              + "): check "
              + DeploymentHistory.JDBC_USER
              + " and the password ("
              + DeploymentHistory.PASSWORD_ENV
              + " or "
              + DeploymentHistory.JDBC_PASSWORD
              + ")",
          e);
    }
    if (state.equals("3D000")) {
      return new DeploymentHistoryException(
          "the database named in "
              + where
              + " does not exist ("
              + reason
              + "): create it or correct "
              + DeploymentHistory.JDBC_URL,
          e);
    }
    return new DeploymentHistoryException(
        "cannot connect to the deployment history database at "
            + where
            + " ("
            + reason
            + "): is the server running and reachable? Check "
            + DeploymentHistory.JDBC_URL,
        e);
  }

  /** The exception to throw for a failure of a statement. */
  static DeploymentHistoryException statement(
      String action, String table, String where, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = String.valueOf(e.getMessage());
    if (state.equals("42501")) {
      return new DeploymentHistoryException(
          "cannot "
              + action
              + " "
              + table
              + " at "
              + where
              + ": permission denied ("
              + reason
              + "); grant the user of "
              + DeploymentHistory.JDBC_USER
              + " CREATE on the schema, or create the table once as its owner with"
              + " DeploymentHistoryTable.ddl()",
          e);
    }
    return new DeploymentHistoryException(
        "cannot " + action + " " + table + " at " + where + " [SQL state " + state + "]: " + reason,
        e);
  }

  private static String driverHint(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return "add org.postgresql:postgresql to the (test) classpath";
    }
    if (lower.startsWith("jdbc:h2:")) {
      return "add com.h2database:h2 to the (test) classpath";
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return "add com.mysql:mysql-connector-j to the (test) classpath";
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return "add org.mariadb.jdbc:mariadb-java-client to the (test) classpath";
    }
    if (!lower.startsWith("jdbc:")) {
      return "a JDBC URL starts with jdbc:, e.g. jdbc:postgresql://127.0.0.1:5432/app";
    }
    int end = lower.indexOf(':', 5);
    return "add the JDBC driver for "
        + (end < 0 ? lower : lower.substring(5, end))
        + " to the (test) classpath";
  }
}
