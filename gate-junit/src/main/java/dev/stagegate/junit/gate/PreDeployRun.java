package dev.stagegate.junit.gate;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalCheck;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.approval.ApprovalStatus;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.deploy.MarkerCheck;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.policy.DeployPolicy;
import dev.stagegate.report.policy.PolicyBlock;
import dev.stagegate.report.policy.PolicyDecision;
import dev.stagegate.report.policy.PolicyFacts;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of a {@code @PreDeployCheck}: gathers the facts the deploy policy decides on (the
 * approval of the reviewed audit, the prepared marker, the rollback drill in that audit, the clock)
 * and turns the decision into checks. Reads files only; nothing is built or started.
 */
public final class PreDeployRun {
  /** The gate kind a {@code @RollbackDrill} reports as (by name: the drill is optional). */
  static final String ROLLBACK_DRILL = "ROLLBACK_DRILL";

  private final PreDeploySpec spec;
  private final List<CheckResult> checks = new ArrayList<>();
  private Throwable bodyFailure;
  private Optional<AuditReport> approvedAudit = Optional.empty();
  private ApprovalStatus approval;
  private PolicyDecision decision;

  public PreDeployRun(PreDeploySpec spec) {
    this.spec = spec;
  }

  /** The exception the method body threw, if any. */
  public Throwable bodyFailure() {
    return bodyFailure;
  }

  /** The reviewed audit as read from its JSON twin; empty when it could not be read. */
  public Optional<AuditReport> approvedAudit() {
    return approvedAudit;
  }

  /** What the approval check found; set by {@link #execute}. */
  public ApprovalStatus approval() {
    return approval;
  }

  /** What the policy decided; set by {@link #execute}. */
  public PolicyDecision decision() {
    return decision;
  }

  /** Decides and returns the result; a refused deploy is in the result, not thrown. */
  public GateResult execute(GateRun.Body body) {
    Instant started = Instant.now();
    approval =
        ApprovalCheck.of(spec.audit())
            .withApproval(spec.approval())
            .expectingCommit(spec.commit())
            .run();
    approvedAudit = readAudit(spec.audit());
    Optional<Boolean> drill = approvedAudit.flatMap(PreDeployRun::rollbackDrillPassed);
    Optional<List<String>> markerProblems = spec.markerFile().map(f -> markerProblems());
    Instant now = Instant.now();
    decision =
        spec.policy()
            .evaluate(
                new PolicyFacts(
                    now, approval.problems(), markerProblems.map(List::isEmpty), drill));

    checks.add(approvalCheck());
    checks.add(windowCheck(now));
    checks.add(markerCheck(markerProblems));
    checks.add(drillCheck(drill));
    try {
      body.run();
    } catch (Throwable t) {
      bodyFailure = t;
    }

    List<String> failures = new ArrayList<>();
    for (PolicyBlock b : decision.blocks()) {
      failures.add(
          b.rule().equals(DeployPolicy.RULE_MARKER) && markerProblems.isPresent()
              ? markerBlock(b, markerProblems.get())
              : b.sentence());
    }
    if (bodyFailure != null) {
      failures.add(GateMethod.failed(bodyFailure));
    }
    GateVerdict decided = GateVerdict.of(failures, List.of());
    return ReportRedaction.redact(
        GateResult.builder(spec.id(), GateKind.PRE_DEPLOY_CHECK)
            .displayName(spec.displayName())
            .verdict(decided.verdict())
            .startedAt(started)
            .duration(Duration.between(started, Instant.now()))
            .composeFile(spec.audit().toString())
            .project(spec.environment().isBlank() ? "-" : spec.environment())
            .engine(new EngineInfo("n/a", "n/a", "n/a (no stack)"))
            .checks(checks)
            .services(List.of())
            .failures(decided.reasons())
            .build(),
        Redactor.defaults());
  }

