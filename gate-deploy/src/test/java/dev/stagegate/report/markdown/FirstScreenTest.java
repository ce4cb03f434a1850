package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.deploy.checklist.Checklists;
import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit of a realistic run ({@link ExampleAudit}, rendered as gate-junit writes it, charts
 * included) decides on its first screen, stays small for the evidence it carries, and keeps nothing
 * the verdict depends on only inside a folded {@code <details>} block.
 */
class FirstScreenTest {
  private static final int FIRST_SCREEN = 40;
  private static final Pattern DETAILS = Pattern.compile("(?s)<details>.*?</details>");

  private static final AuditMarkdown AS_WRITTEN =
      AuditMarkdown.standard()
          .withChecklists(DeployFacts.none())
          .withGateSection(new ChartsSection(ExampleAudit::series));

  private static String render(AuditReport report) {
    return AS_WRITTEN.render(report);
  }

  private static String firstScreen(String markdown) {
    return String.join("\n", markdown.lines().limit(FIRST_SCREEN).toList());
  }

  @Test
  void theFirstFortyLinesHoldVerdictRevisionBurnInRiskAndChecklistCounts() {
    AuditReport report = new ExampleAudit(5, 1000, 40).report();
    String top = firstScreen(render(report));

    assertThat(top)
        .contains("**Verdict: PASS_SHORTENED**")
        .contains(
            "`dev.stagegate.examples.StagingBurnInIT#survivesTheBurnIn`: PASS_SHORTENED (1.5 min"
                + " of 4 h requested): Watched 1.5 min of the 4 h requested")
        .contains("## What is approved")
        .contains(
            "Repository `https://github.com/acme/agents.git` · branch `main` · commit `"
                + ExampleAudit.COMMIT
                + "`")
        .contains(
            "Images tested and kept (tags `examples/<service>:<commit>`, full IDs under Images):"
                + " api `sha256:a1a1a1a1a1a1`, worker `sha256:b2b2b2b2b2b2`")
        .contains(
            "Burn-in `StagingBurnInIT#survivesTheBurnIn`: requested 4 h, watched 1m 30s"
                + " (shortened), ended: completed")
        .contains("Risk: **HIGH** · 1 finding")
        .contains("**Database**: HIGH · `app/migrations/0002_task_runs.sql` · db-migrations")
        .contains("**Networking**: no change")
        .contains(checklistCounts(report));
  }

  /** The counts as the checklists hold them, counted here independently of the section. */
  private static String checklistCounts(AuditReport report) {
    long[] n = new long[ItemState.values().length];
    for (Checklist c : Checklists.all(report, DeployFacts.none())) {
      for (ItemState s : ItemState.values()) {
        n[s.ordinal()] += c.count(s);
      }
    }
    assertThat(n[ItemState.DONE.ordinal()]).as("a realistic run has done items").isPositive();
    return "Checklists: "
        + n[ItemState.DONE.ordinal()]
        + " done · "
        + n[ItemState.FAILED.ordinal()]
        + " failed · "
        + n[ItemState.MANUAL.ordinal()]
        + " manual · "
        + n[ItemState.ACCEPTED.ordinal()]
        + " accepted";
  }

  @Test
  void aFailedBurnInLeadsWithItsFailureAndApprovesNothing() {
    String failure =
        "Expecting service \"worker\" to keep running for the whole burn-in but it exited with"
            + " code 3 after 48.0 s";
    String top =
        firstScreen(render(new ExampleAudit(5, 1000, 40).withWorkerFailure(failure).report()));
    assertThat(top)
        .contains("**Verdict: FAIL**")
        .contains("`dev.stagegate.examples.StagingBurnInIT#survivesTheBurnIn`: " + failure)
        .contains("## What was tested")
        .doesNotContain("## What is approved")
        .contains(
            "watched 48s (shortened), ended: worker die (exit code 3) · **FAIL (shortened: 48 s of"
                + " 4 h requested)**")
        .contains("(not listed below: a gate did not pass");
  }

