package dev.stagegate.junit.gate;

import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import java.io.IOException;
import java.util.List;

/**
 * A rollback drill's migration check: the migration files changed between the rollback target and
 * HEAD, which the images alone do not roll back.
 */
final class DrillMigrations {
  private static final String STEP = "migrations since previous";

  private DrillMigrations() {}

  /** The migration files changed since the previous commit; a check says which, or why unknown. */
  static List<String> changed(RollbackSpec spec, List<CheckResult> checks) {
    try {
      List<String> found =
          MigrationChanges.between(spec.repoRoot(), spec.previousCommit(), spec.currentCommit());
      checks.add(
          found.isEmpty()
              ? CheckResult.pass(STEP, "no migration changed: images alone roll back", "")
              : new CheckResult(
                  STEP,
                  CheckStatus.SKIPPED,
                  "not judged: "
                      + found.size()
                      + " migration file(s) changed ("
                      + String.join(", ", found.subList(0, Math.min(5, found.size())))
                      + "); the rollback command rolls back the images only, a database rollback"
                      + " needs a person",
                  String.join("\n", found)));
      return found;
    } catch (IOException | RuntimeException e) {
      checks.add(
          new CheckResult(
              STEP,
              CheckStatus.SKIPPED,
              "not judged: the change could not be read (" + e.getMessage() + ")",
              ""));
      return List.of();
    }
  }
}
