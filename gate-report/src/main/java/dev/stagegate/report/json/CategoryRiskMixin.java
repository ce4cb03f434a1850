package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Jackson annotations for {@link dev.stagegate.report.risk.CategoryRisk}: its one-line summary is
 * written with it, last. Never read: the categories are derived from the findings.
 */
@JsonPropertyOrder({"category", "level", "files", "ruleIds", "reasons", "summary"})
abstract class CategoryRiskMixin {
  @JsonProperty("summary")
  abstract String summary();
}
