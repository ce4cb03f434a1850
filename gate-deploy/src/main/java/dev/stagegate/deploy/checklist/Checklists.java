package dev.stagegate.deploy.checklist;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistId;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import java.util.ArrayList;
import java.util.List;

/**
 * The deploy checklists, filled from the evidence: each item is {@link ItemState#DONE} or {@link
 * ItemState#FAILED} when the audit (or the {@link DeployFacts}) shows it, with the evidence cited,
 * {@link ItemState#ACCEPTED} when it was let through with a recorded reason, and {@link
 * ItemState#MANUAL} when nothing shows it.
 *
 * <p>The staging gate's checklist is stagegate's; the others are the seed's ({@code
 * deployment-safety}, seed 004): pre-deployment, during deployment, and the post-deployment
 * verification, system-facing and user-facing. Items are keyed by {@link ChecklistItemId}; the
 * checks they read are named by {@link CheckName}, which the gates write with, and by gate kind:
 * smoke gates and burn-ins, {@code @PreDeployCheck} and {@code @PostDeployWatch} gates (their
 * checks, hooks and services, see {@link TargetEvidence}), rollback drills.
 *
 * <pre>{@code
 * Checklist staging = Checklists.stagingGate(report, DeployFacts.none());
 * List<Checklist> phases = Checklists.rollbackSafety(report, facts);  // pre, during, post ×2
 * }</pre>
 */
public final class Checklists {
  static final String NO_STAGING = "no smoke gate or burn-in in this audit";
  static final String NO_POST_DEPLOY =
      "no @PostDeployWatch in this audit: check the deployed target";

  private Checklists() {}

  /** The staging gate's and the seed's four checklists, in that order. */
  public static List<Checklist> all(AuditReport report, DeployFacts facts) {
    List<Checklist> all = new ArrayList<>();
    all.add(stagingGate(report, facts));
    all.addAll(rollbackSafety(report, facts));
    return List.copyOf(all);
  }

  /**
   * Staging gate: rebuilt without cache, every service healthy, no restart/exit/OOM kill, no memory
   * leak or CPU trend, no errors in logs, smoke checks passed.
   */
  public static Checklist stagingGate(AuditReport audit, DeployFacts facts) {
    AuditReport report = facts.evidence(audit);
    List<GateResult> staging = GateEvidence.staging(report);
    return new Checklist(
        ChecklistId.STAGING_GATE,
        List.of(
            GateEvidence.fromChecks(
                ChecklistItemId.REBUILT_WITHOUT_CACHE,
                GateEvidence.checks(staging, CheckName.NO_CACHE_BUILD::matches),
                staging.isEmpty() ? NO_STAGING : "no no-cache build check in the staging gates"),
            ServiceItems.healthy(staging),
            ServiceItems.noRestarts(ChecklistItemId.ZERO_RESTARTS, staging, NO_STAGING),
            TrendItem.fromBurnIns(report),
            ServiceItems.noLogErrors(ChecklistItemId.STAGING_NO_LOG_ERRORS, staging, NO_STAGING),
            GateEvidence.fromChecks(
                ChecklistItemId.SMOKE_CHECKS_PASSED,
                GateEvidence.checks(staging, CheckName.SMOKE::matches),
                staging.isEmpty() ? NO_STAGING : "no @SmokeCheck in the staging gates")));
  }

  /**
   * The seed's checklists: pre-deployment, during deployment, post-deployment system-facing and
   * user-facing, in that order.
   */
  public static List<Checklist> rollbackSafety(AuditReport audit, DeployFacts facts) {
    AuditReport report = facts.evidence(audit);
    return List.of(
        preDeployment(report, facts),
        during(report, facts),
        postSystemFacing(report),
        postUserFacing());
  }

  /** The item with this id, filled from the evidence. */
  public static ChecklistItem item(AuditReport report, DeployFacts facts, ChecklistItemId id) {
    return all(report, facts).stream()
        .filter(c -> c.id() == id.checklist())
        .findFirst()
        .flatMap(c -> c.item(id))
        .orElseThrow(() -> new IllegalStateException(id + " is in no checklist"));
  }

