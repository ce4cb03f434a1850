package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.deploy.checklist.TestSummary;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistSectionTest {
  static AuditReport passing() {
    return new AuditReport(
        AuditReport.SCHEMA_VERSION,
        AuditFixtures.T0,
        List.of(AuditFixtures.passingGate()),
        ChangeFixtures.change(),
        ChangeFixtures.risk());
  }

  @Test
  void theLegendExplainsTheStatesTheChecklistsShow() {
    String md = AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(passing());

    assertThat(md)
        .contains(
            "## Deploy checklist\n\n✅ done (the evidence shows it) · ✋ manual: a person checks it\n")
        .doesNotContain("⚠️ accepted:")
        .doesNotContain("❌ failed");
    // a failed item brings its state into the legend
    GateResult failed =
        GateResult.builder("a.B#c", GateKind.HEALTHY_SMOKE)
            .displayName("c")
            .verdict(Verdict.PASS)
            .startedAt(AuditFixtures.T0)
            .duration(Duration.ofSeconds(1))
            .composeFile("c.yml")
            .project("p")
            .engine(AuditFixtures.engine())
            .checks(List.of(CheckResult.fail("smoke GET api:8000/health", "status 503", "")))
            .services(List.of())
            .failures(List.of())
            .build();
    String withFailure =
        new AuditMarkdown(List.of(new ChecklistSection(DeployFacts.none())), List.of())
            .render(AuditReport.of(List.of(failed)));
    assertThat(withFailure).startsWith("✅ done (the evidence shows it) · ❌ failed · ✋ manual");
  }

  @Test
  void afterAPassTheChecklistsAreTablesUnderTheDeployChecklistBeforeTheRollback() {
    MarkdownTree tree =
        MarkdownTree.parse(
            AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(passing()));
    List<String> headings = tree.headings();
    int checklist = headings.indexOf("## Deploy checklist");
    assertThat(checklist).isNotNegative();
    assertThat(headings.subList(checklist + 1, checklist + 7))
        .containsExactly(
            "### Staging gate",
            "### Pre-deployment",
            "### During deployment",
            "### Post-deployment: system-facing",
            "### Post-deployment: user-facing",
            "### Rollback");
    List<List<List<String>>> tables =
        tree.tables().stream()
            .filter(t -> t.get(0).equals(List.of("State", "Item", "Evidence")))
            .toList();
    assertThat(tables).hasSize(5);
    List<List<String>> staging = tables.get(0);
    assertThat(staging).hasSize(7); // header and six items
    assertThat(staging.get(1))
        .as("the fixture's build check is not named like GateRun's")
        .containsExactly(
            "✋ MANUAL", "Rebuilt without cache", "no no-cache build check in the staging gates");
    assertThat(staging.get(2))
        .containsExactly(
            "✅ DONE",
            "Every service healthy",
            "gate ShopGateTest#healthy: PASS; api healthy, migrate exited 0");
    assertThat(tables.get(1).get(1))
        .containsExactly(
            "✋ MANUAL",
            "Code review approved",
            "not in the evidence: check the pull request's review");
  }

  @Test
  void nothingAfterAFailure() {
    String md =
        AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(AuditFixtures.small());
    assertThat(md).doesNotContain("Deploy checklist").doesNotContain("Pre-deployment");
  }

  @Test
  void factsGivenToTheAuditFillTheirItems() {
    DeployFacts facts = DeployFacts.none().withTests(new TestSummary(12, 1, 0, "surefire"));
    MarkdownTree tree = MarkdownTree.parse(AuditMarkdown.standard().render(passing(), facts));
    assertThat(tree.tables())
        .anySatisfy(
            t ->
                assertThat(t)
                    .contains(
                        List.of(
                            "❌ FAILED",
                            "Tests passing",
                            "12 tests, 1 failure, 0 errors (surefire)")));
    assertThat(AuditMarkdown.standard().withChecklists(facts).render(passing()))
        .isEqualTo(AuditMarkdown.standard().render(passing(), facts));
    // rendered with nothing filling the checklists, the audit says so instead of counting zero
    assertThat(AuditMarkdown.standard().render(passing()))
        .contains("Checklists: not filled")
        .contains("Not filled: this audit was rendered without the deploy checklists.")
        .doesNotContain("| ✅ DONE |");
  }

  @Test
  void hostileEvidenceCannotBreakTheTableOrInjectHtml() {
    String hostile = "ok | <script>alert(1)</script> `` ** [x](javascript:1)\n### not a heading";
    GateResult gate =
        GateResult.builder("a.B#c", GateKind.HEALTHY_SMOKE)
            .displayName("c")
            .verdict(Verdict.PASS)
            .startedAt(AuditFixtures.T0)
            .duration(Duration.ofSeconds(1))
            .composeFile("c.yml")
            .project("p")
            .engine(AuditFixtures.engine())
            .checks(List.of(CheckResult.pass("no-cache build", hostile, "")))
            .services(List.of())
            .failures(List.of())
            .build();
    AuditReport report = AuditReport.of(List.of(gate));
    String md =
        new AuditMarkdown(List.of(new ChecklistSection(DeployFacts.none())), List.of())
            .render(report);
    MarkdownTree tree = MarkdownTree.parse(md);
    assertThat(tree.headings())
        .containsExactly(
            "### Staging gate",
            "### Pre-deployment",
            "### During deployment",
            "### Post-deployment: system-facing",
            "### Post-deployment: user-facing",
            "## Gate: a.B#c");
    List<List<String>> staging = tree.tables().get(0);
    assertThat(staging.get(1)).hasSize(3);
    assertThat(staging.get(1).get(2))
        .isEqualTo(
            "gate B#c: no-cache build PASS; ok | <script>alert(1)</script> `` ** [x](javascript:1)"
                + " ### not a heading");
    assertThat(tree.html()).doesNotContain("<script>").doesNotContain("href=\"javascript");
  }
}
