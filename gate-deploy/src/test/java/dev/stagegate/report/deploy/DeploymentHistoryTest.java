package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.deploy.change.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentHistoryTest {
  static final Instant WHEN = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path tmp;

  static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  static DeploymentEntry deployed(String commit) {
    return new DeploymentEntry(
        WHEN,
        "1.2.3",
        commit,
        "production",
        "alice",
        Outcome.SUCCESS,
        Duration.ofSeconds(84),
        List.of(new HookResultSummary("health", HookResultSummary.PASS, Duration.ofMillis(5), "")),
        null,
        "");
  }

  @Test
  void byDefaultTheJsonAndTextLogsInTheReportDirOnly() throws Exception {
    Path reports = tmp.resolve("reports");
    DeploymentHistory history = DeploymentHistory.fromConfig(config(Map.of()), Map.of(), reports);
    assertThat(history.table()).isEmpty();
    assertThat(history.tags()).isFalse();

    DeploymentEntry entry = deployed(DeploymentEntries.HEAD);
    RecordedHistory written = history.record(entry, null);

    assertThat(written.summary())
        .containsExactly(
            "deployment log (JSON Lines): " + reports.resolve("deployments.jsonl").toAbsolutePath(),
            "deployment text log: " + reports.resolve("deployments.log").toAbsolutePath());
    assertThat(DeploymentLog.at(reports.resolve("deployments.jsonl")).readAll().entries())
        .containsExactly(entry);
    assertThat(Files.readString(reports.resolve("deployments.log")))
        .isEqualTo(entry.toSeedText() + "\n");
  }

  @Test
  void everythingConfigured() throws Exception {
    String url = "jdbc:h2:mem:facade_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0";
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "s3cret");
        TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
      RevCommit head = repo.commit("a.txt", "a", "first");
      Map<String, String> values = new HashMap<>();
      values.put(DeploymentHistory.JSON_LOG, tmp.resolve("elsewhere/deploys.jsonl").toString());
      values.put(DeploymentHistory.TEXT_LOG, tmp.resolve("app/deployments.log").toString());
      values.put(DeploymentHistory.JDBC_URL, url);
      values.put(DeploymentHistory.JDBC_USER, " sa ");
      values.put(DeploymentHistory.JDBC_PASSWORD, "wrong: the environment wins");
      values.put(DeploymentHistory.TABLE, "deploys");
      values.put(DeploymentHistory.TAG, "true");
      DeploymentHistory history =
          DeploymentHistory.fromConfig(
              config(values),
              Map.of(DeploymentHistory.PASSWORD_ENV, "s3cret"),
              tmp.resolve("reports"));
      DeploymentEntry entry = deployed(head.name());

      RecordedHistory first = history.record(entry, repo.dir());
      assertThat(first.summary())
          .containsExactly(
              "deployment log (JSON Lines): " + tmp.resolve("elsewhere/deploys.jsonl"),
              "deployment text log: " + tmp.resolve("app/deployments.log"),
              "table deploys: row inserted",
              "tag v1.2.3: created");
      assertThat(history.table().orElseThrow().recent(5)).containsExactly(entry);
      assertThat(repo.git().getRepository().exactRef(Constants.R_TAGS + "v1.2.3")).isNotNull();
      assertThat(keepAlive.isClosed()).isFalse();

      // A retried step: the logs get a second line, the table and the tag stay as they were.
      RecordedHistory again = history.record(entry, repo.dir());
      assertThat(again.rowInserted()).isFalse();
      assertThat(again.tagCreated()).isFalse();
      assertThat(again.summary())
          .contains("table deploys: already recorded", "tag v1.2.3: already there");
      assertThat(history.table().orElseThrow().recent(5)).hasSize(1);
    }
  }

  @Test
  void thePasswordKeyIsUsedWhenTheEnvironmentHasNone() throws Exception {
    String url = "jdbc:h2:mem:facade_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0";
    // The first connection creates the in-memory database with this password.
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "from-key")) {
      Map<String, String> values =
          Map.of(
              DeploymentHistory.JDBC_URL, url,
              DeploymentHistory.JDBC_USER, "sa",
              DeploymentHistory.JDBC_PASSWORD, "from-key");
      DeploymentHistory history =
          DeploymentHistory.fromConfig(config(values), Map.of(), tmp.resolve("r"));
      assertThat(history.table().orElseThrow().record(deployed(DeploymentEntries.HEAD))).isTrue();

      DeploymentHistory envWins =
          DeploymentHistory.fromConfig(
              config(values), Map.of(DeploymentHistory.PASSWORD_ENV, "other"), tmp.resolve("r"));
      assertThatThrownBy(() -> envWins.table().orElseThrow().recent(1))
          .isInstanceOf(DeploymentHistoryException.class)
          .hasMessageContaining("refused the login")
          .hasMessageNotContaining("other")
          .hasMessageNotContaining("from-key");
      assertThat(keepAlive.isClosed()).isFalse();
    }
  }

  @Test
  void theTextLogCanBeTurnedOff() throws Exception {
    DeploymentHistory history =
        DeploymentHistory.fromConfig(
            config(Map.of(DeploymentHistory.TEXT_LOG, " false ")), Map.of(), tmp);
    assertThat(history.textLog()).isEmpty();
    history.record(deployed(DeploymentEntries.HEAD), null);
    assertThat(tmp.resolve("deployments.log")).doesNotExist();
    assertThat(tmp.resolve("deployments.jsonl")).exists();
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(
            () ->
                DeploymentHistory.fromConfig(
                    config(Map.of(DeploymentHistory.TAG, "yes")), Map.of(), tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Configuration parameter stagegate.history.tag must be true or false but was 'yes'.");
    assertThatThrownBy(
            () ->
                DeploymentHistory.fromConfig(
                    config(Map.of(DeploymentHistory.TABLE, "history; drop table x")),
                    Map.of(),
                    tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(stagegate.history.table)");
  }

  @Test
  void aVersionThatMakesNoTagFailsBeforeAnythingIsWritten() throws Exception {
    DeploymentHistory history =
        DeploymentHistory.fromConfig(config(Map.of(DeploymentHistory.TAG, "true")), Map.of(), tmp);
    DeploymentEntry bad =
        new DeploymentEntry(
            WHEN,
            "1.2 beta",
            DeploymentEntries.HEAD,
            "production",
            "alice",
            Outcome.SUCCESS,
            Duration.ZERO,
            List.of(),
            null,
            "");
    assertThatThrownBy(() -> history.record(bad, tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("version '1.2 beta' does not make a valid git tag name");
    assertThat(tmp.resolve("deployments.jsonl")).doesNotExist();
    assertThat(tmp.resolve("deployments.log")).doesNotExist();
  }

  @Test
  void whenTheDatabaseIsDownTheLogsAreWrittenAndTheErrorNamesTheKey() {
    Map<String, String> values =
        Map.of(DeploymentHistory.JDBC_URL, "jdbc:postgresql://127.0.0.1:1/ops?connectTimeout=2");
    DeploymentHistory history = DeploymentHistory.fromConfig(config(values), Map.of(), tmp);
    assertThatThrownBy(() -> history.record(deployed(DeploymentEntries.HEAD), null))
        .isInstanceOf(DeploymentHistoryException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/ops")
        .hasMessageContaining(DeploymentHistory.JDBC_URL);
    assertThat(DeploymentLog.at(tmp.resolve("deployments.jsonl")).readAll().entries()).hasSize(1);
    assertThat(tmp.resolve("deployments.log")).exists();
  }
}
