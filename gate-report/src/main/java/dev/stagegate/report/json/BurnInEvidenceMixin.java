package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.StackEvent;
import dev.stagegate.report.load.LoadEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Jackson annotations for {@link dev.stagegate.report.BurnInEvidence}: {@code engineInterruption}
 * is read as null when absent, so audits written before the engine was watched (same schema
 * version) still read; the other properties stay required (see {@link AuditReportMixin} for the
 * injection trick). Writing is unchanged.
 */
abstract class BurnInEvidenceMixin {
  @JsonCreator
  BurnInEvidenceMixin(
      @JsonProperty("requested") Duration requested,
      @JsonProperty("planned") Duration planned,
      @JsonProperty("actual") Duration actual,
      @JsonProperty("endedAt") Instant endedAt,
      @JsonProperty("endedBecause") String endedBecause,
      @JsonProperty("timeline") List<StackEvent> timeline,
      @JsonProperty("timelineDropped") long timelineDropped,
      @JsonProperty("trends") List<ServiceTrend> trends,
      @JsonProperty("loads") List<LoadEvidence> loads,
      @JsonProperty("baseline") BaselineEvidence baseline,
      @JsonProperty("engineInterruption")
          @JacksonInject(
              value = "engineInterruption",
              useInput = OptBoolean.TRUE,
              optional = OptBoolean.TRUE)
          EngineInterruption engineInterruption) {}
}
