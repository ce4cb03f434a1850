package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentHistory;
import dev.stagegate.report.deploy.DeploymentLog;
import dev.stagegate.report.deploy.Outcome;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import dev.stagegate.report.risk.CategoryRisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the example's audit shows for a realistic change to the example service ({@code
 * examples/agents}, copied as it is in this repository into a monorepo built with JGit): the base
 * from the deployment history, exactly as the example's gates compute it ({@link ReportSession} →
 * {@link ChangeReview} with the module directory and {@code stagegate.report.dir}), and one risk
 * line per category.
 */
class ExampleChangeRiskTest {
  /** The example service in this repository: gate-junit's sibling module. */
  private static final Path EXAMPLE = Path.of("..", "examples", "agents");

  private static final PersonIdent WHO = new PersonIdent("Dev", "dev@example.org");
  private static final String FAKE_KEY =
      "sk-proj-" + "Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF".repeat(2) + "T3BlbkFJ" + "x1Y2z3A4b5C6d7E8";

  @TempDir Path tmp;
  private Path repo;
  private Path service;
  private Path reports;
  private Git git;

  @BeforeEach
  void copyTheExampleIntoAMonorepo() throws Exception {
    repo = tmp.resolve("monorepo");
    service = repo.resolve("examples/agents");
    reports = service.resolve("target/stagegate");
    copy(EXAMPLE, service);
    Files.writeString(repo.resolve(".gitignore"), "target/\n");
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path rel = from.relativize(f);
        if (rel.startsWith("target") || rel.startsWith("src") || Files.isDirectory(f)) {
          continue;
        }
        Path dest = to.resolve(rel.toString());
        Files.createDirectories(dest.getParent());
        Files.copy(f, dest);
      }
    }
  }

  private RevCommit commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).call();
  }

  private void append(String path, String text) throws IOException {
    Path file = service.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private void recordDeployment(RevCommit commit) {
    DeploymentLog.at(reports.resolve("deployments.jsonl"))
        .append(
            new DeploymentEntry(
                Instant.parse("2026-12-06T09:00:00Z"),
                "0.4.0",
                commit.name(),
                "production",
                "release-bot",
                Outcome.SUCCESS,
                Duration.ofSeconds(40),
                List.of(),
                null,
                ""));
  }

  private ChangeReview review(Map<String, String> config) {
    return ChangeReview.of(service, key -> Optional.ofNullable(config.get(key)), reports);
  }

  @Test
  void aChangeToEveryAreaOfTheExampleGetsOneLinePerCategoryAgainstTheDeployedCommit()
      throws Exception {
    RevCommit deployed = commit("Agents 0.4.0");
    recordDeployment(deployed);
    append("app/models/agent.py", "    owner = Column(String(64), nullable=True)\n");
    Files.copy(
        service.resolve("variants/migrations/0003_agent_owner.sql"),
        service.resolve("app/migrations/0003_agent_owner.sql"));
    append("docker-compose.yml", "networks:\n  default:\n    name: agents-net\n");
    append(
        "app/core/config.py",
        "\nLLM_MODEL = os.environ.get(\"LLM_MODEL\", \"gpt-4o-mini\")\n"
            + "MAX_TOKENS = int(os.environ.get(\"MAX_TOKENS\", \"1024\"))\n");
    append(".env.example", "OPENAI_API_KEY=" + FAKE_KEY + "\n");
    append("app/main.py", "\n\n@app.get(\"/version\")\ndef version():\n    return {\"v\": 5}\n");
    commit("Agent owners, a named network, an LLM for scoring");

    ChangeReview review = review(Map.of());
    AuditReport report = AuditReport.of(List.of(), review.change(), review.risk());
    String markdown = AuditMarkdown.standard().render(report);
    String json = AuditJson.write(report);

    assertThat(review.change().baseSource()).isEqualTo(BaseSource.DEPLOYMENT);
    assertThat(review.change().baseCommit()).isEqualTo(deployed.name());
    assertThat(review.risk().categories())
        .extracting(CategoryRisk::summary)
        .containsExactly(
            "Database: HIGH · 2 files: examples/agents/app/migrations/0003_agent_owner.sql,"
                + " examples/agents/app/models/agent.py · db-migrations, db-schema-file,"
                + " db-schema-sql, database-models, db-schema-code",
            "Networking: HIGH · 1 file: examples/agents/docker-compose.yml · compose-file,"
                + " compose-networks",
            "AI model cost: HIGH · 2 files: examples/agents/.env.example,"
                + " examples/agents/app/core/config.py · ai-api-key, ai-model-name,"
                + " ai-token-limit",
            "Secrets and configuration: HIGH · 2 files: examples/agents/.env.example,"
                + " examples/agents/app/core/config.py · env-file, app-config, env-read",
            "Entry points and process managers: MEDIUM · 1 file: examples/agents/app/main.py"
                + " · app-entry-point");
    assertThat(markdown)
        .contains(
            "- Base: `"
                + deployed.name().substring(0, 12)
                + "` (last deployment: 0.4.0 to production at 2026-12-06 09:00:00 UTC, from "
                + reports.resolve("deployments.jsonl")
                + ")")
        .contains("compared with the last deployment (`" + deployed.name().substring(0, 12) + "`)")
        .contains("| Database | HIGH | examples/agents/app/migrations/0003_agent_owner.sql")
        .contains("| Networking | HIGH | examples/agents/docker-compose.yml (compose-file,")
        .contains("| AI model cost | HIGH |")
        .doesNotContain(FAKE_KEY);
    assertThat(json).contains("\"summary\": \"Networking: HIGH").doesNotContain(FAKE_KEY);
  }

  @Test
  void aDocsOnlyChangeSaysNoChangeInEveryCategory() throws Exception {
    RevCommit deployed = commit("Agents 0.4.0");
    recordDeployment(deployed);
    Files.writeString(repo.resolve("README.md"), "# agents\n");
    commit("Docs");

    ChangeReview review = review(Map.of());

    assertThat(review.change().files()).hasSize(1);
    assertThat(review.risk().categories()).noneMatch(CategoryRisk::changed);
    assertThat(RiskLinesOf.markdown(review))
        .contains(
            "No change in any category: Database, Networking, AI model cost, Secrets and"
                + " configuration, Entry points and process managers.");
  }

  @Test
  void withoutAnyHistoryTagOrKeyTheAuditSaysOnlyTheLastCommitWasLookedAt() throws Exception {
    commit("Agents 0.4.0");
    append("app/core/database.py", "# pool_size stays 5\n");
    commit("Comment on the pool");

    ChangeReview review = review(Map.of());

    assertThat(review.change().baseSource()).isEqualTo(BaseSource.NONE);
    assertThat(RiskLinesOf.markdown(review))
        .contains(
            "- Base: **none** · no base: only the last commit was looked at; set"
                + " stagegate.git.base or record deployments")
        .contains("| Database | HIGH | examples/agents/app/core/database.py (database-engine,");
  }

  @Test
  void aConfiguredJsonLogAndEnvironmentAreUsed() throws Exception {
    RevCommit first = commit("Agents 0.4.0");
    append("app/tasks.py", "# staging only\n");
    RevCommit second = commit("Staging tweak");
    append("app/main.py", "# more\n");
    commit("More");
    Path log = tmp.resolve("ops/deployments.jsonl");
    DeploymentLog.at(log).append(entry(first, "production", "2026-12-06T09:00:00Z"));
    DeploymentLog.at(log).append(entry(second, "staging", "2026-12-06T10:00:00Z"));
    Map<String, String> config = new HashMap<>();
    config.put(DeploymentHistory.JSON_LOG, log.toString());
    config.put(ChangeReview.BASE_ENVIRONMENT, "production");

    ChangeReview review = review(config);

    assertThat(review.change().baseCommit()).isEqualTo(first.name());
    assertThat(review.change().baseChoice()).contains("to production").contains(log.toString());
  }

  @Test
  void aBadHistorySettingFailsNamingTheKey() throws Exception {
    commit("Agents 0.4.0");

    assertThatThrownBy(() -> review(Map.of(DeploymentHistory.TAG, "maybe")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessage(
            "Configuration parameter stagegate.history.tag must be true or false but was 'maybe'.");
  }

  private static DeploymentEntry entry(RevCommit commit, String environment, String when) {
    return new DeploymentEntry(
        Instant.parse(when),
        "0.4." + environment.length(),
        commit.name(),
        environment,
        "release-bot",
        Outcome.SUCCESS,
        Duration.ofSeconds(40),
        List.of(),
        null,
        "");
  }

  /** The audit's Markdown for a review alone. */
  private static final class RiskLinesOf {
    static String markdown(ChangeReview review) {
      return AuditMarkdown.standard()
          .render(AuditReport.of(List.of(), review.change(), review.risk()));
    }
  }
}
