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
 * and {@link ItemState#MANUAL} when nothing shows it.
 *
 * <p>The items are read from what the gates record: the checks named {@code no-cache build}, {@code
 * all services healthy} and {@code smoke …} of smoke gates and burn-ins, their services (restarts,
 * exits, OOM kills, log findings) and burn-in trends; the {@code deployment marker}, {@code hook
 * health …}, {@code hook metric system_state_status} and {@code watch} checks and the services of
 * {@code @PostDeployWatch} gates; the verdicts of rollback drills ({@code ROLLBACK_DRILL} gates).
 *
 * <pre>{@code
 * Checklist staging = Checklists.stagingGate(report, DeployFacts.none());
 * List<Checklist> phases = Checklists.rollbackSafety(report, facts);  // pre, during, post
 * }</pre>
 */
public final class Checklists {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String NO_STAGING = "no smoke gate or burn-in in this audit";
  private static final String NO_POST_DEPLOY =
      "no @PostDeployWatch in this audit: check the deployed target";

  private Checklists() {}

  /** The staging gate's and the three rollback-safety checklists, in that order. */
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
        "Staging gate",
        List.of(
            GateEvidence.fromChecks(
                "Rebuilt without cache",
                GateEvidence.checks(staging, c -> c.name().equals("no-cache build")),
                staging.isEmpty() ? NO_STAGING : "no no-cache build check in the staging gates"),
            healthy(staging),
            noRestarts("Zero restarts, exits and OOM kills", staging, NO_STAGING),
            trends(report),
            noLogErrors("No errors in logs", staging, NO_STAGING),
            GateEvidence.fromChecks(
                "Smoke checks passed",
                GateEvidence.checks(staging, c -> c.name().startsWith("smoke ")),
                staging.isEmpty() ? NO_STAGING : "no @SmokeCheck in the staging gates")));
  }

  /** Pre-deployment, During deployment and Post-deployment, in that order. */
  public static List<Checklist> rollbackSafety(AuditReport audit, DeployFacts facts) {
    AuditReport report = facts.evidence(audit);
    return List.of(preDeployment(report, facts), during(report, facts), post(report));
  }

  private static Checklist preDeployment(AuditReport report, DeployFacts facts) {
    return new Checklist(
        "Pre-deployment",
        List.of(
            manual("Code review approved", "not in the evidence: check the pull request's review"),
            tests(facts),
            stagingVerified(report, facts),
            approval(facts),
            rollbackDrill(report),
            markerPrepared(report, facts),
            window(report, facts),
            manual("On-call engineer available", "not in the evidence: confirm with the rota")));
  }

  private static Checklist during(AuditReport report, DeployFacts facts) {
    List<GateResult> post = GateEvidence.postDeploy(report);
    return new Checklist(
        "During deployment",
        List.of(
            markerOnTarget(post, facts),
            GateEvidence.fromChecks(
                "Deployed images are the approved ones",
                GateEvidence.checks(
                    post,
                    c -> c.name().equals("approved images") && c.status() != CheckStatus.SKIPPED),
                post.isEmpty()
                    ? NO_POST_DEPLOY
                    : "not compared: give the post-deploy watch stagegate.approval.audit"),
            GateEvidence.fromChecks(
                "Health checks pass",
                GateEvidence.checks(post, c -> c.name().startsWith("hook health")),
                post.isEmpty() ? NO_POST_DEPLOY : "no health hook in the post-deploy watch"),
            workersRunning(post)));
  }

  private static Checklist post(AuditReport report) {
    List<GateResult> post = GateEvidence.postDeploy(report);
    return new Checklist(
        "Post-deployment",
        List.of(
            noLogErrors("No errors in logs", post, NO_POST_DEPLOY),
            GateEvidence.fromChecks(
                "system_state_status is 0",
                GateEvidence.checks(post, c -> c.name().contains("system_state_status")),
                post.isEmpty()
                    ? NO_POST_DEPLOY
                    : "no post-deploy hook reads system_state_status: add metrics ="
                        + " {\"system_state_status=0\"}"),
            watchCompleted(post),
            manual("Payment processing works", "not in the evidence: make a test payment")));
  }

  private static ChecklistItem manual(String text, String evidence) {
    return new ChecklistItem(text, ItemState.MANUAL, evidence);
  }

  private static ChecklistItem healthy(List<GateResult> staging) {
    String text = "Every service healthy";
    List<Found> found = GateEvidence.checks(staging, c -> c.name().equals("all services healthy"));
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

  private static ChecklistItem noRestarts(String text, List<GateResult> gates, String none) {
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
    String text = "No memory leak or CPU trend";
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

  private static ChecklistItem noLogErrors(String text, List<GateResult> gates, String none) {
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
      String text, String zero, int services, List<GateResult> gates, String none) {
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
    String text = "Tests passing";
    if (facts.tests().isEmpty()) {
      return manual(text, "no test reports given: check the CI run of this commit");
    }
    TestSummary t = facts.tests().get();
    if (t.failures() > 0 || t.errors() > 0) {
      return new ChecklistItem(text, ItemState.FAILED, t.describe());
    }
    if (t.tests() == 0) {
      return manual(text, "no test ran: " + t.describe());
    }
    return new ChecklistItem(text, ItemState.DONE, t.describe());
  }

  private static ChecklistItem stagingVerified(AuditReport report, DeployFacts facts) {
    String text = "Staging verification passed (smoke and burn-in)";
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
    String text = "Audit approved and unchanged since";
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
    String text = "Rollback plan proven (rollback drill)";
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
    String text = "Deployment marker prepared";
    List<Found> checked =
        GateEvidence.checks(
            GateEvidence.preDeploy(report),
            c -> c.name().equals("deployment marker") && c.status() != CheckStatus.SKIPPED);
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
    String text = "Deployment marker verified on the target";
    if (facts.markerVerified().isPresent()) {
      return facts.markerVerified().get()
          ? new ChecklistItem(text, ItemState.DONE, "marker names the commit (checked)")
          : new ChecklistItem(
              text, ItemState.FAILED, "marker does not name the commit to deploy (checked)");
    }
    return GateEvidence.fromChecks(
        text,
        GateEvidence.checks(post, c -> c.name().equals("deployment marker")),
        post.isEmpty() ? NO_POST_DEPLOY : "the post-deploy watch did not read the marker");
  }

  private static ChecklistItem window(AuditReport report, DeployFacts facts) {
    String text = "Outside the blocked deploy window";
    if (facts.policy().isEmpty()) {
      // decided in an earlier step: its @PreDeployCheck records the window (and any override)
      return GateEvidence.fromChecks(
          text,
          GateEvidence.checks(
              GateEvidence.preDeploy(report), c -> c.name().equals("deploy window")),
          "deploy policy not evaluated: check the time against peak hours");
    }
    PolicyDecision d = facts.policy().get();
    Optional<String> override =
        d.overrides().stream().filter(o -> o.startsWith(DeployPolicy.RULE_WINDOW)).findFirst();
    return d.block(DeployPolicy.RULE_WINDOW)
        .map(b -> new ChecklistItem(text, ItemState.FAILED, b.reason()))
        .orElseGet(
            () ->
                new ChecklistItem(
                    text,
                    ItemState.DONE,
                    override.orElse("deploy policy: not inside a blocked window")));
  }

  private static ChecklistItem workersRunning(List<GateResult> post) {
    String text = "Workers running (every long-running service)";
    List<String> running = new ArrayList<>();
    for (GateResult g : post) {
      for (ServiceEvidence s : g.services()) {
        if (s.oneShot()) {
          continue;
        }
        if (!s.state().equals("running")) {
          return new ChecklistItem(
              text,
              ItemState.FAILED,
              GateEvidence.cite(g)
                  + ": "
                  + s.service()
                  + " "
                  + GateEvidence.detail(s.state())
                  + (s.exitCode() == null ? "" : " (exit code " + s.exitCode() + ")"));
        }
        running.add(s.service());
      }
    }
    if (running.isEmpty()) {
      return manual(text, post.isEmpty() ? NO_POST_DEPLOY : "no service evidence on the target");
    }
    String names =
        running.size() <= 6
            ? String.join(", ", running)
            : String.join(", ", running.subList(0, 6)) + " … " + (running.size() - 6) + " more";
    return new ChecklistItem(
        text, ItemState.DONE, GateEvidence.cite(post.get(0)) + ": " + names + " running");
  }

  private static ChecklistItem watchCompleted(List<GateResult> post) {
    String text = "Post-deploy watch completed";
    List<Found> watches = GateEvidence.checks(post, c -> c.name().equals("watch"));
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
