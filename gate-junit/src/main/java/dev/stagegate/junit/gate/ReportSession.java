package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.report.AuditFiles;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.checklist.DeployFacts;
import dev.stagegate.report.checklist.TestSummary;
import dev.stagegate.report.ci.StepSummary;
import dev.stagegate.report.journal.JournalRecovery;
import dev.stagegate.report.markdown.AuditMarkdown;
import dev.stagegate.report.markdown.ChartsSection;
import dev.stagegate.report.risk.RiskAssessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit of one test run (one JUnit engine execution): every gate adds its result, and the audit
 * is rewritten after each, so that it is complete even if a later gate never finishes.
 */
public final class ReportSession implements AutoCloseable {
  /** Where Surefire writes, relative to the module the tests run in. */
  static final String SUREFIRE_REPORTS = "target/surefire-reports";

  private final Path dir;
  private final List<GateResult> results = new ArrayList<>();
  private final ChangeSummary change;
  private final RiskAssessment risk;
  private final SourceRevision source;
  private final AuditMarkdown markdown =
      AuditMarkdown.standard().withGateSection(new ChartsSection(BurnInCharts::series));
  private DeployFacts facts;

  /**
   * Starts the audit of a test run; gates of earlier runs whose JVM died mid-burn-in are recovered
   * from their evidence journals as INCOMPLETE and lead the audit.
   *
   * @param localHost this machine's name: a journal is recovered when its owner ran here and is
   *     gone
   */
  public ReportSession(Path dir, String localHost, Optional<String> gitBase) {
    this.dir = dir;
    this.facts = DeployFacts.none().withTests(unitTests(Path.of(SUREFIRE_REPORTS)));
    ChangeReview review = ChangeReview.of(Path.of("").toAbsolutePath(), gitBase);
    this.change = review.change();
    this.risk = review.risk();
    this.source = source(Path.of("").toAbsolutePath());
    List<GateResult> recovered =
        JournalRecovery.recover(
            dir,
            owner ->
                owner.size() >= 2
                    && RunLabels.from(
                            java.util.Map.of(
                                RunLabels.MARKER, "1",
                                RunLabels.HOST, owner.get(0),
                                RunLabels.PID, owner.get(1).trim()))
                        .map(l -> l.ownerIsDeadOn(localHost))
                        .orElse(false));
    results.addAll(recovered);
    if (!recovered.isEmpty()) {
      write();
    }
  }

  /**
   * The unit tests of this module, for the checklists: Surefire runs before the gates (Failsafe),
   * so its reports are this build's. Empty when there are none (the item stays manual).
   */
  private static Optional<TestSummary> unitTests(Path reports) {
    try {
      return TestSummary.fromSurefireReports(reports);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable reports prove nothing: the item stays manual
    }
  }

  /**
   * What the deploy steps know beyond the gates (approval, policy decision, marker, the approved
   * audit); the checklists in the audit are filled from them from now on. The unit tests are kept.
   */
  public synchronized void withFacts(DeployFacts deployFacts) {
    this.facts = deployFacts.withTests(facts.tests());
  }

  /** Adds a gate's result and rewrites the audit; returns the Markdown audit's path. */
  public synchronized Path add(GateResult result) {
    results.add(result);
    write();
    return markdown();
  }

  private void write() {
    try {
      AuditFiles.write(report(), dir, markdown.withDeployFacts(facts));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the audit into " + dir.toAbsolutePath() + " (stagegate.report.dir)", e);
    }
  }

  private AuditReport report() {
    return AuditReport.of(results, change, risk).withSource(source);
  }

  /**
   * The repository, branch and commit under test, for the audit's first screen; null outside a
   * repository or when it cannot be read (the audit then says they were not recorded).
   */
  private static SourceRevision source(Path workDir) {
    try {
      return SourceRevision.read(workDir).orElse(null);
    } catch (IOException | RuntimeException e) {
      return null; // the change summary, read from the same repository, carries the reason
    }
  }

  /**
   * At the end of the test run, appends a compact summary to {@code GITHUB_STEP_SUMMARY} when it is
   * set (GitHub Actions), staying under GitHub's 1 MiB limit.
   */
  @Override
  public synchronized void close() throws IOException {
    String summary = System.getenv("GITHUB_STEP_SUMMARY");
    if (summary != null && !summary.isBlank() && !results.isEmpty()) {
      new StepSummary()
          .withCharts(BurnInCharts::series)
          .append(Path.of(summary), report(), markdown());
    }
  }

  /** Where the JSON audit is (or will be) written. */
  public Path json() {
    return AuditFiles.jsonPath(dir).toAbsolutePath();
  }

  /** Where the Markdown audit is (or will be) written. */
  public Path markdown() {
    return AuditFiles.markdownPath(dir).toAbsolutePath();
  }
}
