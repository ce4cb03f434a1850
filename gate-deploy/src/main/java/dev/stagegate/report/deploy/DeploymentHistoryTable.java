package dev.stagegate.report.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The {@code deployment_history} table: one row per {@link DeploymentEntry}, through plain JDBC
 * with portable SQL (tested on PostgreSQL and H2). The driver is the caller's: gate-deploy depends
 * on none.
 *
 * <p>Columns: {@code id} (generated), {@code deployed_at} (timestamp with time zone, UTC,
 * microseconds), {@code version}, {@code commit} (the full id as given), {@code environment},
 * {@code deployed_by}, the seed's {@code status} ({@code SUCCESS}/{@code FAILED}), {@code
 * health_check} ({@code PASSED}/{@code FAILED}) and {@code rollback} ({@code N/A}/{@code
 * ROLLED_BACK}), {@code duration_ms}, {@code audit_sha256} (null when none), {@code hooks} (the
 * hooks as a JSON array, as in the JSON Lines log) and {@code note}. See {@link #ddl()}.
 *
 * <p><b>One row per deployment.</b> The natural key is {@code (environment, commit, deployed_at)}
 * (a {@code UNIQUE} constraint): recording the same entry again, e.g. a retried pipeline step,
 * inserts nothing and {@link #record} returns {@code false}; a redeploy of the same commit is a new
 * row because its time differs.
 *
 * <p><b>Concurrent deploys.</b> The table is created on first use with {@code CREATE TABLE IF NOT
 * EXISTS}. On PostgreSQL two sessions doing that at once can both decide the table is missing; the
 * loser fails with a unique violation on {@code pg_type} (or "relation already exists"), not a
 * no-op. Such a failure is retried (the table exists by then), so any number of writers may start
 * on an empty database. Each call takes its own connection and commits on its own.
 *
 * <pre>{@code
 * DeploymentHistoryTable table =
 *     DeploymentHistoryTable.connect(
 *         "jdbc:postgresql://127.0.0.1:5432/ops", "deployer",
 *         System.getenv("STAGEGATE_HISTORY_JDBC_PASSWORD"), "deployment_history");
 * table.record(entry);                              // true: inserted
 * List<DeploymentEntry> last = table.recent(10);    // newest first
 * }</pre>
 */
public final class DeploymentHistoryTable {
  /** The default table name. */
  public static final String DEFAULT_TABLE = "deployment_history";

  /** Unquoted identifiers only, optionally schema-qualified: nothing to inject, same on all DBs. */
  private static final Pattern TABLE_NAME =
      Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");

  /** Attempts at creating the table: a lost creation race fails once, the retry sees the table. */
  private static final int CREATE_ATTEMPTS = 3;

  /** Unique violation (on pg_type or pg_class), duplicate table, duplicate type. */
  private static final Set<String> LOST_CREATE_RACE = Set.of("23505", "42P07", "42710");

  private interface Connections {
    Connection open() throws SQLException;
  }

  private final Connections connections;
  private final String where;
  private final String url;
  private final String table;
  private final Object schemaLock = new Object();
  private volatile boolean schemaReady;

  private DeploymentHistoryTable(Connections connections, String where, String url, String table) {
    this.connections = connections;
    this.where = where;
    this.url = url;
    this.table = checkTableName(table);
  }

  /**
   * The table {@code table} in the database of {@code dataSource} (a pool, typically).
   *
   * @throws IllegalArgumentException when the table name is not a plain identifier
   */
  public static DeploymentHistoryTable on(DataSource dataSource, String table) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new DeploymentHistoryTable(
        // Its class, not its toString(): that may show a URL with a password.
        dataSource::getConnection,
        "the DataSource " + dataSource.getClass().getName(),
        null,
        table);
  }

  /**
   * The table {@code table} in the database at {@code jdbcUrl}, connecting through {@link
   * DriverManager} (the driver must be on the classpath) with a new connection per call.
   *
   * @param user the user, or {@code null} to leave it to the URL or the driver
   * @param password the password, or {@code null}; never written to a message
   * @throws IllegalArgumentException when the URL is blank or the table name is not a plain
   *     identifier
   */
  public static DeploymentHistoryTable connect(
      String jdbcUrl, String user, String password, String table) {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new IllegalArgumentException(
          "the JDBC URL must not be blank (" + DeploymentHistory.JDBC_URL + ")");
    }
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    String shown = JdbcFailures.redact(jdbcUrl);
    return new DeploymentHistoryTable(
        () -> DriverManager.getConnection(jdbcUrl, properties), shown, shown, table);
  }

  /**
   * {@code name} when it is a plain lowercase SQL identifier, optionally schema-qualified ({@code
   * ops.deployment_history}): at most 63 characters each of {@code a-z}, {@code 0-9} and {@code _},
   * not starting with a digit.
   *
   * @throws IllegalArgumentException otherwise, naming {@value DeploymentHistory#TABLE}
   */
  public static String checkTableName(String name) {
    if (name == null || !TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid deployment history table name "
              + (name == null ? "null" : "'" + name + "'")
              + " ("
              + DeploymentHistory.TABLE
              + "): use lowercase letters, digits and _, not starting with a digit, at most 63"
              + " characters, optionally schema.table, e.g. "
              + DEFAULT_TABLE);
    }
    return name;
  }

  /** The table's name, as given. */
  public String table() {
    return table;
  }

  /**
   * The {@code CREATE TABLE IF NOT EXISTS} statement, for a DBA who creates the table ahead (the
   * user then needs only {@code INSERT} and {@code SELECT}).
   */
  public String ddl() {
    return HistoryRow.ddl(table);
  }

  /**
   * Creates the table when it is missing; once per instance (later calls return at once). {@link
   * #record} and {@link #recent} call it.
   *
   * @throws DeploymentHistoryException when the database cannot be reached or the table not made
   */
  public void createIfMissing() {
    if (schemaReady) {
      return;
    }
    synchronized (schemaLock) {
      if (schemaReady) {
        return;
      }
      try (Connection c = open()) {
        c.setAutoCommit(true);
        for (int attempt = 1; ; attempt++) {
          try (Statement s = c.createStatement()) {
            s.execute(ddl());
            break;
          } catch (SQLException e) {
            // PostgreSQL: a concurrent CREATE TABLE IF NOT EXISTS won the race (23505 on
            // pg_type, 42P07 duplicate table, 42710 duplicate type); the next attempt is a no-op.
            if (attempt >= CREATE_ATTEMPTS || !LOST_CREATE_RACE.contains(e.getSQLState())) {
              throw e;
            }
          }
        }
      } catch (SQLException e) {
        throw JdbcFailures.statement("create the table", table, where, e);
      }
      schemaReady = true;
    }
  }

  /**
   * Inserts one row for {@code entry}, creating the table first when missing. The time is stored to
   * the microsecond, the duration to the millisecond.
   *
   * @return {@code true} when inserted, {@code false} when this deployment (same environment,
   *     commit and time) is already there
   * @throws IllegalArgumentException when version, environment or deployed-by is longer than 200
   *     characters
   * @throws DeploymentHistoryException when the database cannot be reached or written
   */
  public boolean record(DeploymentEntry entry) {
    HistoryRow.checkLengths(entry);
    createIfMissing();
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + HistoryRow.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = open()) {
      c.setAutoCommit(true);
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        HistoryRow.bind(insert, entry);
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (JdbcFailures.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw JdbcFailures.statement("insert into", table, where, e);
    }
  }

  /**
   * The newest {@code limit} deployments, newest first (by time, then by insertion), creating the
   * table first when missing. Each equals the recorded entry except that its time is cut to
   * microseconds and its duration to milliseconds.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   * @throws DeploymentHistoryException when the database cannot be reached or read, or a row is not
   *     a valid entry
   */
  public List<DeploymentEntry> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
    }
    createIfMissing();
    String sql =
        "SELECT "
            + HistoryRow.COLUMNS
            + " FROM "
            + table
            + " ORDER BY deployed_at DESC, id DESC FETCH FIRST "
            + limit
            + " ROWS ONLY";
    List<DeploymentEntry> entries = new ArrayList<>();
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        entries.add(HistoryRow.read(rows, table, where));
      }
    } catch (SQLException e) {
      throw JdbcFailures.statement("read", table, where, e);
    }
    return entries;
  }

  private Connection open() {
    try {
      return connections.open();
    } catch (SQLException e) {
      throw JdbcFailures.connecting(where, url, e);
    }
  }
}
