package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDrillRoundTripsAndConformsToTheSchema() throws Exception {
    for (boolean passed : new boolean[] {true, false}) {
      AuditReport report =
          new AuditReport(
              AuditReport.SCHEMA_VERSION,
              AuditFixtures.T0,
              List.of(RollbackFixtures.drill(passed)));
      String json = AuditJson.write(report);
      assertThat(SchemaSubsetValidator.forAuditSchema().validate(JSON.readTree(json)))
          .as("passed=" + passed)
          .isEmpty();
      assertThat(AuditJson.readReport(json, "test")).isEqualTo(report);
    }
  }

  @Test
  void otherGatesWriteNoRollbackKeyAndOldAuditsStillRead() throws Exception {
    String json = AuditJson.write(AuditFixtures.small());
    assertThat(json).doesNotContain("\"rollback\"");
    GateResult back = AuditJson.readReport(json, "test").gates().get(0);
    assertThat(back.rollback()).isNull();
  }

  @Test
  void theTargetIsKeptAndADrillWrittenBeforeItStillReadsAndValidates() throws Exception {
    AuditReport report =
        new AuditReport(
            AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(RollbackFixtures.drill(true)));
    JsonNode written = JSON.readTree(AuditJson.write(report));
    assertThat(written.get("gates").get(0).get("rollback").get("target").asText())
        .isEqualTo(RollbackFixtures.TARGET);
    ((ObjectNode) written.get("gates").get(0).get("rollback")).remove("target");
    assertThat(SchemaSubsetValidator.forAuditSchema().validate(written)).isEmpty();
    GateResult older =
        AuditJson.readReport(JSON.writeValueAsString(written), "test").gates().get(0);
    assertThat(older.rollback().target()).isNull();
    assertThat(older.rollback().command()).isEqualTo(RollbackFixtures.COMMAND);
    assertThat(
            AuditJson.write(
                new AuditReport(report.schemaVersion(), report.generatedAt(), List.of(older))))
        .doesNotContain("\"target\"");
  }

  @Test
  void anUnknownRollbackFieldIsRejectedBySchema() throws Exception {
    JsonNode written =
        JSON.readTree(
            AuditJson.write(
                new AuditReport(
                    AuditReport.SCHEMA_VERSION,
                    AuditFixtures.T0,
                    List.of(RollbackFixtures.drill(true)))));
    ((ObjectNode) written.get("gates").get(0).get("rollback")).put("extra", 1);
    assertThat(SchemaSubsetValidator.forAuditSchema().validate(written))
        .containsExactly("$.gates[0].rollback: property not in schema: extra");
  }
}
