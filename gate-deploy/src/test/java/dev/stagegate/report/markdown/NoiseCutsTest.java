package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistId;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
import dev.stagegate.report.text.MarkdownDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cuts that keep the example's audit under 25 KB each keep what a reviewer decides on: the
 * riskiest changed files, every checklist item, and a pointer to what the JSON twin holds.
 */
class NoiseCutsTest {
  private static ChangeSummary change(int files) {
    List<ChangedFile> list = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String path = (i % 4 == 0 ? "docs/page-" : "src/File") + i + (i % 4 == 0 ? ".md" : ".java");
      list.add(
          new ChangedFile(path, ChangeType.MODIFY, null, List.of("change " + i, "again " + i)));
    }
    return new ChangeSummary(
        "v1.0.0",
        "a".repeat(40),
        "b".repeat(40),
        "last tag v1.0.0",
        list,
        files,
        UncommittedChanges.NONE,
        List.of());
  }

  private static RiskFinding finding(String file, RiskLevel level) {
    return new RiskFinding(file, "rule", RiskCategory.DATABASE, level, "why", null);
  }

  private static String render(ChangeSummary change, RiskAssessment risk) {
    MarkdownDocument doc = new MarkdownDocument();
    new ChangeSummarySection().render(AuditReport.of(List.of(), change, risk), doc);
    return doc.toString();
  }

  @Test
  void aLongChangeListsTheRiskiestFilesFirstAndCountsTheRestPerDirectory() {
    RiskAssessment risk =
        RiskAssessment.of(
            List.of(
                finding("src/File21.java", RiskLevel.MEDIUM),
                finding("src/File27.java", RiskLevel.HIGH)));

    String md = render(change(30), risk);
    List<String> rows =
        md.lines()
            .filter(l -> l.startsWith("| ") && !l.startsWith("| File") && !l.startsWith("| ---"))
            .toList();

    assertThat(rows).hasSize(ChangeSummarySection.FILES_SHOWN);
    assertThat(rows.get(0)).isEqualTo("| src/File27.java | MODIFY | change 27<br>(+1 more) |");
    assertThat(rows.get(1)).startsWith("| src/File21.java |");
    assertThat(rows.get(2)).startsWith("| docs/page-0.md |");
    assertThat(md)
        .contains("30 files changed")
        .contains(
            "20 more files not listed here (src/ 14, docs/ 6); every file with its commit subjects"
                + " in `stability_audit.json` → `changeSummary.files`.");
  }

  @Test
  void aShortChangeListsEveryFileAndNoPointer() {
    String md = render(change(10), RiskAssessment.of(List.of()));

    assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("| MODIFY |")))
        .hasSize(10)
        .contains("| docs/page-0.md | MODIFY | change 0<br>again 0 |");
    assertThat(md).doesNotContain("more files not listed");
  }

  @Test
  void filesChangedByTheSameCommitsNameThemOnceAboveTheTable() {
    String md =
        render(changed("One commit | all", "One commit | all"), RiskAssessment.of(List.of()));

    assertThat(md)
        .contains("- Commits, the same for each file below: One commit \\| all\n")
        .contains("| File | Change |\n| --- | --- |\n| README.md | MODIFY |\n")
        .contains("| app/main.py | MODIFY |\n")
        .doesNotContain("| Commits |");
    // a file with other commits keeps the column, every row its own subjects
    String mixed = render(changed("One commit | all", "Another"), RiskAssessment.of(List.of()));
    assertThat(mixed)
        .contains("| File | Change | Commits |")
        .contains("| README.md | MODIFY | One commit \\| all |")
        .contains("| app/main.py | MODIFY | Another |")
        .doesNotContain("the same for each file");
  }

  /** README.md and docs/audit.md changed by {@code first}, app/main.py by {@code last}. */
  private static ChangeSummary changed(String first, String last) {
    List<ChangedFile> files =
        List.of(
            new ChangedFile("README.md", ChangeType.MODIFY, null, List.of(first)),
            new ChangedFile("docs/audit.md", ChangeType.MODIFY, null, List.of(first)),
            new ChangedFile("app/main.py", ChangeType.MODIFY, null, List.of(last)));
    return new ChangeSummary(
        "v1.0.0",
        "a".repeat(40),
        "b".repeat(40),
        "last tag v1.0.0",
        files,
        3,
        UncommittedChanges.NONE,
        List.of());
  }

  @Test
  void trendsNoneOfWhichWasJudgedAreOneLineWithTheirWindowsAndAJudgedOneKeepsTheTable() {
    List<ServiceTrend> short3 =
        List.of(trend("api", 90, false), trend("beat", 84, false), trend("worker", 84, false));

    assertThat(BurnInSection.noneJudged(short3))
        .isEqualTo(
            "`api` (1.5 min), `beat`, `worker` (1.4 min): memory and CPU not judged, each window"
                + " shorter than the 5 min of `stagegate.trend.min-span`; no slope, as it would be"
                + " an extrapolation (the sentences: JSON twin → `burnIn.trends[]`).");
    assertThat(BurnInSection.noneJudged(List.of(trend("api", 900, true), trend("beat", 84, false))))
        .as("one trend judged: the table gives each verdict")
        .isNull();
    assertThat(BurnInSection.noneJudged(List.of())).isNull();
  }

  private static ServiceTrend trend(String service, int seconds, boolean judged) {
    String verdict = judged ? "stable" : ServiceTrend.NOT_JUDGED;
    return new ServiceTrend(
        service,
        verdict,
        0,
        0,
        "memory sentence",
        verdict,
        0,
        "CPU sentence",
        0.01,
        Duration.ofSeconds(seconds),
        Duration.ofMinutes(5),
        List.of(),
        List.of());
  }

  @Test
  void aLongPassingDetailIsCutAtAClauseAndSaysWhereTheWholeIsAFailedOneNever() {
    String kept =
        "kept for the deploy: api sha256:d6a48cc651f5 as examples/api, beat sha256:b5a8e3ca1016 as"
            + " examples/beat, migrate sha256:d63aeba6f823 as examples/migrate, worker"
            + " sha256:69a8bf28bd8e as examples/worker, each tagged"
            + " :16c28edd18bc1f2f23db88a2e7e9bfce26d5042e (up -d --no-build)";

    assertThat(ChecksSection.detail(CheckResult.pass("keep tested images", kept, ""), 6))
        .isEqualTo(
            "kept for the deploy: api sha256:d6a48cc651f5 as examples/api, beat"
                + " sha256:b5a8e3ca1016 as examples/beat … (whole: JSON twin →"
                + " `checks[6].detail`)");
    assertThat(ChecksSection.detail(CheckResult.fail("keep tested images", kept, ""), 6))
        .isEqualTo(kept);
    String healthy =
        "every long-running service healthy or running, one-shot jobs exited 0 (up took 4.5 s,"
            + " healthy 1.1 s later)";
    assertThat(ChecksSection.detail(CheckResult.pass("all services healthy", healthy, ""), 1))
        .isEqualTo(healthy);
  }

  @Test
  void keptImagesOfOneCommitAndOneGateSayTheVersionAndTheGateOnceEachKeepsItsFullId() {
    String commit = "16c28edd18bc1f2f23db88a2e7e9bfce26d5042e";
    String api = "sha256:" + "b4".repeat(32);
    String worker = "sha256:" + "65".repeat(32);
    GateResult gate =
        AuditFixtures.passingGate()
            .withImages(
                List.of(
                    new TestedImage("api", api, "examples/api:" + commit),
                    new TestedImage("worker", worker, "examples/worker:" + commit)));
    MarkdownDocument doc = new MarkdownDocument();
    new ImagesSection().render(AuditReport.of(List.of(gate), null, null), doc);

    assertThat(doc.toString())
        .contains(
            "A deploy of this audit runs these images, without a rebuild, each tagged `:"
                + commit
                + "` and tested by "
                + gate.displayName()
                + ":\n\n- `api` → `examples/api` = `"
                + api
                + "`\n- `worker` → `examples/worker` = `"
                + worker
                + "`\n")
        .doesNotContain("(tested by");
  }

  @Test
  void oneEngineForEveryGateIsNamedOnceUnderTheTableAndAnotherEngineInItsGate() {
    String same =
        AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(AuditFixtures.small());
    assertThat(same)
        .contains(
            "\n\nEngine of every gate: Docker 20.10.24 (API 1.41) · docker-compose version"
                + " 1.29.2.\n\n## Gate: ")
        .doesNotContain("- Engine: ");

    GateResult passing = AuditFixtures.passingGate();
    GateResult remote =
        GateResult.builder("shop.WatchIT#watch", passing.kind())
            .displayName("watch")
            .verdict(passing.verdict())
            .startedAt(passing.startedAt())
            .duration(passing.duration())
            .composeFile(passing.composeFile())
            .project(passing.project())
            .engine(new EngineInfo("27.0.1", "1.46", "docker compose 2.29.0"))
            .checks(passing.checks())
            .services(passing.services())
            .failures(passing.failures())
            .burnIn(passing.burnIn())
            .build();
    String two =
        AuditMarkdown.standard()
            .withChecklists(DeployFacts.none())
            .render(AuditReport.of(List.of(passing, remote), null, null));
    assertThat(two)
        .doesNotContain("Engine of every gate")
        .contains("- Engine: Docker 20.10.24 (API 1.41) · docker-compose version 1.29.2\n")
        .contains("- Engine: Docker 27.0.1 (API 1.46) · docker compose 2.29.0\n");
    assertThat(
            AuditMarkdown.standard()
                .withChecklists(DeployFacts.none())
                .render(AuditReport.of(List.of(passing), null, null)))
        .as("one gate: its engine in its overview")
        .contains("- Engine: Docker 20.10.24")
        .doesNotContain("Engine of every gate");
  }

  @Test
  void noRegressionInEveryMetricIsSaidOnceAndARegressionKeepsTheOutcomeColumn() {
    GateResult load = new ExampleAudit(5, 10, 10).withLoadAndBaseline().report().gates().get(2);
    MarkdownDocument quiet = new MarkdownDocument();
    new BaselineSection().render(load, quiet);
    assertThat(quiet.toString())
        .contains(
            "Every metric: no regression.\n\n| Service | Metric | Release | Baseline | Change |"
                + " Mann-Whitney U | P(release > baseline) |\n")
        .doesNotContain("Outcome")
        .doesNotContain("| no regression |");

    BaselineEvidence b = load.burnIn().baseline();
    List<MetricComparison> comparisons = new ArrayList<>(b.comparisons());
    MetricComparison p95 = comparisons.get(0);
    comparisons.set(
        0,
        new MetricComparison(
            p95.service(),
            p95.metric(),
            p95.unit(),
            9.9,
            p95.baseline(),
            125.0,
            0.0001,
            0.97,
            MetricComparison.Outcome.REGRESSION,
            "slower"));
    BaselineEvidence regressed =
        new BaselineEvidence(
            b.ref(), b.label(), b.mode(), "regression", comparisons, b.baselineRun());
    GateResult slower = load.toBuilder().burnIn(load.burnIn().withBaseline(regressed)).build();
    MarkdownDocument doc = new MarkdownDocument();
    new BaselineSection().render(slower, doc);
    assertThat(doc.toString())
        .contains("| P(release > baseline) | Outcome |")
        .contains("| 0.97 | regression |")
        .contains("| no regression |")
        .doesNotContain("Every metric");
  }

  @Test
  void aMemoryLimitEveryServiceSharesIsInTheHeaderOnceAndDifferentLimitsStayInTheRows() {
    List<ServiceEvidence> services = new ExampleAudit(5, 10, 10).report().gates().get(0).services();
    MarkdownDocument shared = new MarkdownDocument();
    new ServicesSection().render(gate(services), shared);
    assertThat(shared.toString())
        .contains("| Memory used (MiB, limit 24105.1 each) | CPU |")
        .contains("| api | running | healthy | 0.8 | 1.5 % |")
        .doesNotContain("/ 24105.1");

    List<ServiceEvidence> mixed = new ArrayList<>(services);
    ServiceEvidence api = services.get(0);
    StatsSnapshot st = api.stats();
    mixed.set(
        0,
        new ServiceEvidence(
            api.service(),
            api.container(),
            api.oneShot(),
            api.state(),
            api.health(),
            api.restartCount(),
            api.exitCode(),
            api.oomKilled(),
            api.healthLog(),
            new StatsSnapshot(
                st.cpuPercent(),
                490L << 20,
                512L << 20,
                st.networkRxBytes(),
                st.networkTxBytes(),
                st.pids()),
            api.findings(),
            api.findingsTotal(),
            api.lastLogLines(),
            api.totalLogLines()));
    MarkdownDocument own = new MarkdownDocument();
    new ServicesSection().render(gate(mixed), own);
    assertThat(own.toString())
        .contains("| Memory used / limit (MiB) | CPU |")
        .contains("| api | running | healthy | 490.0 / 512.0 (95.7 %) |")
        .contains("| beat | running | healthy | 0.8 / 24105.1 (0.0 %) |");
  }

  private static GateResult gate(List<ServiceEvidence> services) {
    GateResult g = AuditFixtures.passingGate();
    return g.toBuilder().services(services).build();
  }

  @Test
  void itemsInARowWithTheSameStateAndEvidenceShareARowAndEachIsNamed() {
    String none = "no @PostDeployWatch in this audit: check the deployed target";
    Checklist during =
        new Checklist(
            ChecklistId.DURING_DEPLOYMENT,
            List.of(
                new ChecklistItem(ChecklistItemId.MARKER_ON_TARGET, ItemState.MANUAL, none),
                new ChecklistItem(ChecklistItemId.RUNNING_APPROVED_IMAGES, ItemState.MANUAL, none),
                new ChecklistItem(
                    ChecklistItemId.MIGRATIONS_APPLIED, ItemState.DONE, "migrate exited 0"),
                new ChecklistItem(ChecklistItemId.WORKERS_STARTED, ItemState.MANUAL, none)));
    MarkdownDocument doc = new MarkdownDocument();
    ChecklistSection.render(during, doc);

    assertThat(doc.toString().lines().filter(l -> l.startsWith("| ✋") || l.startsWith("| ✅")))
        .containsExactly(
            "| ✋ MANUAL | Deployment marker verified on the target<br>"
                + ChecklistItemId.RUNNING_APPROVED_IMAGES.text()
                + " | "
                + none
                + " |",
            "| ✅ DONE | " + ChecklistItemId.MIGRATIONS_APPLIED.text() + " | migrate exited 0 |",
            "| ✋ MANUAL | " + ChecklistItemId.WORKERS_STARTED.text() + " | " + none + " |");
  }

  @Test
  void aTimelineOfOnlyTheStackComingUpIsOneSentenceAndAnExitKeepsEveryRow() {
    String quiet =
        FirstScreenTest.gateSection(
            AuditMarkdown.standard()
                .withChecklists(DeployFacts.none())
                .render(new ExampleAudit(5, 10, 10).report()),
            ExampleAudit.BURN_IN);
    String failed =
        FirstScreenTest.gateSection(
            AuditMarkdown.standard()
                .withChecklists(DeployFacts.none())
                .render(new ExampleAudit(5, 10, 10).withWorkerFailure("worker exited").report()),
            ExampleAudit.BURN_IN);

    assertThat(quiet)
        .contains(
            "Only the stack coming up (07:03:43–07:03:44 UTC): api, beat, worker started once;"
                + " migrate ran and exited 0; nothing after (events: JSON twin →"
                + " `burnIn.timeline`).")
        .doesNotContain("| Time | Service | Event | Exit code |");
    assertThat(failed)
        .contains("| Time | Service | Event | Exit code |")
        .contains("| worker | die | 3 |");
  }
}
