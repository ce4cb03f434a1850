package dev.stagegate.report;

import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
import java.util.List;

/**
 * A fixed change summary and risk assessment for golden files, kept apart from {@link
 * AuditFixtures} so gate fixtures and change fixtures evolve independently. Commit subjects and
 * paths carry Markdown-hostile text, as real ones can.
 */
public final class ChangeFixtures {
  private ChangeFixtures() {}

  /** {@link AuditFixtures#small()} with {@link #change()} and {@link #risk()}. */
  public static AuditReport withChange() {
    AuditReport small = AuditFixtures.small();
    return new AuditReport(
        small.schemaVersion(), small.generatedAt(), small.gates(), change(), risk());
  }

  public static ChangeSummary change() {
    return new ChangeSummary(
        "origin/main",
        "1111111111111111111111111111111111111111",
        "2222222222222222222222222222222222222222",
        "merge-base with origin/main",
        List.of(
            new ChangedFile(
                "app/core/database.py",
                ChangeType.MODIFY,
                null,
                List.of("Raise pool_size to 50 | sale traffic", "Add `pool_pre_ping`")),
            new ChangedFile(
                "app/db/session.py", ChangeType.RENAME, "app/session.py", List.of("Move session")),
            new ChangedFile("docs/<b>notes</b>.md", ChangeType.ADD, null, List.of()),
            new ChangedFile("old.py", ChangeType.DELETE, null, List.of("Drop old.py"))),
        5,
        new UncommittedChanges(List.of("app/main.py"), List.of(), List.of(".env"), false),
        List.of("… 1 more changed files not listed (limit 4)"));
  }

  public static RiskAssessment risk() {
    return RiskAssessment.of(
        List.of(
            new RiskFinding(
                "app/core/database.py",
                "database-engine",
                RiskCategory.DATABASE,
                RiskLevel.HIGH,
                "connection pool and engine settings: a mistake takes every service's database"
                    + " access down",
                null),
            new RiskFinding(
                "app/core/database.py",
                "db-pool",
                RiskCategory.DATABASE,
                RiskLevel.HIGH,
                "pool sizing decides how many connections every worker holds",
                "engine = create_engine(url, pool_size=50) # `|` *"),
            new RiskFinding(
                "app/main.py",
                "app-entry-point",
                RiskCategory.PROCESS_MANAGEMENT,
                RiskLevel.MEDIUM,
                "the entry point: an import error keeps the service from starting",
                null)));
  }
}
