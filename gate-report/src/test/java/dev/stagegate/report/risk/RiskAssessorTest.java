package dev.stagegate.report.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagegate.report.change.AddedLines;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskAssessorTest {
  static ChangeSummary changeOf(String... paths) {
    List<ChangedFile> files = new ArrayList<>();
    for (String p : paths) {
      files.add(new ChangedFile(p, ChangeType.MODIFY, null, List.of("a commit")));
    }
    return new ChangeSummary(
        "main",
        "b".repeat(40),
        "h".repeat(40),
        "merge-base with main",
        files,
        files.size(),
        UncommittedChanges.NONE,
        List.of());
  }

  static RiskAssessment assess(ChangeSummary change, Map<String, List<String>> lines)
      throws Exception {
    AddedLines added = f -> lines.getOrDefault(f.path(), List.of());
    return RiskAssessor.assess(change, added, RiskRules.defaults());
  }

  @ParameterizedTest(name = "{0} in service root examples/agents meets {1}")
  @CsvSource({
    "examples/agents/app/core/database.py, database-engine",
    "examples/agents/app/models/agent.py, database-models",
    "examples/agents/app/core/config.py, app-config",
    "examples/agents/app/main.py, app-entry-point",
  })
  void anchoredPathRulesMatchFromTheServiceRootToo(String path, String ruleId) throws Exception {
    RiskAssessment fromRepoRoot =
        RiskAssessor.assess(changeOf(path), f -> List.of(), RiskRules.defaults());
    RiskAssessment fromServiceRoot =
        RiskAssessor.assess(
            changeOf(path), f -> List.of(), RiskRules.defaults(), "examples/agents");

    assertThat(fromRepoRoot.findings()).extracting(RiskFinding::ruleId).doesNotContain(ruleId);
    assertThat(fromServiceRoot.findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId)
        .contains(tuple(path, ruleId));
  }

  @Test
  void filesOutsideTheServiceRootMatchOnlyFromTheRepositoryRoot() throws Exception {
    RiskAssessment risk =
        RiskAssessor.assess(
            changeOf("tools/app/core/database.py", "examples/agentsx/app/main.py", "app/main.py"),
            f -> List.of(),
            RiskRules.defaults(),
            "examples/agents");

    assertThat(risk.findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId)
        .containsExactly(tuple("app/main.py", "app-entry-point"));
  }

  @ParameterizedTest(name = "{1} flags {0}")
  @CsvSource({
    "app/core/database.py, database-engine, DATABASE, HIGH",
    "app/models/order.py, database-models, DATABASE, HIGH",
    "app/core/config.py, app-config, AI_MODEL_COST, HIGH",
    "docker-compose.yml, compose-file, NETWORKING, HIGH",
    "deploy/docker-compose.prod.yml, compose-file, NETWORKING, HIGH",
    "app/main.py, app-entry-point, PROCESS_MANAGEMENT, MEDIUM",
    ".env, env-file, SECRETS_CONFIG, HIGH",
    ".env.production, env-production, SECRETS_CONFIG, HIGH",
    "ecosystem.config.js, pm2-ecosystem, PROCESS_MANAGEMENT, MEDIUM",
    "deploy/nginx/site.conf, proxy-config, NETWORKING, HIGH",
    "Caddyfile, proxy-config, NETWORKING, HIGH",
    "alembic/migrations/versions/42_add_orders.py, db-migrations, DATABASE, HIGH",
  })
  void everyDefaultPathRuleFlagsItsFile(
      String path, String ruleId, RiskCategory category, RiskLevel level) throws Exception {
    RiskAssessment risk = assess(changeOf(path), Map.of());

    assertThat(risk.findings())
        .extracting(
            RiskFinding::file, RiskFinding::ruleId, RiskFinding::category, RiskFinding::level)
        .containsExactly(tuple(path, ruleId, category, level));
    assertThat(risk.findings().get(0).line()).isNull();
    assertThat(risk.findings().get(0).why()).isNotBlank();
    assertThat(risk.level()).isEqualTo(level);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "services/llm.py|ai-model-name|    model = \"gpt-4o\"",
        "services/llm.py|ai-model-name|MODEL_NAME: 'claude-3-5-sonnet'",
        "services/llm.py|ai-token-limit|    max_tokens=4096,",
        "services/llm.py|ai-api-key|client = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"])",
        "docker-compose.yml|compose-ports|      - \"8081:8000\"",
        "docker-compose.yml|compose-ports|    ports:",
        "docker-compose.yml|compose-networks|    networks:",
        "db/schema.sql|db-schema-sql|ALTER TABLE orders ADD COLUMN total numeric;",
        "db/schema.sql|db-schema-sql|drop index orders_by_user;",
        "app/db.py|db-pool|engine = create_engine(url, pool_size=50, max_overflow=10)",
      })
  void everyDefaultContentRuleFlagsItsLine(String path, String ruleId, String line)
      throws Exception {
    RiskAssessment risk = assess(changeOf(path), Map.of(path, List.of("unrelated", line)));

    assertThat(risk.findings())
        .filteredOn(f -> f.ruleId().equals(ruleId))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.file()).isEqualTo(path);
              assertThat(f.line()).isEqualTo(line.strip());
            });
  }

  @Test
  void composeContentRulesIgnoreOtherFiles() throws Exception {
    RiskAssessment risk =
        assess(changeOf("docs/ops.md"), Map.of("docs/ops.md", List.of("ports:", "networks:")));

    assertThat(risk.findings()).isEmpty();
    assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
  }

  @Test
  void benignChangesAreLow() throws Exception {
    RiskAssessment risk =
        assess(
            changeOf("README.md", "app/routes/items.py"),
            Map.of("app/routes/items.py", List.of("return {'items': items}", "model = Item")));

    assertThat(risk.findings()).isEmpty();
    assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
  }

  @Test
  void reportsOneFindingPerFileAndRuleHighestLevelFirst() throws Exception {
    RiskAssessment risk =
        assess(
            changeOf("app/main.py", "docker-compose.yml"),
            Map.of(
                "app/main.py", List.of("app = FastAPI()"),
                "docker-compose.yml",
                    List.of("    ports:", "      - \"80:80\"", "      - 443:443")));

    assertThat(risk.findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId, RiskFinding::line)
        .containsExactly(
            tuple("docker-compose.yml", "compose-file", null),
            tuple("docker-compose.yml", "compose-ports", "ports:"),
            tuple("app/main.py", "app-entry-point", null));
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void mediumOnlyChangeIsMedium() throws Exception {
    assertThat(assess(changeOf("ecosystem.config.js"), Map.of()).level())
        .isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void uncommittedPathsMeetPathRules() throws Exception {
    ChangeSummary change =
        new ChangeSummary(
            null,
            null,
            "h".repeat(40),
            "none",
            List.of(),
            0,
            new UncommittedChanges(List.of(), List.of("app/main.py"), List.of(".env"), false),
            List.of());

    RiskAssessment risk = assess(change, Map.of());

    assertThat(risk.findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId)
        .containsExactly(tuple(".env", "env-file"), tuple("app/main.py", "app-entry-point"));
  }

  @Test
  void quotedLinesHaveSecretsRedactedAndAreCut() throws Exception {
    String key = "OPENAI_API_KEY=sk-live-0123456789abcdef";
    String pool = "pool_size = 5  # " + "x".repeat(400);
    RiskAssessment risk =
        assess(
            changeOf("svc.env", "app/db.py"),
            Map.of("svc.env", List.of(key), "app/db.py", List.of(pool)));

    assertThat(risk.findings())
        .extracting(RiskFinding::line)
        .containsExactly(pool.substring(0, 300) + "…", "OPENAI_API_KEY=<redacted>");
  }

  @Test
  void redactionKeepsNumbersAndReferences() {
    assertThat(LineRedaction.redact("max_tokens: 4096")).isEqualTo("max_tokens: 4096");
    assertThat(LineRedaction.redact("key = os.getenv('OPENAI_API_KEY')"))
        .isEqualTo("key = os.getenv('OPENAI_API_KEY')");
    assertThat(LineRedaction.redact("api_key: ${OPENAI_API_KEY}"))
        .isEqualTo("api_key: ${OPENAI_API_KEY}");
    assertThat(LineRedaction.redact("\"SECRET_KEY\": \"abc123xyz\","))
        .isEqualTo("\"SECRET_KEY\": \"<redacted>\",");
    assertThat(LineRedaction.redact("headers = {'Authorization': 'Bearer sk-abcdefgh12345'}"))
        .isEqualTo("headers = {'Authorization': 'Bearer <redacted>'}");
  }

  @Test
  void noRepositoryMeansNoFindings() throws Exception {
    RiskAssessment risk =
        assess(ChangeSummary.notARepository(java.nio.file.Path.of("/nowhere")), Map.of());

    assertThat(risk).isEqualTo(new RiskAssessment(RiskLevel.LOW, List.of()));
  }
}
