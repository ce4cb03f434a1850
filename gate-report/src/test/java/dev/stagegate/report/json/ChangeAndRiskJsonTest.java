package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.GoldenFile;
import dev.stagegate.report.change.BaseSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeAndRiskJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SchemaSubsetValidator validator;

  @BeforeAll
  static void loadSchema() throws Exception {
    validator = SchemaSubsetValidator.forAuditSchema();
  }

  @Test
  void roundTripsChangeAndRisk() {
    AuditReport report = ChangeFixtures.withChange();
    assertThat(AuditJson.readReport(AuditJson.write(report), "mem")).isEqualTo(report);
  }

  @Test
  void matchesGoldenFile() throws Exception {
    GoldenFile.assertMatches(
        AuditJson.write(ChangeFixtures.withChange()),
        "dev/stagegate/report/golden/with-change.json");
  }

  @Test
  void conformsToTheSchemaWithEveryPropertyWritten() throws Exception {
    JsonNode written = JSON.readTree(AuditJson.write(ChangeFixtures.withChange()));
    assertThat(validator.validate(written)).isEmpty();
    assertThat(written.get("changeSummary").get("uncommitted").has("empty")).isFalse();
    ((ObjectNode) written.get("riskAssessment").get("findings").get(0)).put("extra", 1);
    ((ObjectNode) written.get("changeSummary").get("files").get(0)).remove("oldPath");
    assertThat(validator.validate(written))
        .containsExactlyInAnyOrder(
            "$.riskAssessment.findings[0]: property not in schema: extra",
            "$.changeSummary.files[0]: missing required property oldPath");
  }

  @Test
  void carriesOneRiskLinePerCategoryAndWhereTheBaseCameFrom() throws Exception {
    JsonNode written = JSON.readTree(AuditJson.write(ChangeFixtures.withChange()));

    assertThat(written.at("/changeSummary/baseSource").asText()).isEqualTo("MERGE_BASE");
    JsonNode categories = written.at("/riskAssessment/categories");
    assertThat(categories).hasSize(5);
    assertThat(categories.findValuesAsText("summary"))
        .containsExactly(
            "Database: HIGH · 1 file: app/core/database.py · database-engine, db-pool",
            "Networking: no change",
            "AI model cost: no change",
            "Secrets and configuration: no change",
            "Entry points and process managers: MEDIUM · 1 file: app/main.py · app-entry-point");
    assertThat(categories.get(1).get("level").isNull()).isTrue();
  }

  @ParameterizedTest(name = "schema version {0}")
  @ValueSource(ints = {1, 2})
  void auditsWrittenBeforeBaseSourceAndCategoriesStillRead(int version) throws Exception {
    AuditReport report = ChangeFixtures.withChange();
    ObjectNode old = (ObjectNode) JSON.readTree(AuditJson.write(report));
    old.put("schemaVersion", version);
    ((ObjectNode) old.get("changeSummary")).remove("baseSource");
    ((ObjectNode) old.get("riskAssessment")).remove("categories");

    AuditReport back = AuditJson.readReport(JSON.writeValueAsString(old), "old.json");

    assertThat(back.changeSummary()).isEqualTo(report.changeSummary());
    assertThat(back.changeSummary().baseSource()).isEqualTo(BaseSource.MERGE_BASE);
    assertThat(back.riskAssessment()).isEqualTo(report.riskAssessment());
    assertThat(back.riskAssessment().categories()).isEqualTo(report.riskAssessment().categories());
  }

  @Test
  void absentWhenNotCollectedSoOlderAuditsReadUnchanged() throws Exception {
    AuditReport plain = AuditFixtures.small();
    JsonNode written = JSON.readTree(AuditJson.write(plain));

    assertThat(written.has("changeSummary")).isFalse();
    assertThat(written.has("riskAssessment")).isFalse();
    AuditReport back = AuditJson.readReport(AuditJson.write(plain), "mem");
    assertThat(back.changeSummary()).isNull();
    assertThat(back.riskAssessment()).isNull();
    assertThat(back).isEqualTo(plain);
  }

  @Test
  void explicitNullReadsAsAbsent() {
    String json =
        AuditJson.write(AuditFixtures.small())
            .replaceFirst("\"gates\"", "\"changeSummary\": null,\n  \"gates\"");
    assertThat(AuditJson.readReport(json, "mem").changeSummary()).isNull();
  }
}
