package dev.stagegate.junit.gate;

import dev.stagegate.report.AuditFiles;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of one test run (one JUnit engine execution): every gate adds its result, and the audit
 * is rewritten after each, so that it is complete even if a later gate never finishes.
 */
public final class ReportSession {
  private final Path dir;
  private final List<GateResult> results = new ArrayList<>();

  public ReportSession(Path dir) {
    this.dir = dir;
  }

  /** Adds a gate's result and rewrites the audit; returns the Markdown audit's path. */
  public synchronized Path add(GateResult result) {
    results.add(result);
    try {
      AuditFiles.write(AuditReport.of(results), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the audit into " + dir.toAbsolutePath() + " (stagegate.report.dir)", e);
    }
    return markdown();
  }

  /** Where the Markdown audit is (or will be) written. */
  public Path markdown() {
    return AuditFiles.markdownPath(dir).toAbsolutePath();
  }
}
