package dev.stagegate.report.deploy;

import dev.stagegate.report.TestedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Entries for tests. */
final class DeploymentEntries {
  static final String HEAD = "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0";
  static final String AUDIT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private DeploymentEntries() {}

  static DeploymentEntry entry(Instant when, Outcome outcome, String note) {
    return new DeploymentEntry(
        when,
        "1.2.3",
        HEAD,
        "production",
        "alice",
        outcome,
        Duration.ofSeconds(84, 250_000_000),
        List.of(
            new HookResultSummary(
                "health /ready", HookResultSummary.PASS, Duration.ofMillis(420), ""),
            new HookResultSummary(
                "smoke",
                outcome == Outcome.SUCCESS ? HookResultSummary.PASS : HookResultSummary.TIMEOUT,
                Duration.ofSeconds(30),
                outcome == Outcome.SUCCESS ? "" : "no answer in 30 s")),
        AUDIT,
        note);
  }

  /**
   * A successful deployment of {@code version}, which the text block shows (the note it does not).
   */
  static DeploymentEntry versioned(String version) {
    DeploymentEntry e = entry(Instant.now(), Outcome.SUCCESS, "");
    return new DeploymentEntry(
        e.when(),
        version,
        e.commit(),
        e.environment(),
        e.deployedBy(),
        e.outcome(),
        e.duration(),
        e.hooks(),
        e.auditSha256(),
        e.note());
  }

  /**
   * A deployment by alice that took 30 s, without hooks, audit or note: for tests that look only at
   * when, what and where it was deployed, and how it ended.
   */
  static DeploymentEntry bare(
      Instant when,
      String version,
      String commit,
      String environment,
      Outcome outcome,
      List<TestedImage> images) {
    return new DeploymentEntry(
        when,
        version,
        commit,
        environment,
        "alice",
        outcome,
        Duration.ofSeconds(30),
        List.of(),
        null,
        "",
        images);
  }

  static DeploymentEntry entry(String note) {
    return entry(Instant.parse("2024-05-01T12:00:00Z"), Outcome.SUCCESS, note);
  }
}