  @Test
  void fiftyHealthcheckRunsPerServiceAreOneLine() {
    String md = render(new ExampleAudit(50, 1000, 40).report());
    String smoke = gateSection(md, ExampleAudit.SMOKE);
    assertThat(smoke)
        .contains(
            "150 healthcheck runs kept by the engine (api 50, beat 50, worker 50): all exited 0.")
        .doesNotContain("| Service | Started | Exit code | Output |");
  }

  @Test
  void aFailedHealthcheckIsQuotedWithItsOutput() {
    String md =
        render(
            new ExampleAudit(50, 1000, 40)
                .withFailingWorkerProbe("celery inspect ping: Error: No nodes replied within time")
                .report());
    String smoke = gateSection(md, ExampleAudit.SMOKE);
    assertThat(smoke)
        .contains(
            "150 healthcheck runs kept by the engine (api 50, beat 50, worker 50 (1 failed)): 1 of"
                + " 150 failed (nonzero exit), quoted here:")
        .contains("| Service | Started | Exit code | Output |")
        .contains(
            "| worker | 2026-12-07T07:04:31Z | 1 | celery inspect ping: Error: No nodes replied"
                + " within time |");
    // only the failed run has a row
    assertThat(smoke.lines().filter(l -> l.startsWith("| worker | 2026")).count()).isEqualTo(1);
  }

  @Test
  void theSameSmokeCheckTwiceIsOneRowAndAChangedResultKeepsBoth() {
    String burnIn =
        gateSection(render(new ExampleAudit(5, 1000, 40).report()), ExampleAudit.BURN_IN);
    // every check passed: no Result column saying PASS in every row, one line says it
    assertThat(burnIn)
        .contains("### Checks\n\nEvery check passed:\n\n| Check | Detail |\n")
        .doesNotContain("| PASS |");
    assertThat(burnIn.lines().filter(l -> l.startsWith("| smoke GET api:8000/health")))
        .containsExactly(
            "| smoke GET api:8000/health (2 runs) | status 200, body contains"
                + " {\"status\":\"ok\",\"db_ready\":true} |");

    MarkdownDocument doc = new MarkdownDocument();
    GateResult gate = new ExampleAudit(5, 10, 10).report().gates().get(0);
    List<CheckResult> checks = new ArrayList<>(gate.checks());
    checks.add(CheckResult.fail("smoke GET api:8000/health", "status 503", "{\"db_ready\":false}"));
    new ChecksSection().render(withChecks(gate, checks), doc);
    assertThat(doc.toString().lines().filter(l -> l.startsWith("| smoke GET api:8000/health")))
        .containsExactly(
            "| smoke GET api:8000/health | PASS | status 200, body contains"
                + " {\"status\":\"ok\",\"db_ready\":true} |",
            "| smoke GET api:8000/health | **FAIL** | status 503 |");
  }

