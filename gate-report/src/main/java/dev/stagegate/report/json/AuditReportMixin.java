package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stagegate.report.Verdict;

/**
 * Jackson annotations for {@link dev.stagegate.report.AuditReport}, kept out of the model so the
 * model stays free of serialization concerns.
 *
 * <p>The overall verdict is derived, but written anyway so that a reviewer or a script ({@code jq
 * .verdict}) need not recompute it; it is ignored on read because the gates decide it.
 */
@JsonPropertyOrder({"schemaVersion", "generatedAt", "verdict", "gates"})
abstract class AuditReportMixin {
  @JsonProperty(value = "verdict", access = JsonProperty.Access.READ_ONLY)
  abstract Verdict verdict();
}