  private static Checklist preDeployment(AuditReport report, DeployFacts facts) {
    return new Checklist(
        ChecklistId.PRE_DEPLOYMENT,
        List.of(
            ChecklistItem.manual(
                ChecklistItemId.CODE_REVIEW,
                "not in the evidence: check the pull request's review"),
            tests(facts),
            ApprovalItems.stagingVerified(report, facts),
            TargetEvidence.migrations(
                ChecklistItemId.MIGRATIONS_TESTED, GateEvidence.staging(report), NO_STAGING),
            ApprovalItems.auditApproved(facts),
            DeployStepItems.rollbackDrill(report),
            DeployStepItems.markerPrepared(report, facts),
            DeployStepItems.window(report, facts),
            ChecklistItem.manual(
                ChecklistItemId.ON_CALL, "not in the evidence: confirm with the rota")));
  }

  private static Checklist during(AuditReport report, DeployFacts facts) {
    List<GateResult> post = GateEvidence.postDeploy(report);
    return new Checklist(
        ChecklistId.DURING_DEPLOYMENT,
        List.of(
            DeployStepItems.markerOnTarget(post, facts),
            GateEvidence.fromChecks(
                ChecklistItemId.RUNNING_APPROVED_IMAGES,
                GateEvidence.checks(
                    post,
                    c -> CheckName.APPROVED_IMAGES.matches(c) && c.status() != CheckStatus.SKIPPED),
                post.isEmpty()
                    ? NO_POST_DEPLOY
                    : "not compared: give the post-deploy watch stagegate.approval.audit"),
            TargetEvidence.migrations(ChecklistItemId.MIGRATIONS_APPLIED, post, NO_POST_DEPLOY),
            TargetEvidence.workersStarted(post),
            TargetEvidence.configurationLoaded(post),
            TargetEvidence.databaseReachable(post),
            GateEvidence.fromChecks(
                ChecklistItemId.HEALTH_CHECKS_PASS,
                TargetEvidence.healthHooks(post),
                post.isEmpty() ? NO_POST_DEPLOY : "no health hook in the post-deploy watch")));
  }

  private static Checklist postSystemFacing(AuditReport report) {
    List<GateResult> post = GateEvidence.postDeploy(report);
    return new Checklist(
        ChecklistId.POST_DEPLOYMENT_SYSTEM,
        List.of(
            ServiceItems.noLogErrors(ChecklistItemId.TARGET_NO_LOG_ERRORS, post, NO_POST_DEPLOY),
            GateEvidence.fromChecks(
                ChecklistItemId.SYSTEM_STATE_STATUS,
                GateEvidence.checks(
                    post,
                    c ->
                        CheckName.HOOK.matches(c)
                            && c.name().contains(TargetEvidence.SYSTEM_STATE_STATUS)),
                post.isEmpty()
                    ? NO_POST_DEPLOY
                    : "no post-deploy hook reads system_state_status: add metrics ="
                        + " {\"system_state_status=0\"}"),
            DeployStepItems.watchCompleted(post),
            ChecklistItem.manual(
                ChecklistItemId.MONITORING_NORMAL,
                "not in the evidence: compare the dashboards with before the deploy")));
  }

  /** Nothing in a gate's evidence signs in, walks a page or pays: a person does. */
  private static Checklist postUserFacing() {
    return new Checklist(
        ChecklistId.POST_DEPLOYMENT_USER,
        List.of(
            ChecklistItem.manual(
                ChecklistItemId.USERS_CAN_SIGN_IN, "not in the evidence: sign in as a user"),
            ChecklistItem.manual(
                ChecklistItemId.CORE_FLOWS_WORK,
                "not in the evidence: walk the main pages (a smoke check on the target proves"
                    + " only what it requests)"),
            ChecklistItem.manual(
                ChecklistItemId.PAYMENTS_WORK, "not in the evidence: make a test payment")));
  }

  private static ChecklistItem tests(DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.TESTS_PASSING;
    if (facts.tests().isEmpty()) {
      return ChecklistItem.manual(text, "no test reports given: check the CI run of this commit");
    }
    TestSummary t = facts.tests().get();
    if (t.failures() > 0 || t.errors() > 0) {
      return new ChecklistItem(text, ItemState.FAILED, t.describe());
    }
    if (t.tests() <= t.skipped()) {
      return ChecklistItem.manual(text, "no test ran: " + t.describe());
    }
    return new ChecklistItem(text, ItemState.DONE, t.describe());
  }
}
