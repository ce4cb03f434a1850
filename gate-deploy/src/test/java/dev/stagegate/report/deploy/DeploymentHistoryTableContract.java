package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@link DeploymentHistoryTable} does on any database: run on H2 in memory by {@link
 * DeploymentHistoryTableH2Test} and on a real PostgreSQL by {@link DeploymentHistoryPostgresIT}.
 * Every test uses tables of its own, dropped afterwards.
 */
abstract class DeploymentHistoryTableContract {
  static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123456Z");

  private final List<String> made = new ArrayList<>();

  /** A new connection with rights to create and drop tables. */
  abstract Connection admin() throws SQLException;

  /** A new table object on the database (its own connections), for {@code table}. */
  abstract DeploymentHistoryTable table(String table);

  /** A table name no other test uses; dropped after the test. */
  String freshName() {
    String name = "dh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    made.add(name);
    return name;
  }

  @AfterEach
  void dropTables() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      for (String name : made) {
        s.execute("DROP TABLE IF EXISTS " + name);
      }
    }
  }

  static DeploymentEntry at(Instant when, Outcome outcome, String version) {
    DeploymentEntry e = DeploymentEntries.entry(when, outcome, "note of " + version);
    return new DeploymentEntry(
        e.when(),
        version,
        e.commit(),
        e.environment(),
        e.deployedBy(),
        e.outcome(),
        e.duration(),
        e.hooks(),
        e.auditSha256(),
        e.note());
  }

  long count(String table) throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** How many tables of that name the database has (case-insensitively, in any schema). */
  long tablesNamed(String table) throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = '"
                    + table.toLowerCase(Locale.ROOT)
                    + "'")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void recordsAndReadsBackNewestFirstInEveryOutcome() {
    DeploymentHistoryTable table = table(freshName());
    DeploymentEntry success = at(T0, Outcome.SUCCESS, "1.0.0");
    DeploymentEntry failed = at(T0.plusSeconds(60), Outcome.FAILED, "1.0.1");
    DeploymentEntry rolledBack = at(T0.plusSeconds(120), Outcome.ROLLED_BACK, "1.0.2");
    DeploymentEntry bare =
        new DeploymentEntry(
            T0.plusSeconds(180),
            "1.0.3",
            "abcdef1",
            "staging",
            "bob",
            Outcome.SUCCESS,
            Duration.ZERO,
            List.of(),
            null,
            "");
    for (DeploymentEntry e : List.of(success, failed, rolledBack, bare)) {
      assertThat(table.record(e)).isTrue();
    }
    assertThat(table.recent(10)).containsExactly(bare, rolledBack, failed, success);
    assertThat(table.recent(2)).containsExactly(bare, rolledBack);
  }

  @Test
  void storesTheSeedColumns() throws SQLException {
    String name = freshName();
    table(name).record(at(T0, Outcome.ROLLED_BACK, "2.0.0"));
    try (Connection c = admin();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version, commit, status, health_check, rollback, duration_ms, hooks"
                    + " FROM "
                    + name)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("version")).isEqualTo("2.0.0");
      assertThat(r.getString("commit")).isEqualTo(DeploymentEntries.HEAD);
      assertThat(r.getString("status")).isEqualTo("FAILED");
      assertThat(r.getString("health_check")).isEqualTo("FAILED");
      assertThat(r.getString("rollback")).isEqualTo("ROLLED_BACK");
      assertThat(r.getLong("duration_ms")).isEqualTo(84_250);
      assertThat(r.getString("hooks"))
          .startsWith("[{\"name\":\"health /ready\",\"status\":\"PASS\",\"took\":\"PT0.42S\"");
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void timeIsKeptToTheMicrosecondAndDurationToTheMillisecond() {
    DeploymentHistoryTable table = table(freshName());
    DeploymentEntry e = at(Instant.parse("2024-05-01T12:00:00.123456789Z"), Outcome.SUCCESS, "3");
    table.record(e);
    DeploymentEntry read = table.recent(1).get(0);
    assertThat(read.when()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
    assertThat(read.duration()).isEqualTo(Duration.ofMillis(84_250));
  }

  @Test
  void recordingTheSameDeploymentTwiceKeepsOneRow() throws SQLException {
    String name = freshName();
    DeploymentHistoryTable table = table(name);
    DeploymentEntry e = at(T0, Outcome.SUCCESS, "1.0.0");
    assertThat(table.record(e)).isTrue();
    assertThat(table(name).record(e)).isFalse();
    // A redeploy of the same commit later is another deployment.
    assertThat(table.record(at(T0.plusSeconds(1), Outcome.SUCCESS, "1.0.0"))).isTrue();
    assertThat(count(name)).isEqualTo(2);
  }

  @Test
  void readingAnEmptyDatabaseCreatesTheTableAndFindsNothing() throws SQLException {
    String name = freshName();
    assertThat(table(name).recent(5)).isEmpty();
    assertThat(tablesNamed(name)).isEqualTo(1);
    assertThatThrownBy(() -> table(name).recent(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1 but was 0");
  }

  @Test
  @Timeout(120)
  void eightWritersOnSeparateConnectionsStartingOnAnEmptyDatabase() throws Exception {
    String name = freshName();
    int threads = 8;
    int each = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int writer = t;
        done.add(
            pool.submit(
                () -> {
                  // Its own table object: each creates the table, all at the same moment.
                  DeploymentHistoryTable table = table(name);
                  start.await();
                  for (int i = 0; i < each; i++) {
                    assertThat(
                            table.record(
                                at(
                                    T0.plusSeconds(writer * 1000L + i),
                                    Outcome.SUCCESS,
                                    "t" + writer + "#" + i)))
                        .isTrue();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(name)).isEqualTo((long) threads * each);
    assertThat(tablesNamed(name)).isEqualTo(1);
    Set<String> expected = new HashSet<>();
    for (int w = 0; w < threads; w++) {
      for (int i = 0; i < each; i++) {
        expected.add("t" + w + "#" + i);
      }
    }
    assertThat(table(name).recent(threads * each).stream().map(DeploymentEntry::version))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aSchemaQualifiedTable() throws SQLException {
    String schema = freshName();
    made.remove(schema);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    try {
      DeploymentHistoryTable table = table(schema + ".history");
      table.record(at(T0, Outcome.SUCCESS, "1"));
      assertThat(table.recent(1)).extracting(DeploymentEntry::version).containsExactly("1");
    } finally {
      try (Connection c = admin();
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE " + schema + ".history");
        s.execute("DROP SCHEMA " + schema);
      }
    }
  }

  @Test
  void aDamagedRowIsNamed() throws SQLException {
    String name = freshName();
    DeploymentHistoryTable table = table(name);
    table.record(at(T0, Outcome.SUCCESS, "1"));
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("UPDATE " + name + " SET commit = 'main'");
    }
    assertThatThrownBy(() -> table.recent(1))
        .isInstanceOf(DeploymentHistoryException.class)
        .hasMessageContaining("a row of " + name)
        .hasMessageEndingWith("is not a valid deployment: commit must be 7 to 64 hex digits");
  }
}
