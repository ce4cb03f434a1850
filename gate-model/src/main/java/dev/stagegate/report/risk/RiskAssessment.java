package dev.stagegate.report.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How risky a change is, with the findings behind the verdict. The level is the highest of the
 * findings' levels, LOW when there are none; {@link #categories()} sums them up per category.
 *
 * <pre>{@code
 * RiskAssessment risk = RiskAssessor.assess(change, lines, RiskRules.defaults());
 * if (risk.level() == RiskLevel.HIGH) {
 *   System.out.println(risk.findings().size() + " findings need a careful review");
 * }
 * }</pre>
 *
 * @param level the overall level
 * @param findings highest level first, then by file and rule id
 */
public record RiskAssessment(RiskLevel level, List<RiskFinding> findings) {
  public RiskAssessment {
    Objects.requireNonNull(level, "level");
    findings = List.copyOf(findings);
  }

  /** An assessment of the findings, with the level derived from them. */
  public static RiskAssessment of(List<RiskFinding> findings) {
    RiskLevel level =
        findings.stream().map(RiskFinding::level).reduce(RiskLevel.LOW, RiskLevel::max);
    return new RiskAssessment(level, findings);
  }

  /**
   * One entry per {@link RiskCategory}, in the enum's order, each with its files and reasons or no
   * change: the seed's questions (database, networking, AI model cost, …) answered one by one.
   */
  public List<CategoryRisk> categories() {
    List<CategoryRisk> all = new ArrayList<>();
    for (RiskCategory c : RiskCategory.values()) {
      all.add(CategoryRisk.of(c, findings));
    }
    return all;
  }
}
