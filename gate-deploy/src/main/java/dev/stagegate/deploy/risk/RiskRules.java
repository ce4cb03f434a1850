package dev.stagegate.deploy.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules a change is assessed with: the defaults, minus the ones a repository disables, plus its
 * own, read from {@value #FILE_NAME} at the repository root (format: {@code docs/risk-rules.md}).
 *
 * <pre>{@code
 * RiskRules rules = RiskRules.load(repoRoot); // defaults when the file is absent
 * RiskRules custom = RiskRules.parse(yaml, "stagegate-risk.yml");
 * }</pre>
 *
 * @param rules in the order applied
 */
public record RiskRules(List<RiskRule> rules) {
  /** The rules file looked for at the repository root. */
  public static final String FILE_NAME = "stagegate-risk.yml";

  public RiskRules {
    rules = List.copyOf(rules);
  }

  /** The built-in rules only. */
  public static RiskRules defaults() {
    return new RiskRules(DefaultRiskRules.RULES);
  }

  /**
   * The defaults adjusted by {@value #FILE_NAME} in {@code repoRoot}, or the defaults when there is
   * no such file.
   *
   * @throws RiskRulesException naming the file, line and fix when the file is not valid
   * @throws IOException when the file exists but cannot be read
   */
  public static RiskRules load(Path repoRoot) throws IOException {
    Path file = repoRoot.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * The defaults adjusted by the given rules file content.
   *
   * @param source names the file in error messages
   * @throws RiskRulesException naming the source, line and fix when the content is not valid
   */
  public static RiskRules parse(String yaml, String source) {
    return new RiskRules(RiskRulesFile.parse(yaml, source, DefaultRiskRules.RULES));
  }
}
