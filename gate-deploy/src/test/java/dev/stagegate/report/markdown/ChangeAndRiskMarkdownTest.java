package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.GoldenFile;
import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeAndRiskMarkdownTest {
  private final String markdown =
      AuditMarkdown.standard()
          .withChecklists(DeployFacts.none())
          .render(ChangeFixtures.withChange());
  private final MarkdownTree tree = MarkdownTree.parse(markdown);

  @Test
  void matchesGoldenFile() throws Exception {
    GoldenFile.assertMatches(markdown, "dev/stagegate/report/golden/with-change.md");
  }

  @Test
  void sectionsFollowTheGateTable() {
    assertThat(tree.headings())
        .startsWith(
            "# Stability audit",
            "## What was tested",
            "## Gates",
            "## Change summary",
            "### Uncommitted changes",
            "## Risk assessment",
            "### Risk findings",
            "## Gate: shop.ShopGateTest#healthy");
  }

  @Test
  void hostilePathsSubjectsAndLinesStayInTheirCells() {
    List<List<List<String>>> tables = tree.tables();
    List<List<String>> files = tables.get(1);
    assertThat(files.get(0)).containsExactly("File", "Change", "Commits");
    assertThat(files.get(1))
        .containsExactly(
            "app/core/database.py",
            "MODIFY",
            "Raise pool_size to 50 | sale traffic\nAdd `pool_pre_ping`");
    assertThat(files.get(2))
        .containsExactly("app/db/session.py", "RENAME from app/session.py", "Move session");
    assertThat(files.get(3)).containsExactly("docs/<b>notes</b>.md", "ADD", "");
    assertThat(tree.html()).doesNotContain("<b>notes");

    List<List<String>> uncommitted = tables.get(2);
    assertThat(uncommitted)
        .containsExactly(
            List.of("Path", "State"),
            List.of("app/main.py", "staged"),
            List.of(".env", "untracked"));

    List<List<String>> categories = tables.get(3);
    assertThat(categories)
        .extracting(row -> row.get(0) + " | " + row.get(1) + " | " + row.get(2))
        .containsExactly(
            "Category | Risk | Files",
            "Database | HIGH | app/core/database.py (database-engine, db-pool)",
            "Entry points and process managers | MEDIUM | app/main.py (app-entry-point)");
    assertThat(markdown)
        .contains(
            "| Entry points and process managers | MEDIUM | app/main.py (app-entry-point) | the"
                + " entry point: an import error keeps the service from starting |\n\n"
                + "No change: Networking, AI model cost, Secrets and configuration.\n");

    List<List<String>> findings = tables.get(4);
    assertThat(findings.get(0))
        .containsExactly("Level", "Category", "File", "Rule", "Why", "Matching line");
    assertThat(findings.get(2))
        .containsExactly(
            "HIGH",
            "DATABASE",
            "app/core/database.py",
            "db-pool",
            "pool sizing decides how many connections every worker holds",
            "engine = create_engine(url, pool_size=50) # `|` *");
    assertThat(findings).hasSize(4);
  }

  @Test
  void aFileChangedByManyCommitsShowsTwoSubjectsCutAndCountsTheRest() {
    String longSubject = "Audit: " + "a first screen that decides ".repeat(10);
    assertThat(ChangeSummarySection.subjects(List.of(longSubject, "second", "third", "fourth")))
        .isEqualTo(longSubject.substring(0, 80) + "…\nsecond\n(+2 more)");
    assertThat(ChangeSummarySection.subjects(List.of("only"))).isEqualTo("only");
    assertThat(ChangeSummarySection.subjects(List.of())).isEmpty();
  }

  @Test
  void withoutARepositoryTheRiskIsNotJudged() {
    ChangeSummary none = ChangeSummary.notARepository(Path.of("/srv/app"));
    AuditReport report =
        new AuditReport(
            1, AuditFixtures.T0, List.of(), none, new RiskAssessment(RiskLevel.LOW, List.of()));

    String md = AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(report);

    assertThat(md)
        .contains(
            "## Change summary\n\n- Base: none\n- Head: none\n- 0 files changed\n"
                + "- Note: not a git repository: /srv/app; the change summary is empty\n")
        .contains("None: the working tree matched HEAD.")
        .contains(
            "## Risk assessment\n\n**Risk: not judged** · not a git repository: /srv/app; the"
                + " change summary is empty\n")
        .doesNotContain("no change");
    assertThat(RiskAssessmentSection.compactLines(report))
        .containsExactly(
            "**Risk**: not judged · not a git repository: /srv/app; the change summary is empty");
  }

  @Test
  void withoutABaseEveryLineSaysOnlyTheLastCommitWasLookedAt() {
    ChangeSummary lastCommitOnly =
        new ChangeSummary(
            null,
            null,
            "2".repeat(40),
            ChangeSummary.NO_BASE,
            BaseSource.NONE,
            List.of(),
            0,
            UncommittedChanges.NONE,
            List.of(ChangeSummary.NO_BASE_NOTE));
    AuditReport report =
        new AuditReport(
            2,
            AuditFixtures.T0,
            List.of(),
            lastCommitOnly,
            new RiskAssessment(RiskLevel.LOW, List.of()));

    String md = AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(report);

    assertThat(md)
        .contains(
            "- Base: **none** · no base: only the last commit was looked at; set"
                + " stagegate.git.base or record deployments\n")
        .contains(
            "**Risk: LOW** · 0 of 5 categories changed · no base: only the last commit was"
                + " looked at\n\nNo change in any category: Database, Networking, AI model cost,"
                + " Secrets and configuration, Entry points and process managers.\n")
        .doesNotContain("| Database |")
        .doesNotContain("Note: no base");
    assertThat(RiskAssessmentSection.compactLines(report))
        .containsExactly(
            "**Database**: no change",
            "**Networking**: no change",
            "**AI model cost**: no change",
            "**Secrets and configuration**: no change",
            "**Entry points and process managers**: no change",
            "no base: only the last commit was looked at; set stagegate.git.base or record"
                + " deployments");
  }

  @Test
  void compactLinesNameTheFirstFilesAndCountTheRestWithHostilePathsInCode() {
    List<RiskFinding> findings = new ArrayList<>();
    for (String f :
        List.of(
            "migrations/versions/0001_init.py",
            "migrations/versions/0002_`x`.py",
            "migrations/versions/0003_c.py",
            "migrations/versions/0004_d.py")) {
      findings.add(
          new RiskFinding(
              f, "db-migrations", RiskCategory.DATABASE, RiskLevel.HIGH, "migrations", null));
    }
    findings.add(
        new RiskFinding(
            "deploy/nginx/nginx.conf",
            "proxy-config",
            RiskCategory.NETWORKING,
            RiskLevel.HIGH,
            "proxy",
            null));
    AuditReport report =
        new AuditReport(
            2, AuditFixtures.T0, List.of(), ChangeFixtures.change(), RiskAssessment.of(findings));

    assertThat(RiskAssessmentSection.compactLines(report))
        .containsExactly(
            "**Database**: HIGH · `migrations/versions/0001_init.py`,"
                + " ``migrations/versions/0002_`x`.py``, `migrations/versions/0003_c.py` and 1"
                + " more · db-migrations",
            "**Networking**: HIGH · `deploy/nginx/nginx.conf` · proxy-config",
            "**AI model cost**: no change",
            "**Secrets and configuration**: no change",
            "**Entry points and process managers**: no change");
    assertThat(AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(report))
        .contains(
            "**Risk: HIGH** · 2 of 5 categories changed · compared with `origin/main` (the"
                + " merge-base with the default branch)");
  }

  @Test
  void reportWithoutThemHasNoSuchSections() {
    assertThat(
            AuditMarkdown.standard()
                .withChecklists(DeployFacts.none())
                .render(AuditFixtures.small()))
        .doesNotContain("Change summary")
        .doesNotContain("Risk assessment");
  }
}