  /**
   * The reviewed audit, read from the JSON twin of {@code auditMd}; empty when it cannot be read
   * (the approval check names a missing or unreadable audit).
   */
  public static Optional<AuditReport> readAudit(Path auditMd) {
    try {
      return Optional.of(AuditJson.readReport(ApprovalRecord.jsonTwin(auditMd)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether a rollback drill in the audit passed; empty when the audit holds none. */
  static Optional<Boolean> rollbackDrillPassed(AuditReport report) {
    List<GateResult> drills =
        report.gates().stream().filter(g -> g.kind().name().equals(ROLLBACK_DRILL)).toList();
    if (drills.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(drills.stream().allMatch(g -> g.verdict() == Verdict.PASS));
  }

  private List<String> markerProblems() {
    MarkerCheck check = MarkerCheck.expecting().commit(spec.commit());
    if (!spec.environment().isBlank()) {
      check = check.environment(spec.environment());
    }
    if (spec.version().isPresent()) {
      check = check.version(spec.version().get());
    }
    Optional<String> json;
    try {
      json = Optional.of(Files.readString(spec.markerFile().orElseThrow()));
    } catch (NoSuchFileException e) {
      json = Optional.empty();
    } catch (IOException e) {
      return List.of("the prepared marker " + spec.markerFile().get() + " cannot be read: " + e);
    }
    return check.problems(json, "build context " + spec.markerFile().get().getParent());
  }

  /** The policy speaks of a marker on the target; before the deploy it is the prepared file. */
  private String markerBlock(PolicyBlock b, List<String> problems) {
    return b.rule()
        + ": The deployment marker prepared in "
        + spec.markerFile().orElseThrow()
        + " does not name the commit to deploy ("
        + String.join("; ", problems)
        + "). "
        + b.howToOverride();
  }

  private CheckResult approvalCheck() {
    String raw = approval.record().map(ApprovalRecord::toJson).orElse("");
    if (approval.approved()) {
      ApprovalRecord r = approval.record().orElseThrow();
      return CheckResult.pass(
          "approval",
          "approved by "
              + r.reviewer()
              + " at "
              + r.approvedAt()
              + " for commit "
              + r.shortCommit()
              + "; the audit is unchanged since (SHA-256 "
              + r.auditSha256().substring(0, 12)
              + "…)"
              + (r.acceptsNonPass()
                  ? "; ⚠️ ACCEPTED " + r.verdict() + ": \"" + r.accepted() + "\""
                  : ""),
          raw);
    }
    String why = String.join(" ", approval.problems().stream().map(p -> p.message()).toList());
    return spec.policy().requireApproval()
        ? CheckResult.fail("approval", why, raw)
        : new CheckResult(
            "approval",
            CheckStatus.SKIPPED,
            "not required (" + DeployPolicy.REQUIRE_APPROVAL + "=false): " + why,
            raw);
  }

  private CheckResult windowCheck(Instant now) {
    if (spec.policy().blockedWindow().isEmpty()) {
      return new CheckResult(
          CheckName.DEPLOY_WINDOW.id(),
          CheckStatus.SKIPPED,
          "no blocked window (" + DeployPolicy.BLOCKED_WINDOW + " not set)",
          "");
    }
    Optional<PolicyBlock> block = decision.block(DeployPolicy.RULE_WINDOW);
    if (block.isPresent()) {
      return CheckResult.fail(CheckName.DEPLOY_WINDOW.id(), block.get().sentence(), "");
    }
    Optional<String> override =
        decision.overrides().stream()
            .filter(o -> o.startsWith(DeployPolicy.RULE_WINDOW))
            .findFirst();
    if (override.isPresent()) {
      // let through with a recorded reason: its own check, which the checklists show as
      // accepted, never as done
      return CheckResult.pass(CheckName.DEPLOY_WINDOW_OVERRIDDEN.id(), override.get(), "");
    }
    return CheckResult.pass(
        CheckName.DEPLOY_WINDOW.id(),
        "outside the blocked window "
            + spec.policy().blockedWindow().get()
            + ": it is "
            + spec.policy().blockedWindow().get().localTime(now),
        "");
  }

  private CheckResult markerCheck(Optional<List<String>> problems) {
    if (problems.isEmpty()) {
      return new CheckResult(
          CheckName.DEPLOYMENT_MARKER.id(),
          spec.policy().requireMarker() ? CheckStatus.FAIL : CheckStatus.SKIPPED,
          "no markerFile given",
          "");
    }
    String raw;
    try {
      raw = Files.readString(spec.markerFile().orElseThrow());
    } catch (IOException e) {
      raw = "";
    }
    return problems.get().isEmpty()
        ? CheckResult.pass(
            CheckName.DEPLOYMENT_MARKER.id(),
            "prepared in " + spec.markerFile().get() + " for commit " + shortCommit(),
            raw)
        : CheckResult.fail(
            CheckName.DEPLOYMENT_MARKER.id(), String.join("; ", problems.get()), raw);
  }

  private CheckResult drillCheck(Optional<Boolean> drill) {
    CheckStatus missing =
        spec.policy().requireRollbackDrill() ? CheckStatus.FAIL : CheckStatus.SKIPPED;
    if (drill.isEmpty()) {
      return new CheckResult("rollback drill", missing, "no rollback drill in the audit", "");
    }
    return drill.get()
        ? CheckResult.pass("rollback drill", "the audit holds a passing rollback drill", "")
        : new CheckResult(
            "rollback drill", missing, "the rollback drill in the audit did not pass", "");
  }

  private String shortCommit() {
    return spec.commit().substring(0, Math.min(7, spec.commit().length()));
  }
}
