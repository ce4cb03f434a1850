package dev.stagegate.deploy.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagegate.deploy.change.GitAddedLines;
import dev.stagegate.deploy.change.GitChangeReader;
import dev.stagegate.deploy.change.TestRepo;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskRulesTest {
  private static final String CUSTOM =
      """
      # Billing owns money; the entry point is covered by smoke checks already.
      disable:
        - app-entry-point
      rules:
        - id: billing
          path: 'services/billing/**'
          category: DATABASE
          level: HIGH
          why: billing tables hold invoices; a bad change bills customers twice
        - id: feature-flags
          path: '*.env'
          content: '^FEATURE_[A-Z_]+='
          category: secrets_config
          level: low
          why: feature flags switch behaviour for every user at once
      """;

  @Test
  void defaultsHaveUniqueIdsAndAReasonEach() {
    List<RiskRule> rules = RiskRules.defaults().rules();
    assertThat(rules).extracting(RiskRule::id).doesNotHaveDuplicates();
    assertThat(rules).allSatisfy(r -> assertThat(r.why()).isNotBlank().doesNotEndWith("."));
  }

  @Test
  void customFileAddsRulesAndDisablesDefaults() {
    RiskRules rules = RiskRules.parse(CUSTOM, "stagegate-risk.yml");

    assertThat(rules.rules()).extracting(RiskRule::id).doesNotContain("app-entry-point");
    assertThat(rules.rules())
        .extracting(RiskRule::id)
        .endsWith("billing", "feature-flags")
        .hasSize(RiskRules.defaults().rules().size() - 1 + 2);
    RiskRule flags = rules.rules().get(rules.rules().size() - 1);
    assertThat(flags.category()).isEqualTo(RiskCategory.SECRETS_CONFIG);
    assertThat(flags.level()).isEqualTo(RiskLevel.LOW);
    assertThat(flags.appliesTo("deploy/staging.env")).isTrue();
    assertThat(flags.content().orElseThrow().matcher("FEATURE_NEW_CART=1").find()).isTrue();
  }

  @Test
  void emptyFileKeepsTheDefaults() {
    assertThat(RiskRules.parse("# nothing yet\n", "stagegate-risk.yml"))
        .isEqualTo(RiskRules.defaults());
  }

  @Test
  void aDefaultCanBeReplacedOnceDisabled() {
    RiskRules rules =
        RiskRules.parse(
            """
            disable: [app-entry-point]
            rules:
              - id: app-entry-point
                path: app/main.py
                category: PROCESS_MANAGEMENT
                level: HIGH
                why: our entry point also runs migrations
            """,
            "stagegate-risk.yml");

    assertThat(rules.rules())
        .filteredOn(r -> r.id().equals("app-entry-point"))
        .singleElement()
        .extracting(RiskRule::level)
        .isEqualTo(RiskLevel.HIGH);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // yaml (\n for line breaks) | line | message part | fix part
        "rules:\\n  - id: x\\n    path: a\\n    category: DATABASE\\n    level: CRITICAL\\n    why: w"
            + "|5|level 'CRITICAL' is not a level|use one of LOW, MEDIUM, HIGH",
        "rules:\\n  - id: x\\n    path: a\\n    category: DISK\\n    level: LOW\\n    why: w"
            + "|4|category 'DISK' is not a category|use one of DATABASE, NETWORKING",
        "rules:\\n  - id: x\\n    content: '(unclosed'\\n    category: DATABASE\\n    level: LOW"
            + "\\n    why: w|3|content is not a valid Java regex: Unclosed group|single quotes",
        "rules:\\n  - id: x\\n    path: 'a{b'\\n    category: DATABASE\\n    level: LOW\\n    why: w"
            + "|3|path 'a{b' is not a valid glob: '{' is not closed|not nested",
        "rules:\\n  - id: x\\n    path: a\\n    category: DATABASE\\n    level: LOW"
            + "|2|the rule starting here has no why|add 'why: one sentence",
        "rules:\\n  - id: x\\n    category: DATABASE\\n    level: LOW\\n    why: w"
            + "|2|rule 'x' has neither path nor content|add 'path:'",
        "rules:\\n  - id: x\\n    paths: a\\n    category: DATABASE\\n    level: LOW\\n    why: w"
            + "|3|unknown rule key 'paths'|use only id, path, content, category, level, why",
        "disable:\\n  - database-engine\\n  - no-such-rule"
            + "|3|disable names 'no-such-rule', which is not a default rule"
            + "|use one of the default ids: database-engine, database-models",
        "rules:\\n  - id: db-pool\\n    path: a\\n    category: DATABASE\\n    level: LOW\\n    why: w"
            + "|2|rule id 'db-pool' is a default rule's id|add 'db-pool' to disable:",
        "rule:\\n  - id: x|1|unknown key 'rule'|use only 'rules:' and 'disable:'",
        "rules: app/**|1|'rules:' must be a list, but is a single value|write a list",
        "- id: x|1|the file must be a mapping, but starts with a list|start with 'rules:'",
        "rules:\\n  - id: x\\n    path: [a, b]\\n|3|path must be a single value, but found a list"
            + "|write it on one line",
        "rules:\\n  - id: x\\n    path: a\\n    why: 'unclosed\\n|4|not valid YAML: while scanning a quoted"
            + "|check the indentation and quoting",
      })
  void badFileIsReportedWithFileLineAndFix(String yaml, int line, String problem, String fix) {
    assertThatThrownBy(() -> RiskRules.parse(yaml.replace("\\n", "\n"), "repo/stagegate-risk.yml"))
        .isInstanceOfSatisfying(
            RiskRulesException.class,
            e -> {
              assertThat(e.source()).isEqualTo("repo/stagegate-risk.yml");
              assertThat(e.line()).isEqualTo(line);
            })
        .hasMessageStartingWith("repo/stagegate-risk.yml:" + line + ": ")
        .hasMessageContaining(problem)
        .hasMessageContaining("Fix: ")
        .hasMessageContaining(fix);
  }

  @Test
  void loadReadsTheFileAtTheRootOrFallsBackToDefaults(@TempDir Path dir) throws Exception {
    assertThat(RiskRules.load(dir)).isEqualTo(RiskRules.defaults());

    Files.writeString(dir.resolve(RiskRules.FILE_NAME), "disable: [env-file]\n");
    assertThat(RiskRules.load(dir).rules()).extracting(RiskRule::id).doesNotContain("env-file");

    Files.writeString(dir.resolve(RiskRules.FILE_NAME), "disable: [nope]\n");
    assertThatThrownBy(() -> RiskRules.load(dir))
        .hasMessageStartingWith(dir.resolve(RiskRules.FILE_NAME) + ":1: ");
  }

  @Test
  void assessesARealRepositoryWithItsRulesFile(@TempDir Path dir) throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("app/core/database.py", "engine = create_engine(url)\n")
          .write("services/billing/invoice.py", "def bill(): ...\n")
          .write("app/main.py", "app = FastAPI()\n")
          .write(RiskRules.FILE_NAME, CUSTOM);
      repo.commit("Shop");
      repo.branch("feature");
      repo.write("app/core/database.py", "engine = create_engine(url, pool_size=40)\n")
          .write("services/billing/invoice.py", "def bill(): charge()\n")
          .write("app/main.py", "app = FastAPI(debug=True)\n");
      repo.commit("Bigger pool, charge on bill, debug");

      Path root = GitChangeReader.workTree(dir.resolve("app")).orElseThrow();
      ChangeSummary change = new GitChangeReader().read(dir.resolve("app"), Optional.empty());
      RiskAssessment risk;
      try (GitAddedLines lines = GitAddedLines.open(dir, change)) {
        risk = RiskAssessor.assess(change, lines, RiskRules.load(root));
      }

      assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
      assertThat(risk.findings())
          .extracting(RiskFinding::file, RiskFinding::ruleId, RiskFinding::line)
          .containsExactly(
              tuple("app/core/database.py", "database-engine", null),
              tuple("app/core/database.py", "db-pool", "engine = create_engine(url, pool_size=40)"),
              tuple("services/billing/invoice.py", "billing", null));
    }
  }
}
