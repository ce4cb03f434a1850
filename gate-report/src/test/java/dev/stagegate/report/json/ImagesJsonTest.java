package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ImageFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void imagesConformToTheSchemaAndAShortIdDoesNot() throws Exception {
    JsonNode written =
        JSON.readTree(
            AuditJson.write(
                new AuditReport(
                    AuditReport.SCHEMA_VERSION,
                    AuditFixtures.T0,
                    List.of(ImageFixtures.passingWithImages(ImageFixtures.API_A)))));
    assertThat(SchemaSubsetValidator.forAuditSchema().validate(written)).isEmpty();
    ((ObjectNode) written.get("gates").get(0).get("images").get(0)).put("imageId", "b685ebbce2f6");
    assertThat(SchemaSubsetValidator.forAuditSchema().validate(written))
        .singleElement()
        .asString()
        .startsWith("$.gates[0].images[0].imageId");
  }
}
