package dev.stagegate.junit.gate;

import dev.stagegate.deploy.change.GitChangeReader;
import dev.stagegate.deploy.change.GitSourceRevision;
import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.deploy.checklist.TestSummary;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.ci.StepSummary;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.journal.JournalRecovery;
import dev.stagegate.report.markdown.AuditMarkdown;
import dev.stagegate.report.markdown.ChartsSection;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.writer.AuditFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit of one test run (one JUnit engine execution): every gate adds its result, and the audit
 * is rewritten after each, so that it is complete even if a later gate never finishes.
 */
public final class ReportSession implements AutoCloseable {
  /**
   * Where the "tests passing" item reads the run's test reports ({@code TEST-*.xml}): directories,
   * comma-separated, relative to the module the tests run in. Default: Surefire's and Failsafe's
   * ({@value #DEFAULT_TEST_REPORTS}); point it at the reports a CI job downloaded from the build
   * that tested the commit.
   */
  public static final String TEST_REPORTS = "stagegate.tests.reports";

  /** Surefire's and Failsafe's report directories. */
  static final String DEFAULT_TEST_REPORTS = "target/surefire-reports,target/failsafe-reports";

  private final Path dir;
  private final List<GateResult> results = new ArrayList<>();
  private final ChangeSummary change;
  private final RiskAssessment risk;
  private final SourceRevision source;
  private final AuditMarkdown markdown =
      AuditMarkdown.standard().withGateSection(new ChartsSection(BurnInCharts::series));
  private DeployFacts facts;
  private AuditReport written;

  /**
   * Starts the audit of a test run; gates of earlier runs whose JVM died mid-burn-in are recovered
   * from their evidence journals as INCOMPLETE and lead the audit.
   *
   * @param localHost this machine's name: a journal is recovered when its owner ran here and is
   *     gone
   */
  public ReportSession(Path dir, String localHost, Optional<String> gitBase) {
    this(
        dir,
        localHost,
        key -> key.equals(GitChangeReader.BASE_KEY) ? gitBase : Optional.<String>empty());
  }

  /**
   * As {@link #ReportSession(Path, String, Optional)}, with the whole configuration: the change
   * under review is compared with the last deployment in the configured deployment history ({@code
   * stagegate.deploy.log}, {@code stagegate.history.*}), else the last release tag, else {@code
   * stagegate.git.base}; the checklists read the test reports in {@code stagegate.tests.reports}
   * ({@link #testReportDirs}).
   */
  public ReportSession(Path dir, String localHost, Function<String, Optional<String>> config) {
    this.dir = dir;
    this.facts = DeployFacts.none().withTests(tests(testReportDirs(config.apply(TEST_REPORTS))));
    ChangeReview review = ChangeReview.of(Path.of("").toAbsolutePath(), config, dir);
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
   * The directories {@value #TEST_REPORTS} names (comma-separated), or Surefire's and Failsafe's.
   */
  public static List<Path> testReportDirs(Optional<String> configured) {
    String value = configured.filter(v -> !v.isBlank()).orElse(DEFAULT_TEST_REPORTS);
    List<Path> dirs = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        dirs.add(Path.of(part.strip()));
      }
    }
    return List.copyOf(dirs);
  }

  /**
   * The tests of this module, for the checklists: Surefire's reports are this build's (it runs
   * before the gates); Failsafe's hold the ITs that finished before this one, this build's or an
   * earlier one's (each IT class rewrites its own file). A report of a class still running (on this
   * thread's stack) is an earlier run's and is left out. Empty when there are none (the item stays
   * manual).
   */
  private static Optional<TestSummary> tests(List<Path> reports) {
    // the test classes on this thread's stack have not finished: a report of theirs is stale
    java.util.Set<String> running =
        StackWalker.getInstance()
            .walk(
                frames ->
                    frames
                        .map(StackWalker.StackFrame::getClassName)
                        .collect(java.util.stream.Collectors.toSet()));
    try {
      return TestSummary.fromReports(reports, running);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable reports prove nothing: the item stays manual
    }
  }

  /**
   * What the deploy steps know beyond the gates (approval, policy decision, marker, the approved
   * audit); the checklists in the audit are filled from them from now on. The unit tests are kept.
   */
  public synchronized void withFacts(DeployFacts deployFacts) {
    DeployFacts next = deployFacts.withTests(facts.tests());
    this.facts = facts.deployment().map(next::withDeployment).orElse(next);
  }

  /** Adds a gate's result and rewrites the audit; returns the Markdown audit's path. */
  public synchronized Path add(GateResult result) {
    results.add(result);
    write();
    return markdown();
  }

  /**
   * The deployment a post-deploy watch recorded: the Markdown audit (the deploy record) is
   * rewritten with its seed block; the JSON twin is left as written, so the SHA-256 the entry keeps
   * of it stays true.
   */
  public synchronized void recorded(DeploymentEntry entry) {
    facts = facts.withDeployment(entry);
    if (written == null) {
      return;
    }
    try {
      AuditFiles.writeMarkdown(written, dir, markdown.withChecklists(facts));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the audit into " + dir.toAbsolutePath() + " (stagegate.report.dir)", e);
    }
  }

  private void write() {
    try {
      written = report();
      AuditFiles.write(written, dir, markdown.withChecklists(facts));
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
      return GitSourceRevision.read(workDir).orElse(null);
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
