package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.risk.RiskAssessment;
import java.time.Instant;
import java.util.List;

/**
 * Jackson annotations for {@link dev.stagegate.report.AuditReport}, kept out of the model so the
 * model stays free of serialization concerns.
 *
 * <p>The overall verdict is derived, but written anyway so that a reviewer or a script ({@code jq
 * .verdict}) need not recompute it; it is ignored on read because the gates decide it.
 *
 * <p>{@code changeSummary}, {@code riskAssessment} and {@code source} are optional: left out when
 * not collected, so audits without them keep their exact bytes, and read as null when absent, so
 * audits written before they existed (same schema version) still read. Absent creator properties
 * otherwise fail the read; an optional injection with {@code useInput} is Jackson's per-property
 * way out.
 */
@JsonPropertyOrder({
  "schemaVersion",
  "generatedAt",
  "verdict",
  "gates",
  "changeSummary",
  "riskAssessment",
  "source"
})
// Derived from the gates and the deploy facts when written (writer.AuditTwin.json); the
// gates decide them again on read, as for the verdict.
@JsonIgnoreProperties(value = {"checklists"})
abstract class AuditReportMixin {
  @JsonCreator
  AuditReportMixin(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("generatedAt") Instant generatedAt,
      @JsonProperty("gates") List<GateResult> gates,
      @JsonProperty("changeSummary")
          @JacksonInject(
              value = "changeSummary",
              useInput = OptBoolean.TRUE,
              optional = OptBoolean.TRUE)
          ChangeSummary changeSummary,
      @JsonProperty("riskAssessment")
          @JacksonInject(
              value = "riskAssessment",
              useInput = OptBoolean.TRUE,
              optional = OptBoolean.TRUE)
          RiskAssessment riskAssessment,
      @JsonProperty("source")
          @JacksonInject(value = "source", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
          SourceRevision source) {}

  @JsonProperty(value = "verdict", access = JsonProperty.Access.READ_ONLY)
  abstract Verdict verdict();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  abstract ChangeSummary changeSummary();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  abstract RiskAssessment riskAssessment();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  abstract SourceRevision source();
}
