package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.GoldenFile;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJsonTest {

  @Test
  void roundTripsAReport() {
    AuditReport report = AuditFixtures.small();
    String json = AuditJson.write(report);
    assertThat(AuditJson.readReport(json, "mem")).isEqualTo(report);
  }

  @Test
  void roundTripsAGate() {
    GateResult gate = AuditFixtures.failingGate();
    assertThat(AuditJson.readGate(AuditJson.write(gate), "mem")).isEqualTo(gate);
  }

  @Test
  void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stability_audit.json");
    Files.writeString(file, AuditJson.write(AuditFixtures.small()));
    assertThat(AuditJson.readReport(file)).isEqualTo(AuditFixtures.small());
  }

  @Test
  void writesInstantsAndDurationsAsIsoStrings() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(AuditJson.write(AuditFixtures.small()));
    assertThat(tree.get("generatedAt").isTextual()).isTrue();
    assertThat(tree.get("generatedAt").asText()).isEqualTo("2024-05-01T12:00:00Z");
    JsonNode gate = tree.get("gates").get(0);
    assertThat(gate.get("startedAt").asText()).isEqualTo("2024-05-01T11:58:00Z");
    assertThat(gate.get("duration").isTextual()).isTrue();
    assertThat(gate.get("duration").asText()).isEqualTo("PT1M23.4S");
    assertThat(tree.get("verdict").asText()).isEqualTo("FAIL");
  }

  @Test
  void writesPropertiesInModelOrder() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(AuditJson.write(AuditFixtures.small()));
    assertThat(fieldNames(tree))
        .containsExactly("schemaVersion", "generatedAt", "verdict", "gates");
    assertThat(fieldNames(tree.get("gates").get(0)))
        .containsExactly(
            "id",
            "displayName",
            "kind",
            "verdict",
            "startedAt",
            "duration",
            "composeFile",
            "project",
            "engine",
            "checks",
            "services",
            "failures",
            "burnIn");
  }

  @Test
  void matchesGoldenFile() throws Exception {
    GoldenFile.assertMatches(
        AuditJson.write(AuditFixtures.small()), "dev/stagegate/report/golden/small.json");
  }

  @Test
  void keepsHostileTextVerbatimButWritesValidUtf8() throws Exception {
    String hostile = "\u001b[31mred\u001b[0m nul\u0000 ``` </details> | lone \uD800 end";
    AuditReport report = withLogLine(hostile);
    byte[] bytes = AuditJson.write(report).getBytes(StandardCharsets.UTF_8);
    // Strict decoding fails on anything that is not valid UTF-8.
    String decoded =
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    assertThat(decoded).contains("\\u001B[31mred").contains("\\u0000");
    AuditReport back = AuditJson.readReport(decoded, "mem");
    assertThat(back.gates().get(0).services().get(0).lastLogLines())
        .containsExactly(hostile.replace('\uD800', '\uFFFD'));
  }

  @Test
  void malformedJsonNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stability_audit.json");
    Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"generatedAt\": oops\n}\n");
    assertThatThrownBy(() -> AuditJson.readReport(file))
        .isInstanceOfSatisfying(
            AuditJsonException.class,
            e -> {
              assertThat(e.source()).isEqualTo(file.toString());
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(18);
              assertThat(e.getMessage()).startsWith(file + ":3:18: ");
            });
  }

  @Test
  void truncatedFileIsReportedWithItsEnd() {
    String json = AuditJson.write(AuditFixtures.small());
    String cut = json.substring(0, json.length() / 2);
    assertThatThrownBy(() -> AuditJson.readReport(cut, "half.json"))
        .isInstanceOf(AuditJsonException.class)
        .hasMessageStartingWith("half.json:")
        .satisfies(e -> assertThat(((AuditJsonException) e).line()).isPositive());
  }

  @Test
  void wrongValueNamesItsJsonPath() {
    String json =
        AuditJson.write(AuditFixtures.small())
            .replaceFirst("\"verdict\" : \"PASS\"|\"verdict\": \"PASS\"", "\"verdict\": \"GREEN\"");
    assertThatThrownBy(() -> AuditJson.readReport(json, "x.json"))
        .isInstanceOfSatisfying(
            AuditJsonException.class,
            e -> {
              assertThat(e.path()).isEqualTo("gates[0].verdict");
              assertThat(e.line()).isPositive();
              assertThat(e.getMessage()).contains("GREEN").endsWith("(at gates[0].verdict)");
            });
  }

  @Test
  void missingPropertyIsAnError() {
    String json =
        AuditJson.write(AuditFixtures.small()).replaceFirst("\"project\": \"[^\"]*\",", "");
    assertThatThrownBy(() -> AuditJson.readReport(json, "x.json"))
        .isInstanceOf(AuditJsonException.class)
        .hasMessageContaining("project");
  }

  @Test
  void nullListIsAnErrorWithPath() {
    String json =
        AuditJson.write(AuditFixtures.small())
            .replaceFirst("\"failures\": \\[\\]", "\"failures\": null");
    assertThatThrownBy(() -> AuditJson.readReport(json, "x.json"))
        .isInstanceOfSatisfying(
            AuditJsonException.class, e -> assertThat(e.path()).isEqualTo("gates[0].failures"));
  }

  @Test
  void newerSchemaVersionIsRefused() {
    String json =
        AuditJson.write(AuditFixtures.small())
            .replace("\"schemaVersion\": 2", "\"schemaVersion\": 99");
    assertThatThrownBy(() -> AuditJson.readReport(json, "x.json"))
        .isInstanceOf(AuditJsonException.class)
        .hasMessageContaining("unsupported schemaVersion 99");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static AuditReport withLogLine(String line) {
    GateResult gate = AuditFixtures.failingGate();
    ServiceEvidence api = gate.services().get(0);
    ServiceEvidence hostile =
        new ServiceEvidence(
            api.service(),
            api.container(),
            api.oneShot(),
            api.state(),
            api.health(),
            api.restartCount(),
            api.exitCode(),
            api.oomKilled(),
            api.healthLog(),
            api.stats(),
            List.of(LogFinding.single("api", 1, "error-level", line)),
            1,
            List.of(line),
            1);
    return new AuditReport(
        AuditReport.SCHEMA_VERSION,
        AuditFixtures.T0,
        List.of(gate.toBuilder().services(List.of(hostile)).build()));
  }
}
