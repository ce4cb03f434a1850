package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode schema;
  private static SchemaSubsetValidator validator;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = AuditJson.class.getResourceAsStream(AuditJson.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema on the classpath at " + AuditJson.SCHEMA_RESOURCE).isNotNull();
      schema = JSON.readTree(in);
    }
    validator = new SchemaSubsetValidator(schema);
  }

  @Test
  void declaresDraft202012AndTheCurrentSchemaVersion() {
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.at("/properties/schemaVersion/const").asInt())
        .isEqualTo(AuditReport.SCHEMA_VERSION);
  }

  @Test
  void writtenReportConforms() throws Exception {
    JsonNode written = JSON.readTree(AuditJson.write(AuditFixtures.small()));
    assertThat(validator.validate(written)).isEmpty();
  }

  @Test
  void aShortenedBurnInWithTrendsConforms() throws Exception {
    // PASS_SHORTENED, a not-judged trend with its window, minimum span and significance
    JsonNode written =
        JSON.readTree(
            AuditJson.write(
                new AuditReport(
                    AuditReport.SCHEMA_VERSION,
                    AuditFixtures.T0,
                    List.of(AuditFixtures.passingGate(), AuditFixtures.shortenedBurnIn()))));
    assertThat(validator.validate(written)).isEmpty();
    ObjectNode trend = (ObjectNode) written.at("/gates/1/burnIn/trends/0");
    trend.put("memorySlopeMbPerHour", 1.0);
    // burnIn is "object or null" (oneOf): the extra property fails the object branch
    assertThat(validator.validate(written))
        .containsExactly("$.gates[1].burnIn: matches 0 of oneOf, expected exactly 1");
  }

  @Test
  void anEngineInterruptedBurnInConforms() throws Exception {
    JsonNode written =
        JSON.readTree(
            AuditJson.write(
                new AuditReport(
                    AuditReport.SCHEMA_VERSION,
                    AuditFixtures.T0,
                    List.of(AuditFixtures.engineInterruptedBurnIn()))));
    assertThat(validator.validate(written)).isEmpty();
    ((ObjectNode) written.at("/gates/0/burnIn/engineInterruption")).put("blamed", "worker");
    assertThat(validator.validate(written))
        .containsExactly("$.gates[0].burnIn: matches 0 of oneOf, expected exactly 1");
  }

  @Test
  void emptyReportConforms() throws Exception {
    JsonNode written =
        JSON.readTree(
            AuditJson.write(
                new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of())));
    assertThat(validator.validate(written)).isEmpty();
  }

  @Test
  void everyWrittenPropertyIsRequiredBySchema() throws Exception {
    // Guards against drift: a field added to the model must also be added to the schema.
    JsonNode written = JSON.readTree(AuditJson.write(AuditFixtures.small()));
    ObjectNode gate = (ObjectNode) written.get("gates").get(0);
    gate.put("newField", "x");
    assertThat(validator.validate(written))
        .containsExactly("$.gates[0]: property not in schema: newField");
  }

  @Test
  void checkDetectsMissingAndMistypedProperties() throws Exception {
    JsonNode written = JSON.readTree(AuditJson.write(AuditFixtures.small()));
    ObjectNode service = (ObjectNode) written.get("gates").get(1).get("services").get(0);
    service.remove("oomKilled");
    service.put("restartCount", "two");
    ((ObjectNode) written).put("verdict", "GREEN");
    assertThat(validator.validate(written))
        .containsExactlyInAnyOrder(
            "$.verdict: \"GREEN\" not one of [\"PASS\",\"PASS_SHORTENED\",\"INCONCLUSIVE\",\"FAIL\",\"INCOMPLETE\"]",
            "$.gates[1].services[0]: missing required property oomKilled",
            "$.gates[1].services[0].restartCount: expected type \"integer\" but was STRING");
  }
}
