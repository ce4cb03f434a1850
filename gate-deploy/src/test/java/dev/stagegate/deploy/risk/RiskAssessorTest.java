package dev.stagegate.deploy.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagegate.deploy.change.AddedLines;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
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

  @ParameterizedTest(name = "{0} meets {1} without a service root")
  @CsvSource({
    "services/api/app/core/database.py, database-engine",
    "services/api/app/models/user.py, database-models",
    "services/api/app/models/billing/invoice.py, database-models",
    "services/api/app/core/config.py, app-config",
    "services/api/app/main.py, app-entry-point",
    "services/api/.env.production, env-file",
    "services/api/docker-compose.override.yml, compose-file",
  })
  void theSeedsDangerousFilesMatchAtAnyDepthOfAMonorepo(String path, String ruleId)
      throws Exception {
    RiskAssessment risk = RiskAssessor.assess(changeOf(path), f -> List.of(), RiskRules.defaults());

    assertThat(risk.findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId)
        .containsExactly(tuple(path, ruleId));
  }

  private static final String ANCHORED =
      "rules:\n"
          + "  - id: billing-core\n"
          + "    path: 'billing/core/*.py'\n"
          + "    category: DATABASE\n"
          + "    level: HIGH\n"
          + "    why: invoices\n";

  @Test
  void anAnchoredRuleMatchesFromTheServiceRootToo() throws Exception {
    RiskRules rules = RiskRules.parse(ANCHORED, "stagegate-risk.yml");
    String path = "services/shop/billing/core/tax.py";

    assertThat(RiskAssessor.assess(changeOf(path), f -> List.of(), rules).findings()).isEmpty();
    assertThat(
            RiskAssessor.assess(changeOf(path), f -> List.of(), rules, "services/shop").findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId)
        .containsExactly(tuple(path, "billing-core"));
  }

  @Test
  void filesOutsideTheServiceRootMatchOnlyFromTheRepositoryRoot() throws Exception {
    RiskAssessment risk =
        RiskAssessor.assess(
            changeOf(
                "tools/billing/core/tax.py",
                "services/shopx/billing/core/tax.py",
                "billing/core/tax.py"),
            f -> List.of(),
            RiskRules.parse(ANCHORED, "stagegate-risk.yml"),
            "services/shop");

    assertThat(risk.findings())
        .extracting(RiskFinding::file, RiskFinding::ruleId)
        .containsExactly(tuple("billing/core/tax.py", "billing-core"));
  }

  @ParameterizedTest(name = "{1} flags {0}")
  @CsvSource({
    "app/core/database.py, database-engine, DATABASE, HIGH",
    "app/models/order.py, database-models, DATABASE, HIGH",
    "app/core/config.py, app-config, SECRETS_CONFIG, HIGH",
    "settings.py, app-config, SECRETS_CONFIG, HIGH",
    "services/api/config/logging.yaml, config-module, SECRETS_CONFIG, MEDIUM",
    "compose.yaml, compose-file, NETWORKING, HIGH",
    "compose.ci.yml, compose-file, NETWORKING, HIGH",
    "deploy/nginx/nginx.conf, proxy-config, NETWORKING, HIGH",
    "deploy/traefik/dynamic.yml, proxy-config, NETWORKING, HIGH",
    "migrations/versions/0002_add_email.py, db-migrations, DATABASE, HIGH",
    "services/api/alembic/versions/7f3a_orders.py, db-migrations, DATABASE, HIGH",
    "services/api/alembic.ini, db-migrations, DATABASE, HIGH",
    "db/schema.sql, db-schema-file, DATABASE, HIGH",
    "prisma/schema.prisma, db-schema-file, DATABASE, HIGH",
    "Procfile, process-manager, PROCESS_MANAGEMENT, MEDIUM",
    "deploy/supervisor/worker.conf, process-manager, PROCESS_MANAGEMENT, MEDIUM",
    "deploy/supervisord.conf, process-manager, PROCESS_MANAGEMENT, MEDIUM",
    "deploy/agents-worker.service, process-manager, PROCESS_MANAGEMENT, MEDIUM",
    "services/worker/celeryconfig.py, process-manager, PROCESS_MANAGEMENT, MEDIUM",
    "services/api/wsgi.py, entry-point, PROCESS_MANAGEMENT, MEDIUM",
    "manage.py, entry-point, PROCESS_MANAGEMENT, MEDIUM",
    "docker-compose.yml, compose-file, NETWORKING, HIGH",
    "deploy/docker-compose.prod.yml, compose-file, NETWORKING, HIGH",
    "app/main.py, app-entry-point, PROCESS_MANAGEMENT, MEDIUM",
    ".env, env-file, SECRETS_CONFIG, HIGH",
    ".env.production, env-file, SECRETS_CONFIG, HIGH",
    "deploy/.env.staging, env-file, SECRETS_CONFIG, HIGH",
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
      quoteCharacter = '§', // the lines hold both kinds of quotes
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
        "services/llm.py|ai-model-name|DEFAULT_LLM = \"gpt-4o-mini\"",
        "config/ai.yaml|ai-model-name|  fallback: claude-3-5-haiku-20241022",
        ".env.production|ai-model-name|OPENAI_MODEL=gpt-4.1",
        "services/llm.py|ai-token-limit|    max_completion_tokens=2048,",
        "services/llm.py|ai-token-limit|MAX_OUTPUT_TOKENS = 8192",
        ".env.production|ai-api-key|ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}",
        "requirements.txt|ai-sdk|openai==1.51.0",
        "services/api/pyproject.toml|ai-sdk|    \"anthropic>=0.39\",",
        "migrations/versions/0002_add_email.py|db-schema-code|    op.add_column('users', sa.Column('email', sa.String(255)))",
        "app/models/user.py|db-schema-code|    email = mapped_column(String(255), unique=True)",
        "app/core/config.py|db-url|    DATABASE_URL: str = \"postgresql://db:5432/agents\"",
        "docker-compose.yml|compose-environment|    env_file: .env.production",
        "docker-compose.yml|compose-command|    command: celery -A app.tasks beat --loglevel=info",
        "docker-compose.yml|compose-command|    restart: unless-stopped",
        "deploy/nginx/nginx.conf|proxy-routing|    proxy_pass http://api:8000;",
        "docker-compose.yml|proxy-routing|      - traefik.http.routers.api.rule=Host(`api.example.org`)",
        "Dockerfile|dockerfile-expose|EXPOSE 8000",
        "Dockerfile|dockerfile-start|CMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\"]",
        "services/worker/Dockerfile.worker|dockerfile-start|ENTRYPOINT [\"celery\"]",
        "app/core/config.py|env-read|    REDIS_URL = os.environ.get(\"REDIS_URL\", \"redis://redis:6379/0\")",
        "app/tasks.py|celery-beat|app.conf.beat_schedule = {",
        "app/tasks.py|celery-beat|    'schedule': crontab(minute='*/5'),",
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "docs/risk-rules.md",
    "README.md",
    "CHANGELOG.md",
    "gate-report/src/test/java/dev/stagegate/report/risk/RiskAssessorTest.java",
    "services/api/tests/test_llm.py",
    "services/api/app/test_config.py",
    "web/src/llm.spec.ts",
  })
  void contentRulesWithoutAPathSkipDocumentationAndTests(String path) throws Exception {
    List<String> lines =
        List.of("max_tokens=4096", "OPENAI_API_KEY=x", "pool_size=50", "proxy_pass http://api;");

    assertThat(assess(changeOf(path), Map.of(path, lines)).findings()).isEmpty();
  }

  @Test
  void aRuleWithAPathGlobStillReadsDocumentation() throws Exception {
    RiskRules rules =
        RiskRules.parse(
            "rules:\n"
                + "  - id: runbook-tokens\n"
                + "    path: '**'\n"
                + "    content: 'max_tokens'\n"
                + "    category: AI_MODEL_COST\n"
                + "    level: LOW\n"
                + "    why: the runbook tells on-call which limit to use\n",
            "stagegate-risk.yml");

    RiskAssessment risk =
        RiskAssessor.assess(
            changeOf("docs/runbook.md"), f -> List.of("set max_tokens to 512"), rules);

    assertThat(risk.findings())
        .extracting(RiskFinding::ruleId, RiskFinding::line)
        .containsExactly(tuple("runbook-tokens", "set max_tokens to 512"));
  }

  @Test
  void pathRulesStillApplyToTestDirectories() throws Exception {
    assertThat(assess(changeOf("tests/.env.test"), Map.of()).findings())
        .extracting(RiskFinding::ruleId)
        .containsExactly("env-file");
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
        .containsExactly(pool.substring(0, 300) + "…", "OPENAI_API_KEY=[REDACTED:openai-key]");
  }

  @Test
  void contentMatchesNeverQuoteTheSecretsOnTheirLines() throws Exception {
    String anthropic = "sk-ant-api03-" + "Q7vN2kLm9xR4tY8wZ1bC3dF5gH6jK0pS".repeat(3) + "-AbCdEfAA";
    String dbPassword = "Tr0ub4dor-and-3";
    String custom = "v3ry-l0ng-h0mema4e-k3y-value";
    RiskAssessment risk =
        assess(
            changeOf(".env.production", "app/core/config.py"),
            Map.of(
                ".env.production",
                List.of(
                    "ANTHROPIC_API_KEY=" + anthropic,
                    "OPENAI_MODEL=gpt-4o",
                    "DATABASE_URL=postgresql://agents:" + dbPassword + "@db:5432/agents"),
                "app/core/config.py",
                List.of("    llm_api_key: str = \"" + custom + "\"  # max_tokens=4096")));

    assertThat(risk.findings())
        .extracting(RiskFinding::ruleId)
        .contains("env-file", "ai-api-key", "ai-model-name", "db-url", "ai-token-limit");
    assertThat(risk.findings())
        .allSatisfy(
            f ->
                assertThat(String.valueOf(f.line()))
                    .doesNotContain(anthropic)
                    .doesNotContain(dbPassword)
                    .doesNotContain(custom));
    assertThat(risk.findings())
        .filteredOn(f -> f.ruleId().equals("db-url"))
        .singleElement()
        .extracting(RiskFinding::line)
        .asString()
        .startsWith("DATABASE_URL=postgresql://agents:")
        .endsWith("@db:5432/agents");
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
    assertThat(LineRedaction.redact("    openai_api_key: str = \"abc123xyz\""))
        .isEqualTo("    openai_api_key: str = \"<redacted>\"");
    assertThat(LineRedaction.redact("    db_password: Optional[str] = None"))
        .isEqualTo("    db_password: Optional[str] = None");
    assertThat(LineRedaction.redact("    secret_key: str | None = 'abc123xyz'"))
        .isEqualTo("    secret_key: str | None = '<redacted>'");
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
