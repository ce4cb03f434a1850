package dev.stagegate.report.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryRiskTest {
  private static RiskFinding finding(String file, String rule, RiskCategory c, RiskLevel level) {
    return new RiskFinding(file, rule, c, level, "why " + rule, null);
  }

  @Test
  void everyCategoryHasALineInTheEnumsOrderChangedOrNot() {
    RiskAssessment risk =
        RiskAssessment.of(
            List.of(
                finding(
                    "migrations/versions/0002_add_email.py",
                    "db-migrations",
                    RiskCategory.DATABASE,
                    RiskLevel.HIGH),
                finding(
                    "app/models/user.py", "database-models", RiskCategory.DATABASE, RiskLevel.HIGH),
                finding(
                    "app/models/user.py",
                    "db-schema-code",
                    RiskCategory.DATABASE,
                    RiskLevel.MEDIUM),
                finding(
                    "app/core/config.py",
                    "ai-token-limit",
                    RiskCategory.AI_MODEL_COST,
                    RiskLevel.MEDIUM)));

    assertThat(risk.categories())
        .extracting(CategoryRisk::summary)
        .containsExactly(
            "Database: HIGH · 2 files: app/models/user.py, migrations/versions/0002_add_email.py"
                + " · db-migrations, database-models, db-schema-code",
            "Networking: no change",
            "AI model cost: MEDIUM · 1 file: app/core/config.py · ai-token-limit",
            "Secrets and configuration: no change",
            "Entry points and process managers: no change");
    CategoryRisk db = risk.categories().get(0);
    assertThat(db.reasons())
        .containsExactly("why db-migrations", "why database-models", "why db-schema-code");
    assertThat(risk.categories().get(1).changed()).isFalse();
    assertThat(risk.categories().get(1).level()).isNull();
  }

  @Test
  void theLevelIsTheHighestOfTheCategorysFindingsNotOfTheWhole() {
    RiskAssessment risk =
        RiskAssessment.of(
            List.of(
                finding(
                    "docker-compose.yml", "compose-file", RiskCategory.NETWORKING, RiskLevel.HIGH),
                finding(
                    "Procfile",
                    "process-manager",
                    RiskCategory.PROCESS_MANAGEMENT,
                    RiskLevel.MEDIUM)));

    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(risk.categories().get(4).level()).isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void manyFilesAreCountedNotListedInTheSummary() {
    List<RiskFinding> findings =
        List.of(
            finding("a.sql", "db-schema-file", RiskCategory.DATABASE, RiskLevel.HIGH),
            finding("b.sql", "db-schema-file", RiskCategory.DATABASE, RiskLevel.HIGH),
            finding("c.sql", "db-schema-file", RiskCategory.DATABASE, RiskLevel.HIGH),
            finding("d.sql", "db-schema-file", RiskCategory.DATABASE, RiskLevel.HIGH),
            finding("e.sql", "db-schema-file", RiskCategory.DATABASE, RiskLevel.HIGH));

    assertThat(CategoryRisk.of(RiskCategory.DATABASE, findings).summary())
        .isEqualTo("Database: HIGH · 5 files: a.sql, b.sql, c.sql, +2 more · db-schema-file");
  }

  @Test
  void aLevelWithoutFilesIsRefused() {
    assertThatThrownBy(
            () ->
                new CategoryRisk(
                    RiskCategory.DATABASE, RiskLevel.LOW, List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a category has a level exactly when it has files, but DATABASE has level LOW and 0"
                + " files");
  }
}
