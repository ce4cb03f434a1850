package dev.stagegate.report.approval;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.writer.AuditFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Real audits written with the real writers, for approval tests. */
final class AuditOnDisk {
  /** Head commit of {@link ChangeFixtures#change()}. */
  static final String HEAD = "2222222222222222222222222222222222222222";

  private AuditOnDisk() {}

  /** A passing audit with a change summary (head {@link #HEAD}); returns the .md path. */
  static Path passing(Path dir) throws IOException {
    return write(
        new AuditReport(
            AuditReport.SCHEMA_VERSION,
            AuditFixtures.T0,
            List.of(AuditFixtures.passingGate()),
            ChangeFixtures.change(),
            ChangeFixtures.risk()),
        dir);
  }

  /** A passing audit without a change summary. */
  static Path passingWithoutChange(Path dir) throws IOException {
    return write(
        new AuditReport(
            AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(AuditFixtures.passingGate())),
        dir);
  }

  /**
   * A PASS_SHORTENED audit with a change summary (head {@link #HEAD}): smoke passed, the burn-in
   * watched 90 s of 4 h.
   */
  static Path shortened(Path dir) throws IOException {
    return write(
        new AuditReport(
            AuditReport.SCHEMA_VERSION,
            AuditFixtures.T0,
            List.of(AuditFixtures.passingGate(), AuditFixtures.shortenedBurnIn()),
            ChangeFixtures.change(),
            ChangeFixtures.risk()),
        dir);
  }

  /** A failing audit (one gate passes, one fails). */
  static Path failing(Path dir) throws IOException {
    return write(AuditFixtures.small(), dir);
  }

  static Path write(AuditReport report, Path dir) throws IOException {
    return AuditFiles.write(report, dir).markdown();
  }
}
