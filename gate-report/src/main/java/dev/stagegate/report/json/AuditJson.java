package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.risk.CategoryRisk;
import dev.stagegate.report.risk.RiskAssessment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads and writes the evidence model as JSON: the form of {@code stability_audit.json}.
 *
 * <p>Instants are ISO-8601 strings ({@code 2024-05-01T12:00:00Z}), durations ISO-8601 strings
 * ({@code PT1M23.4S}), properties in record-component order, two-space indent, {@code \n} line ends
 * and a final newline, so the same report always gives the same bytes and a diff between two audits
 * is readable. Every property is written, {@code null} included, except the audit's optional {@code
 * changeSummary} and {@code riskAssessment}, which are left out when not collected. The audit also
 * carries its overall {@code verdict}. The shape is described by {@link #SCHEMA_RESOURCE}. Audits
 * of schema version 1 are read and migrated (see {@code SchemaV1Migration} for the note).
 *
 * <pre>{@code
 * String json = AuditJson.write(report);
 * AuditReport back = AuditJson.readReport(json, "stability_audit.json");
 * AuditReport fromDisk = AuditJson.readReport(Path.of("target/stagegate/stability_audit.json"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AuditJson {
  /** Classpath location of the JSON Schema (draft 2020-12) of the audit. */
  public static final String SCHEMA_RESOURCE = "/dev/stagegate/report/stability_audit.schema.json";

  private static final ObjectMapper MAPPER = createMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(JsonConventions.prettyPrinter());

  private AuditJson() {}

  /** The audit as pretty-printed JSON, ending in a newline. */
  public static String write(AuditReport report) {
    return writeValue(report);
  }

  /**
   * The audit as {@link #write(AuditReport)} writes it, followed by one more top-level property
   * {@code name} holding {@code derived}: a value computed from the report that {@link #readReport}
   * ignores, such as the deploy checklists of {@code stability_audit.json}, which {@code
   * dev.stagegate.report.writer.AuditTwin} builds (the checklists sit above this package, so they
   * come in as a finished tree).
   *
   * <pre>{@code
   * String twin = AuditJson.write(report, "checklists", checklistsArray);
   * }</pre>
   */
  public static String write(AuditReport report, String name, JsonNode derived) {
    ObjectNode tree = MAPPER.valueToTree(report);
    tree.set(name, derived);
    return writeValue(tree);
  }

  /** One gate as pretty-printed JSON, ending in a newline (the form of one entry of gates). */
  public static String write(GateResult gate) {
    return writeValue(gate);
  }

  /**
   * Reads an audit from a file.
   *
   * @throws AuditJsonException naming the file, line and column when the content is malformed or
   *     not an audit of a supported schema version
   * @throws IOException when the file cannot be read
   */
  public static AuditReport readReport(Path file) throws IOException {
    return readReport(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads an audit from a string.
   *
   * @param source names the JSON in error messages, e.g. a file name
   * @throws AuditJsonException when the JSON is malformed or not an audit of a supported version
   */
  public static AuditReport readReport(String json, String source) {
    return readReport(json.getBytes(StandardCharsets.UTF_8), source);
  }

  /** Reads one gate from a file; see {@link #readReport(Path)}. */
  public static GateResult readGate(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString(), GateResult.class);
  }

  /** Reads one gate from a string; see {@link #readReport(String, String)}. */
  public static GateResult readGate(String json, String source) {
    return read(json.getBytes(StandardCharsets.UTF_8), source, GateResult.class);
  }

  private static AuditReport readReport(byte[] json, String source) {
    JsonNode tree = read(json, source, JsonNode.class);
    if (SchemaV1Migration.applies(tree)) {
      // positions in errors would be of the migrated tree: version 1 audits are read whole
      SchemaV1Migration.migrateTree(tree);
      return SchemaV1Migration.migrateModel(treeToReport(tree, source));
    }
    AuditReport report = read(json, source, AuditReport.class);
    int version = report.schemaVersion();
    if (version < 1 || version > AuditReport.SCHEMA_VERSION) {
      throw new AuditJsonException(
          source,
          -1,
          -1,
          "schemaVersion",
          "unsupported schemaVersion "
              + version
              + "; this library reads 1 to "
              + AuditReport.SCHEMA_VERSION,
          null);
    }
    return report;
  }

  private static AuditReport treeToReport(JsonNode tree, String source) {
    try {
      return MAPPER.treeToValue(tree, AuditReport.class);
    } catch (JsonProcessingException e) {
      throw new AuditJsonException(
          source,
          -1,
          -1,
          e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "",
          e.getOriginalMessage() + " (read as schema version 1, migrated)",
          e);
    }
  }

  private static <T> T read(byte[] json, String source, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw new AuditJsonException(
          source,
          where == null ? -1 : where.getLineNr(),
          where == null ? -1 : where.getColumnNr(),
          e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "",
          e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      // Reading from a byte array does no I/O; only parse problems (above) can occur.
      throw new IllegalStateException(e);
    }
  }

  /** Renders Jackson's reference chain as {@code gates[0].checks[1].status}. */
  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String writeValue(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      // The model holds only strings, numbers, enums, instants and durations: this is a bug.
      throw new IllegalStateException("cannot write audit JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper createMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(JsonConventions.wellFormedStrings("stagegate-well-formed-strings"))
            .addMixIn(AuditReport.class, AuditReportMixin.class)
            .addMixIn(GateResult.class, GateResultMixin.class)
            .addMixIn(BurnInEvidence.class, BurnInEvidenceMixin.class)
            .addMixIn(UncommittedChanges.class, UncommittedChangesMixin.class)
            .addMixIn(ChangeSummary.class, ChangeSummaryMixin.class)
            .addMixIn(RiskAssessment.class, RiskAssessmentMixin.class)
            .addMixIn(CategoryRisk.class, CategoryRiskMixin.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // A missing property is a broken audit, not a default; say which one.
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // Lists are never null in the model; fail on "checks": null with a path, not an NPE.
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
    return mapper;
  }
}
