package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stagegate.report.risk.CategoryRisk;
import java.util.List;

/**
 * Jackson annotations for {@link dev.stagegate.report.risk.RiskAssessment}: the per-category lines
 * are derived from the findings, but written anyway (after the level, before the findings) so that
 * a reviewer or a script ({@code jq '.riskAssessment.categories[] | .summary'}) need not recompute
 * them; they are ignored on read because the findings decide them, which also keeps audits written
 * before they existed readable.
 */
@JsonPropertyOrder({"level", "categories", "findings"})
abstract class RiskAssessmentMixin {
  @JsonProperty(value = "categories", access = JsonProperty.Access.READ_ONLY)
  abstract List<CategoryRisk> categories();
}
