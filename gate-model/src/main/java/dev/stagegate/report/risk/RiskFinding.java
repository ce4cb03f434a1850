package dev.stagegate.report.risk;

import java.util.Objects;

/**
 * One rule that a changed file set off.
 *
 * <pre>{@code
 * for (RiskFinding f : risk.findings()) {
 *   System.out.println(f.level() + " " + f.file() + ": " + f.why());
 * }
 * }</pre>
 *
 * @param file the repository-relative path; untrusted text
 * @param ruleId the rule's id
 * @param category the rule's category
 * @param level the rule's level
 * @param why the rule's reason
 * @param line for a content rule, the first added line that matched, with secret-looking values
 *     redacted and cut to {@value #MAX_LINE_CHARS} characters; {@code null} for a path rule;
 *     untrusted text
 */
public record RiskFinding(
    String file, String ruleId, RiskCategory category, RiskLevel level, String why, String line) {
  /** The longest added line a finding quotes; longer lines are cut. */
  public static final int MAX_LINE_CHARS = 300;

  public RiskFinding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(why, "why");
  }
}
