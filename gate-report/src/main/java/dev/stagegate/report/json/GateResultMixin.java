package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Jackson annotations for {@link dev.stagegate.report.GateResult}: {@code rollback} is written only
 * for a rollback drill, so the other gates keep their exact bytes, and read as null when absent, so
 * audits and journals written before it existed (same schema version) still read. The other
 * properties stay required (see {@link AuditReportMixin} for the injection trick). {@code images}
 * likewise: written only for a gate that built images, read as empty when absent (audits written
 * before gates recorded their image IDs).
 */
abstract class GateResultMixin {
  @JsonCreator
  GateResultMixin(
      @JsonProperty("id") String id,
      @JsonProperty("displayName") String displayName,
      @JsonProperty("kind") GateKind kind,
      @JsonProperty("verdict") Verdict verdict,
      @JsonProperty("startedAt") Instant startedAt,
      @JsonProperty("duration") Duration duration,
      @JsonProperty("composeFile") String composeFile,
      @JsonProperty("project") String project,
      @JsonProperty("engine") EngineInfo engine,
      @JsonProperty("checks") List<CheckResult> checks,
      @JsonProperty("services") List<ServiceEvidence> services,
      @JsonProperty("failures") List<String> failures,
      @JsonProperty("burnIn") BurnInEvidence burnIn,
      @JsonProperty("rollback")
          @JacksonInject(value = "rollback", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
          RollbackEvidence rollback,
      @JsonProperty("images")
          @JacksonInject(value = "images", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
          List<TestedImage> images) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  abstract RollbackEvidence rollback();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<TestedImage> images();
}
