package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.report.AuditFiles;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.journal.JournalRecovery;
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

  /**
   * Starts the audit of a test run; gates of earlier runs whose JVM died mid-burn-in are recovered
   * from their evidence journals as INCOMPLETE and lead the audit.
   *
   * @param localHost this machine's name: a journal is recovered when its owner ran here and is
   *     gone
   */
  public ReportSession(Path dir, String localHost) {
    this.dir = dir;
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

  /** Adds a gate's result and rewrites the audit; returns the Markdown audit's path. */
  public synchronized Path add(GateResult result) {
    results.add(result);
    write();
    return markdown();
  }

  private void write() {
    try {
      AuditFiles.write(AuditReport.of(results), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the audit into " + dir.toAbsolutePath() + " (stagegate.report.dir)", e);
    }
  }

  /** Where the Markdown audit is (or will be) written. */
  public Path markdown() {
    return AuditFiles.markdownPath(dir).toAbsolutePath();
  }
}
