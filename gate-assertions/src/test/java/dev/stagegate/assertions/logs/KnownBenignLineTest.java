package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's log as the agents example's db wrote it during a healthcheck's early knock. */
class KnownBenignLineTest {
  private static final String EARLY_KNOCK =
      "2026-12-07 15:10:33.585 UTC [45] FATAL:  the database system is starting up";

  @Test
  void aClientKnockingWhilePostgresStartsIsNotTheServersError() {
    assertThat(LogAudit.defaults().audit("db", List.of(EARLY_KNOCK))).isEmpty();
  }

  @Test
  void withoutTheKnownBenignLinesItIsAFatalLevelFindingAgain() {
    assertThat(LogAudit.defaults().withoutKnownBenignLines().audit("db", List.of(EARLY_KNOCK)))
        .extracting(LogFinding::rule)
        .containsExactly("fatal-level");
  }

  @Test
  void whatARealStartupOrRecoveryProblemLogsStaysAFinding() {
    List<LogFinding> findings =
        LogAudit.defaults()
            .audit(
                "db",
                List.of(
                    "2026-12-07 15:10:33.585 UTC [45] FATAL:  the database system is in recovery"
                        + " mode",
                    "2026-12-07 15:10:34.001 UTC [1] FATAL:  could not open file"
                        + " \"postmaster.pid\": Permission denied",
                    "2026-12-07 15:10:35.000 UTC [7] ERROR:  relay said \"FATAL:  the database"
                        + " system is starting up\" twice"));
    assertThat(findings).hasSize(3);
  }
}
