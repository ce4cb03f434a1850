package dev.stagegate.report.checklist;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.approval.ApprovalRefusal;
import dev.stagegate.report.approval.ApprovalStatus;
import dev.stagegate.report.checklist.GateEvidence.Found;
import dev.stagegate.report.policy.DeployPolicy;
import dev.stagegate.report.policy.PolicyDecision;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

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
            healthy(staging),
            noRestarts(ChecklistItemId.ZERO_RESTARTS, staging, NO_STAGING),
            trends(report),
            noLogErrors(ChecklistItemId.STAGING_NO_LOG_ERRORS, staging, NO_STAGING),
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
            manual(
                ChecklistItemId.CODE_REVIEW,
                "not in the evidence: check the pull request's review"),
            tests(facts),
            stagingVerified(report, facts),
            TargetEvidence.migrations(
                ChecklistItemId.MIGRATIONS_TESTED, GateEvidence.staging(report), NO_STAGING),
            approval(facts),
            rollbackDrill(report),
            markerPrepared(report, facts),
            window(report, facts),
            manual(ChecklistItemId.ON_CALL, "not in the evidence: confirm with the rota")));
  }

  private static Checklist during(AuditReport report, DeployFacts facts) {
    List<GateResult> post = GateEvidence.postDeploy(report);
    return new Checklist(
        ChecklistId.DURING_DEPLOYMENT,
        List.of(
            markerOnTarget(post, facts),
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
            noLogErrors(ChecklistItemId.TARGET_NO_LOG_ERRORS, post, NO_POST_DEPLOY),
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
            watchCompleted(post),
            manual(
                ChecklistItemId.MONITORING_NORMAL,
                "not in the evidence: compare the dashboards with before the deploy")));
  }

  /** Nothing in a gate's evidence signs in, walks a page or pays: a person does. */
  private static Checklist postUserFacing() {
    return new Checklist(
        ChecklistId.POST_DEPLOYMENT_USER,
        List.of(
            manual(ChecklistItemId.USERS_CAN_SIGN_IN, "not in the evidence: sign in as a user"),
            manual(
                ChecklistItemId.CORE_FLOWS_WORK,
                "not in the evidence: walk the main pages (a smoke check on the target proves"
                    + " only what it requests)"),
            manual(ChecklistItemId.PAYMENTS_WORK, "not in the evidence: make a test payment")));
  }

  private static ChecklistItem manual(ChecklistItemId id, String evidence) {
    return new ChecklistItem(id, ItemState.MANUAL, evidence);
  }

  private static ChecklistItem healthy(List<GateResult> staging) {
    ChecklistItemId text = ChecklistItemId.EVERY_SERVICE_HEALTHY;
    List<Found> found = GateEvidence.checks(staging, CheckName.ALL_SERVICES_HEALTHY::matches);
    ChecklistItem fromChecks = GateEvidence.fromChecks(text, found, NO_STAGING);
    if (fromChecks.state() != ItemState.DONE) {
      return fromChecks;
    }
    // At the end too: a service that turned unhealthy later is caught here.
    for (GateResult g : staging) {
      for (ServiceEvidence s : g.services()) {
        if (s.health().equals("unhealthy")) {
          return new ChecklistItem(
              text, ItemState.FAILED, GateEvidence.cite(g) + ": " + s.service() + " unhealthy");
        }
      }
    }
    Found first = found.stream().filter(f -> f.check().passed()).findFirst().orElseThrow();
    return new ChecklistItem(
        text,
        ItemState.DONE,
        GateEvidence.cite(first.gate())
            + ": PASS; "
            + serviceStates(first.gate().services())
            + GateEvidence.more(found.size() - 1));
  }

  private static String serviceStates(List<ServiceEvidence> services) {
    if (services.isEmpty()) {
      return "no service evidence";
    }
    List<String> states = new ArrayList<>();
    for (ServiceEvidence s : services) {
      if (states.size() == 6) {
        states.add("… " + (services.size() - 6) + " more");
        break;
      }
      if (s.oneShot()) {
        states.add(s.service() + " exited " + s.exitCode());
      } else {
        states.add(s.service() + " " + (s.health().equals("none") ? s.state() : s.health()));
      }
    }
    return String.join(", ", states);
  }

  private static ChecklistItem noRestarts(
      ChecklistItemId text, List<GateResult> gates, String none) {
    int services = 0;
    for (GateResult g : gates) {
      for (ServiceEvidence s : g.services()) {
        services++;
        List<String> wrong = new ArrayList<>();
        if (s.restartCount() > 0) {
          wrong.add("restarted " + s.restartCount() + (s.restartCount() == 1 ? " time" : " times"));
        }
        boolean exited =
            s.oneShot() ? s.exitCode() != null && s.exitCode() != 0 : s.exitCode() != null;
        if (exited) {
          wrong.add("exited (exit code " + s.exitCode() + ")");
        }
        if (s.oomKilled()) {
          wrong.add("OOM-killed");
        }
        if (!wrong.isEmpty()) {
          return new ChecklistItem(
              text,
              ItemState.FAILED,
              GateEvidence.cite(g) + ": " + s.service() + " " + String.join(", ", wrong));
        }
      }
    }
    return noneFound(text, "0 restarts, exits or OOM kills", services, gates, none);
  }

  private static ChecklistItem trends(AuditReport report) {
    ChecklistItemId text = ChecklistItemId.NO_LEAK_OR_CPU_TREND;
    List<GateResult> burnIns = GateEvidence.burnIns(report);
    String inconclusive = null;
    int judged = 0;
    for (GateResult g : burnIns) {
      if (g.burnIn() == null) {
        continue;
      }
      for (ServiceTrend t : g.burnIn().trends()) {
        judged++;
        if (t.memoryVerdict().equals("leak")) {
          return new ChecklistItem(
              text, ItemState.FAILED, trendEvidence(g, t, "memory leak", t.memoryEvidence()));
        }
        if (t.cpuVerdict().equals("trend")) {
          return new ChecklistItem(
              text, ItemState.FAILED, trendEvidence(g, t, "CPU trend", t.cpuEvidence()));
        }
        if (inconclusive == null && t.memoryVerdict().equals(ServiceTrend.NOT_JUDGED)) {
          inconclusive = trendEvidence(g, t, "memory " + t.memoryShown(), t.memoryEvidence());
        } else if (inconclusive == null && t.memoryVerdict().equals("inconclusive")) {
          inconclusive = trendEvidence(g, t, "memory inconclusive", t.memoryEvidence());
        } else if (inconclusive == null && t.cpuVerdict().equals("inconclusive")) {
          inconclusive = trendEvidence(g, t, "CPU inconclusive", t.cpuEvidence());
        }
      }
    }
    if (inconclusive != null) {
      return manual(text, inconclusive);
    }
    if (judged == 0) {
      return manual(text, "no burn-in trends in this audit: run a @BurnIn gate");
    }
    GateResult first = burnIns.get(0);
    return new ChecklistItem(
        text,
        ItemState.DONE,
        GateEvidence.cite(first)
            + ": "
            + first.verdictText()
            + "; memory and CPU stable in "
            + judged
            + (judged == 1 ? " service" : " services")
            + GateEvidence.more(burnIns.size() - 1));
  }

  /** One service's trend finding, cited: {@code gate X#m: api memory leak; <evidence>}. */
  private static String trendEvidence(
      GateResult g, ServiceTrend t, String finding, String evidence) {
    return GateEvidence.cite(g)
        + ": "
        + t.service()
        + " "
        + finding
        + "; "
        + GateEvidence.detail(evidence);
  }

  private static ChecklistItem noLogErrors(
      ChecklistItemId text, List<GateResult> gates, String none) {
    int services = 0;
    for (GateResult g : gates) {
      for (ServiceEvidence s : g.services()) {
        services++;
        if (s.findingsTotal() > 0 || !s.findings().isEmpty()) {
          long total = Math.max(s.findingsTotal(), s.findings().size());
          String first =
              s.findings().isEmpty()
                  ? ""
                  : " (first: line "
                      + s.findings().get(0).lineNumber()
                      + ", "
                      + s.findings().get(0).rule()
                      + ")";
          return new ChecklistItem(
              text,
              ItemState.FAILED,
              GateEvidence.cite(g)
                  + ": "
                  + s.service()
                  + " "
                  + total
                  + (total == 1 ? " log finding" : " log findings")
                  + first);
        }
      }
    }
    return noneFound(text, "0 log findings", services, gates, none);
  }

  /**
   * DONE with {@code zero} in the {@code services} of {@code gates}; MANUAL when there was no
   * service to look at ({@code none} when there was no gate).
   */
  private static ChecklistItem noneFound(
      ChecklistItemId text, String zero, int services, List<GateResult> gates, String none) {
    if (services == 0) {
      return manual(text, gates.isEmpty() ? none : "no service evidence in the gates");
    }
    return new ChecklistItem(
        text,
        ItemState.DONE,
        zero
            + " in "
            + services
            + (services == 1 ? " service" : " services")
            + " of "
            + gates.size()
            + (gates.size() == 1 ? " gate" : " gates"));
  }

  private static ChecklistItem tests(DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.TESTS_PASSING;
    if (facts.tests().isEmpty()) {
      return manual(text, "no test reports given: check the CI run of this commit");
    }
    TestSummary t = facts.tests().get();
    if (t.failures() > 0 || t.errors() > 0) {
      return new ChecklistItem(text, ItemState.FAILED, t.describe());
    }
    if (t.tests() <= t.skipped()) {
      return manual(text, "no test ran: " + t.describe());
    }
    return new ChecklistItem(text, ItemState.DONE, t.describe());
  }

  private static ChecklistItem stagingVerified(AuditReport report, DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.STAGING_VERIFIED;
    List<GateResult> staging = GateEvidence.staging(report);
    if (staging.isEmpty()) {
      return manual(text, NO_STAGING);
    }
    List<GateResult> notPassed = staging.stream().filter(g -> g.verdict() != Verdict.PASS).toList();
    List<GateResult> cited = notPassed.isEmpty() ? staging : notPassed;
    List<String> parts = new ArrayList<>();
    for (GateResult g : cited.subList(0, Math.min(3, cited.size()))) {
      parts.add(GateEvidence.cite(g) + ": " + g.verdictText());
    }
    String evidence = String.join("; ", parts) + GateEvidence.more(cited.size() - 3);
    if (notPassed.isEmpty()) {
      return new ChecklistItem(text, ItemState.DONE, evidence);
    }
    Optional<ApprovalRecord> accepted = acceptance(facts);
    if (accepted.isPresent()) {
      return new ChecklistItem(
          text, ItemState.ACCEPTED, evidence + "; " + accepted(accepted.get()));
    }
    if (notPassed.stream().allMatch(g -> g.verdict() == Verdict.PASS_SHORTENED)) {
      // nothing failed, but not the evidence asked for: a person decides, and records why
      return manual(
          text,
          evidence
              + "; watched less than requested: deploy only after a full run, or approve with"
              + " ApprovalCli approve --accept REASON");
    }
    return new ChecklistItem(text, ItemState.FAILED, evidence);
  }

  /** The approval, when it is valid and accepts a verdict other than PASS with a reason. */
  private static Optional<ApprovalRecord> acceptance(DeployFacts facts) {
    return facts
        .approval()
        .filter(ApprovalStatus::approved)
        .flatMap(ApprovalStatus::record)
        .filter(ApprovalRecord::acceptsNonPass);
  }

  /** {@code PASS_SHORTENED accepted by alice at 2026-11-23 14:02 UTC: "burn-in shortened …"}. */
  private static String accepted(ApprovalRecord a) {
    return a.verdict()
        + " accepted by "
        + GateEvidence.detail(a.reviewer())
        + " at "
        + MINUTE.format(a.approvedAt())
        + ": \""
        + GateEvidence.detail(a.accepted())
        + "\"";
  }

  private static ChecklistItem approval(DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.AUDIT_APPROVED;
    if (facts.approval().isEmpty()) {
      return manual(text, "approval not checked: run ApprovalCli check --audit stability_audit.md");
    }
    ApprovalStatus status = facts.approval().get();
    if (!status.approved()) {
      List<ApprovalRefusal> problems = status.problems();
      return new ChecklistItem(
          text,
          ItemState.FAILED,
          problems.get(0).reason()
              + ": "
              + problems.get(0).message()
              + GateEvidence.more(problems.size() - 1));
    }
    Optional<ApprovalRecord> r = status.record();
    if (r.isPresent() && r.get().acceptsNonPass()) {
      return new ChecklistItem(
          text,
          ItemState.ACCEPTED,
          accepted(r.get()) + " for commit " + r.get().shortCommit() + "; SHA-256 unchanged");
    }
    return new ChecklistItem(
        text,
        ItemState.DONE,
        r.map(
                a ->
                    "approved by "
                        + GateEvidence.detail(a.reviewer())
                        + " at "
                        + MINUTE.format(a.approvedAt())
                        + " for commit "
                        + a.shortCommit()
                        + "; SHA-256 unchanged")
            .orElse("approval checked"));
  }

  private static ChecklistItem rollbackDrill(AuditReport report) {
    ChecklistItemId text = ChecklistItemId.ROLLBACK_PROVEN;
    List<GateResult> drills = GateEvidence.rollbackDrills(report);
    if (drills.isEmpty()) {
      return manual(text, "no rollback drill in this audit: walk the rollback command below");
    }
    for (GateResult g : drills) {
      if (g.verdict() != Verdict.PASS) {
        String why = g.failures().isEmpty() ? "" : "; " + GateEvidence.detail(g.failures().get(0));
        return new ChecklistItem(
            text, ItemState.FAILED, GateEvidence.cite(g) + ": " + g.verdictText() + why);
      }
    }
    return new ChecklistItem(
        text,
        ItemState.DONE,
        GateEvidence.cite(drills.get(0))
            + ": "
            + drills.get(0).verdictText()
            + GateEvidence.more(drills.size() - 1));
  }

  private static ChecklistItem markerPrepared(AuditReport report, DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.MARKER_PREPARED;
    List<Found> checked =
        GateEvidence.checks(
            GateEvidence.preDeploy(report),
            c -> CheckName.DEPLOYMENT_MARKER.matches(c) && c.status() != CheckStatus.SKIPPED);
    if (!checked.isEmpty()) {
      return GateEvidence.fromChecks(text, checked, "");
    }
    ChecklistItem onTarget = markerOnTarget(GateEvidence.postDeploy(report), facts);
    if (onTarget.state() == ItemState.DONE) {
      return new ChecklistItem(text, ItemState.DONE, onTarget.evidence());
    }
    return manual(
        text, "not in the evidence: MarkerCli write --version V --environment E in the build");
  }

  private static ChecklistItem markerOnTarget(List<GateResult> post, DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.MARKER_ON_TARGET;
    if (facts.markerVerified().isPresent()) {
      return facts.markerVerified().get()
          ? new ChecklistItem(text, ItemState.DONE, "marker names the commit (checked)")
          : new ChecklistItem(
              text, ItemState.FAILED, "marker does not name the commit to deploy (checked)");
    }
    return GateEvidence.fromChecks(
        text,
        GateEvidence.checks(post, CheckName.DEPLOYMENT_MARKER::matches),
        post.isEmpty() ? NO_POST_DEPLOY : "the post-deploy watch did not read the marker");
  }

  private static ChecklistItem window(AuditReport report, DeployFacts facts) {
    ChecklistItemId text = ChecklistItemId.DEPLOY_WINDOW;
    if (facts.policy().isEmpty()) {
      // decided in an earlier step: its @PreDeployCheck records the window, or the override
      List<GateResult> pre = GateEvidence.preDeploy(report);
      List<Found> overridden =
          GateEvidence.checks(
              pre, c -> CheckName.DEPLOY_WINDOW_OVERRIDDEN.matches(c) && c.passed());
      if (!overridden.isEmpty()) {
        return new ChecklistItem(
            text,
            ItemState.ACCEPTED,
            overridden.get(0).cited() + GateEvidence.more(overridden.size() - 1));
      }
      return GateEvidence.fromChecks(
          text,
          GateEvidence.checks(pre, CheckName.DEPLOY_WINDOW::matches),
          "deploy policy not evaluated: check the time against peak hours");
    }
    PolicyDecision d = facts.policy().get();
    Optional<String> override =
        d.overrides().stream().filter(o -> o.startsWith(DeployPolicy.RULE_WINDOW)).findFirst();
    if (d.block(DeployPolicy.RULE_WINDOW).isPresent()) {
      return new ChecklistItem(
          text, ItemState.FAILED, d.block(DeployPolicy.RULE_WINDOW).get().reason());
    }
    // inside the window but let through with a reason: accepted, never done
    return override
        .map(o -> new ChecklistItem(text, ItemState.ACCEPTED, o))
        .orElseGet(
            () ->
                new ChecklistItem(
                    text, ItemState.DONE, "deploy policy: not inside a blocked window"));
  }

  private static ChecklistItem watchCompleted(List<GateResult> post) {
    ChecklistItemId text = ChecklistItemId.WATCH_COMPLETED;
    List<Found> watches = GateEvidence.checks(post, CheckName.WATCH::matches);
    ChecklistItem item = GateEvidence.fromChecks(text, watches, NO_POST_DEPLOY);
    if (item.state() != ItemState.DONE) {
      return item;
    }
    Found first = watches.stream().filter(f -> f.check().passed()).findFirst().orElseThrow();
    // The gate's verdict text says when the watch was shortened: never read as the full one,
    // nor shown done.
    return new ChecklistItem(
        text,
        first.gate().verdict() == Verdict.PASS_SHORTENED ? ItemState.MANUAL : ItemState.DONE,
        GateEvidence.cite(first.gate())
            + ": "
            + first.gate().verdictText()
            + "; "
            + GateEvidence.detail(first.check().detail())
            + GateEvidence.more(watches.size() - 1));
  }
}
