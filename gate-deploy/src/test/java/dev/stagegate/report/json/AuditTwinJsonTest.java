package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.deploy.checklist.Checklists;
import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.markdown.AuditMarkdown;
import dev.stagegate.report.writer.AuditFiles;
import dev.stagegate.report.writer.AuditTwin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON twin carries what the Markdown's first screen decides on: the source revision and every
 * checklist item's state, in the schema, and reads back as the same report.
 */
class AuditTwinJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceRevision SOURCE =
      new SourceRevision(
          "https://github.com/acme/agents.git", "main", "415242fc3aba50e554e825da0203198e96ee37b7");

  private static AuditReport report() {
    return new AuditReport(
        AuditReport.SCHEMA_VERSION,
        AuditFixtures.T0,
        List.of(AuditFixtures.passingGate(), AuditFixtures.shortenedBurnIn()));
  }

  @Test
  void theTwinWritesEveryChecklistItemWithItsState(@TempDir Path dir) throws Exception {
    AuditReport report = report().withSource(SOURCE);
    AuditFiles.write(report, dir, AuditMarkdown.standard().withChecklists(DeployFacts.none()));
    JsonNode twin = JSON.readTree(Files.readString(AuditFiles.jsonPath(dir)));

    List<String> written = new ArrayList<>();
    for (JsonNode list : twin.get("checklists")) {
      for (JsonNode item : list.get("items")) {
        written.add(
            list.get("title").asText()
                + " / "
                + item.get("text").asText()
                + " = "
                + item.get("state").asText());
      }
    }
    List<String> expected = new ArrayList<>();
    for (Checklist list : Checklists.all(report, DeployFacts.none())) {
      for (ChecklistItem item : list.items()) {
        expected.add(list.title() + " / " + item.text() + " = " + item.state());
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(written).containsExactlyElementsOf(expected);
    assertThat(twin.get("source").get("commit").asText()).isEqualTo(SOURCE.commit());
    assertThat(twin.get("source").get("branch").asText()).isEqualTo("main");
  }

  @Test
  void theTwinConformsToTheSchemaAndAnUnknownItemFieldDoesNot() throws Exception {
    SchemaSubsetValidator validator = SchemaSubsetValidator.forAuditSchema();
    JsonNode twin = JSON.readTree(AuditTwin.json(report().withSource(SOURCE), DeployFacts.none()));
    assertThat(validator.validate(twin)).isEmpty();
    ((ObjectNode) twin.at("/checklists/0/items/0")).put("state", "OK");
    assertThat(validator.validate(twin)).isNotEmpty();
  }

  @Test
  void readingBackKeepsTheSourceAndRecomputesTheChecklists() {
    AuditReport report = report().withSource(SOURCE);
    String twin = AuditTwin.json(report, DeployFacts.none());
    AuditReport back = AuditJson.readReport(twin, "stability_audit.json");
    assertThat(back).isEqualTo(report);
    // the checklists are derived: writing the read report gives the same bytes
    assertThat(AuditTwin.json(back, DeployFacts.none())).isEqualTo(twin);
  }

  @Test
  void anAuditWithoutSourceOrChecklistsStillReads() {
    String old = AuditJson.write(report());
    assertThat(old).doesNotContain("\"source\"").doesNotContain("\"checklists\"");
    assertThat(AuditJson.readReport(old, "old.json").source()).isNull();
  }
}
