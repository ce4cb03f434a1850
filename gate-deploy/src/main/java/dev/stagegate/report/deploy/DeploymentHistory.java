package dev.stagegate.report.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every history format of a deployment, as configured, in one call: the JSON Lines {@link
 * DeploymentLog} (always), the seed's text blocks in {@link DeploymentTextLog}, a row in a {@link
 * DeploymentHistoryTable}, and a {@link ReleaseTag}.
 *
 * <p>Configuration keys (values trimmed; blank is absent):
 *
 * <ul>
 *   <li>{@value #JSON_LOG}: the JSON Lines log; default {@code <report dir>/deployments.jsonl}
 *   <li>{@value #TEXT_LOG}: the text log; default {@code <report dir>/deployments.log}; {@code
 *       false} for none
 *   <li>{@value #JDBC_URL}: the database, e.g. {@code jdbc:postgresql://db:5432/ops}; no table when
 *       absent. The driver must be on the classpath.
 *   <li>{@value #JDBC_USER}: its user
 *   <li>{@value #PASSWORD_ENV} (environment variable, preferred) or {@value #JDBC_PASSWORD}: its
 *       password, never written anywhere
 *   <li>{@value #TABLE}: the table; default {@value DeploymentHistoryTable#DEFAULT_TABLE}
 *   <li>{@value #TAG}: {@code true} to create the annotated tag {@code v<version>} (local only,
 *       never pushed); default {@code false}
 * </ul>
 *
 * <p>{@link #record} writes in that order and stops at the first failure, so the local logs are
 * written even when the database is down.
 *
 * <pre>{@code
 * DeploymentHistory history =
 *     DeploymentHistory.fromConfig(key -> Optional.ofNullable(System.getProperty(key)), reportDir);
 * RecordedHistory written = history.record(entry, Path.of("."));
 * }</pre>
 */
public final class DeploymentHistory {
  /** The JSON Lines log's path (the key {@code @PostDeployWatch} uses too). */
  public static final String JSON_LOG = "stagegate.deploy.log";

  /** The text log's path, or {@code false}. */
  public static final String TEXT_LOG = "stagegate.history.text-log";

  /** The history database's JDBC URL. */
  public static final String JDBC_URL = "stagegate.history.jdbc-url";

  /** The history database's user. */
  public static final String JDBC_USER = "stagegate.history.jdbc-user";

  /** The history database's password, when {@value #PASSWORD_ENV} is not set. */
  public static final String JDBC_PASSWORD = "stagegate.history.jdbc-password";

  /** The environment variable with the history database's password (preferred over the key). */
  public static final String PASSWORD_ENV = "STAGEGATE_HISTORY_JDBC_PASSWORD";

  /** The history table's name. */
  public static final String TABLE = "stagegate.history.table";

  /** Whether to create the release tag: {@code true} or {@code false}. */
  public static final String TAG = "stagegate.history.tag";

  private final DeploymentLog jsonLog;
  private final Optional<DeploymentTextLog> textLog;
  private final Optional<DeploymentHistoryTable> table;
  private final boolean tag;

  private DeploymentHistory(
      DeploymentLog jsonLog,
      Optional<DeploymentTextLog> textLog,
      Optional<DeploymentHistoryTable> table,
      boolean tag) {
    this.jsonLog = jsonLog;
    this.textLog = textLog;
    this.table = table;
    this.tag = tag;
  }

  /**
   * The history as configured, the password taken from the process environment.
   *
   * @see #fromConfig(Function, Map, Path)
   */
  public static DeploymentHistory fromConfig(
      Function<String, Optional<String>> config, Path reportDir) {
    return fromConfig(config, System.getenv(), reportDir);
  }

  /**
   * The history as configured. Nothing is opened or written yet.
   *
   * @param config the configuration, e.g. JUnit's configuration parameters
   * @param env the environment ({@value #PASSWORD_ENV}), passed in for tests
   * @param reportDir where the logs go by default
   * @throws IllegalArgumentException naming the key of a bad value (a table name that is not a
   *     plain identifier, a tag setting that is not true or false)
   */
  public static DeploymentHistory fromConfig(
      Function<String, Optional<String>> config, Map<String, String> env, Path reportDir) {
    Objects.requireNonNull(reportDir, "reportDir");
    Function<String, Optional<String>> lookup =
        key -> config.apply(key).map(String::trim).filter(v -> !v.isBlank());

    DeploymentLog json =
        DeploymentLog.at(
            lookup.apply(JSON_LOG).map(Path::of).orElse(reportDir.resolve("deployments.jsonl")));

    Optional<DeploymentTextLog> text;
    String textSetting = lookup.apply(TEXT_LOG).orElse("true");
    if (textSetting.equalsIgnoreCase("false")) {
      text = Optional.empty();
    } else if (textSetting.equalsIgnoreCase("true")) {
      text = Optional.of(DeploymentTextLog.at(reportDir.resolve("deployments.log")));
    } else {
      text = Optional.of(DeploymentTextLog.at(Path.of(textSetting)));
    }

    Optional<DeploymentHistoryTable> table = Optional.empty();
    Optional<String> url = lookup.apply(JDBC_URL);
    String tableName = lookup.apply(TABLE).orElse(DeploymentHistoryTable.DEFAULT_TABLE);
    DeploymentHistoryTable.checkTableName(tableName);
    if (url.isPresent()) {
      String envPassword = env.get(PASSWORD_ENV);
      String password =
          envPassword != null && !envPassword.isEmpty()
              ? envPassword
              : config.apply(JDBC_PASSWORD).orElse(null);
      table =
          Optional.of(
              DeploymentHistoryTable.connect(
                  url.get(), lookup.apply(JDBC_USER).orElse(null), password, tableName));
    }

    String tagSetting = lookup.apply(TAG).orElse("false");
    if (!tagSetting.equalsIgnoreCase("true") && !tagSetting.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(
          "Configuration parameter "
              + TAG
              + " must be true or false but was '"
              + tagSetting
              + "'.");
    }
    return new DeploymentHistory(json, text, table, Boolean.parseBoolean(tagSetting));
  }

  /** The JSON Lines log. */
  public DeploymentLog jsonLog() {
    return jsonLog;
  }

  /** The text log, unless {@value #TEXT_LOG} is {@code false}. */
  public Optional<DeploymentTextLog> textLog() {
    return textLog;
  }

  /** The table, when {@value #JDBC_URL} is set. */
  public Optional<DeploymentHistoryTable> table() {
    return table;
  }

  /** Whether {@link #record} creates the release tag. */
  public boolean tags() {
    return tag;
  }

  /**
   * Writes {@code entry} everywhere configured: JSON Lines log, text log, table, tag.
   *
   * @param repoDir a directory in the git repository to tag; only read when {@value #TAG} is true
   * @return what was written
   * @throws DeploymentHistoryException when the table cannot be written (the logs are written)
   * @throws IllegalStateException when the tag exists on another commit
   * @throws IOException when the tag cannot be made (no repository, commit missing)
   * @throws java.io.UncheckedIOException when a log cannot be written
   */
  public RecordedHistory record(DeploymentEntry entry, Path repoDir) throws IOException {
    if (tag) {
      // A version that makes no tag name fails before anything is written.
      ReleaseTag.name(entry);
      Objects.requireNonNull(repoDir, "repoDir is needed when " + TAG + " is true");
    }
    jsonLog.append(entry);
    textLog.ifPresent(t -> t.append(entry));
    boolean inserted = table.isPresent() && table.get().record(entry);
    boolean created = false;
    if (tag) {
      created = ReleaseTag.tag(repoDir, entry);
    }
    return new RecordedHistory(
        jsonLog.file(),
        textLog.map(DeploymentTextLog::file),
        table.map(DeploymentHistoryTable::table),
        inserted,
        tag ? Optional.of(ReleaseTag.name(entry)) : Optional.empty(),
        created);
  }
}