  @Test
  void anOutputReadBackUnchangedIsNotShownTwiceButAChangedOneIs() {
    GateResult drill = new ExampleAudit(5, 100, 40).report().gates().get(2);
    MarkdownDocument doc = new MarkdownDocument();
    new ChecksSection().render(drill, doc);
    assertThat(doc.toString())
        // a passing check's 7-line marker is named, not quoted: its detail says what it holds;
        // the marker read back unchanged is named with it
        .contains("`export previous` 7 lines (also the output of `marker after rollback`)")
        .doesNotContain("the same as")
        .doesNotContain("\"version\": \"4d6bcc3\"");

    List<CheckResult> checks = new ArrayList<>(drill.checks());
    CheckResult readBack = checks.get(2);
    checks.set(
        2,
        CheckResult.fail(
            readBack.name(),
            "service \"api\" runs commit 415242f, expected 4d6bcc3",
            readBack.rawOutput().replace("4d6bcc3", "415242f")));
    MarkdownDocument changed = new MarkdownDocument();
    new ChecksSection().render(withChecks(drill, checks), changed);
    // the failed read-back is quoted whole, the passing export still only named
    assertThat(changed.toString())
        .doesNotContain("the same as")
        .doesNotContain("also the output of")
        .contains("\"version\": \"415242f\"")
        .contains("`export previous` 7 lines");

    // a failed check whose output is the same as a passing one's that was only named: quoted
    checks.set(2, CheckResult.fail(readBack.name(), "marker not reloaded", readBack.rawOutput()));
    MarkdownDocument same = new MarkdownDocument();
    new ChecksSection().render(withChecks(drill, checks), same);
    assertThat(same.toString())
        .contains("<summary>Output: marker after rollback (7 lines)</summary>")
        .contains("\"version\": \"4d6bcc3\"")
        .contains("| marker after rollback | **FAIL** | marker not reloaded |")
        .doesNotContain("also the output of");
  }

  @Test
  void theExampleSizedAuditStaysUnderItsBoundAndMoreEvidenceAddsNothing() {
    // the example's volumes: 5 healthcheck runs, ~100 log lines, 40 lines of build output
    int example = utf8(render(new ExampleAudit(5, 100, 40).report()));
    // ten to a hundred times the evidence: the Markdown shows the same amount of it
    int heavy = utf8(render(new ExampleAudit(50, 10_000, 400).report()));
    System.out.printf(
        java.util.Locale.ROOT,
        "example-sized audit: %,d bytes; with 10x healthchecks, 100x log lines, 10x build"
            + " output: %,d bytes%n",
        example,
        heavy);
    assertThat(example).as("bytes of the example-sized audit").isLessThan(25_000);
    assertThat(heavy - example)
        .as("bytes added by 10x healthchecks, 100x log lines, 10x build output")
        .isLessThan(200);
  }

  @Test
  void nothingTheVerdictDependsOnIsOnlyInsideDetails() {
    String failure =
        "Expecting service \"worker\" to keep running for the whole burn-in but it exited with"
            + " code 3 after 48.0 s";
    AuditReport report =
        new ExampleAudit(5, 1000, 40)
            .withWorkerFailure(failure)
            .withFailingWorkerProbe("celery inspect ping: Error: No nodes replied within time")
            .report();
    String md = render(report);
    String outside = DETAILS.matcher(md).replaceAll("");
    assertThat(md.length() - outside.length()).as("something is folded").isPositive();

    List<String> decisive = new ArrayList<>();
    decisive.add("**Verdict: " + report.verdict() + "**");
    decisive.add(ExampleAudit.COMMIT);
    for (GateResult gate : report.gates()) {
      decisive.add("**Verdict: " + gate.verdictText() + "**");
      decisive.addAll(gate.failures().stream().map(MarkdownText::text).toList());
      for (CheckResult check : gate.checks()) {
        decisive.add(MarkdownText.cell(check.name()));
        decisive.add(MarkdownText.cell(check.detail()));
      }
      gate.services().forEach(s -> decisive.add("| " + MarkdownText.cell(s.service())));
    }
    decisive.add("celery inspect ping: Error: No nodes replied within time");
    decisive.add("ERROR worker lost its broker connection"); // the log finding
    assertThat(decisive).allSatisfy(fact -> assertThat(outside).contains(fact));
  }

  private static GateResult withChecks(GateResult g, List<CheckResult> checks) {
    return g.toBuilder().checks(checks).build();
  }

  /** From a gate's heading to the next gate's. */
  static String gateSection(String md, String id) {
    int start = md.indexOf("## Gate: " + id);
    assertThat(start).as("gate " + id).isNotNegative();
    int end = md.indexOf("\n## Gate: ", start + 1);
    return end < 0 ? md.substring(start) : md.substring(start, end);
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
