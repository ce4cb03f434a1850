package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The table contract on a real PostgreSQL: the server {@code bash scripts/postgres-setup.sh} starts
 * (127.0.0.1:55432, database, user and password {@code stagegate}), or the one named by {@code
 * -Dstagegate.it.pg.url} / {@code STAGEGATE_IT_PG_URL} (and {@code .user}/{@code _USER}, {@code
 * .password}/{@code _PASSWORD}). Fails, never skips, when there is no server.
 */
class DeploymentHistoryPostgresIT extends DeploymentHistoryTableContract {
  static final String URL =
      setting(
          "stagegate.it.pg.url",
          "STAGEGATE_IT_PG_URL",
          "jdbc:postgresql://127.0.0.1:55432/stagegate");
  static final String USER = setting("stagegate.it.pg.user", "STAGEGATE_IT_PG_USER", "stagegate");
  static final String PASSWORD =
      setting("stagegate.it.pg.password", "STAGEGATE_IT_PG_PASSWORD", "stagegate");

  private static String setting(String property, String env, String fallback) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? fallback : v;
  }

  @BeforeAll
  static void serverIsUp() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    } catch (SQLException e) {
      throw new AssertionError(
          "no PostgreSQL for the deployment history IT at "
              + URL
              + " as "
              + USER
              + " ("
              + e.getMessage()
              + "): run `bash scripts/postgres-setup.sh` (as root) to start it, or point"
              + " -Dstagegate.it.pg.url at another server",
          e);
    }
  }

  @Override
  Connection admin() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  @Override
  DeploymentHistoryTable table(String table) {
    return DeploymentHistoryTable.connect(URL, USER, PASSWORD, table);
  }

  /**
   * PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not safe against itself: racing sessions
   * fail with a unique violation on pg_type or "already exists". Several fresh tables, each created
   * by eight writers at once, so that the race is lost at least sometimes.
   */
  @Test
  @Timeout(120)
  void theCreationRaceIsSurvivedOnManyFreshTables() throws Exception {
    int rounds = 6;
    int threads = 8;
    for (int round = 0; round < rounds; round++) {
      String name = freshName();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Boolean>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int writer = t;
          done.add(
              pool.submit(
                  () -> {
                    DeploymentHistoryTable table = table(name);
                    start.await();
                    return table.record(at(T0.plusSeconds(writer), Outcome.SUCCESS, "r" + writer));
                  }));
        }
        start.countDown();
        for (Future<Boolean> f : done) {
          assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(count(name)).as("round %d", round).isEqualTo(threads);
      assertThat(tablesNamed(name)).isEqualTo(1);
    }
  }
}
