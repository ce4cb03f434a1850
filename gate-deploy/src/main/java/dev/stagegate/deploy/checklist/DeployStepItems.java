package dev.stagegate.deploy.checklist;

import dev.stagegate.deploy.checklist.GateEvidence.Found;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.policy.DeployPolicy;
import dev.stagegate.report.policy.PolicyDecision;
import java.util.List;
import java.util.Optional;

/**
 * Checklist items about the deploy's own steps: the rollback drill, the deployment marker, the
 * deploy window and the post-deploy watch.
 */
final class DeployStepItems {
  private DeployStepItems() {}

  /** DONE when every rollback drill passed. */
  static ChecklistItem rollbackDrill(AuditReport report) {
    ChecklistItemId text = ChecklistItemId.ROLLBACK_PROVEN;
    List<GateResult> drills = GateEvidence.rollbackDrills(report);
    if (drills.isEmpty()) {
      return ChecklistItem.manual(
          text, "no rollback drill in this audit: walk the rollback command below");
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

  /** A pre-deploy check of the marker, else the marker seen on the target. */
  static ChecklistItem markerPrepared(AuditReport report, DeployFacts facts) {
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
    return ChecklistItem.manual(
        text, "not in the evidence: MarkerCli write --version V --environment E in the build");
  }

  /** The marker check given in the facts, else the post-deploy watch's. */
  static ChecklistItem markerOnTarget(List<GateResult> post, DeployFacts facts) {
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
        post.isEmpty()
            ? Checklists.NO_POST_DEPLOY
            : "the post-deploy watch did not read the marker");
  }

  /** The deploy policy's window rule, or the @PreDeployCheck that recorded it. */
  static ChecklistItem window(AuditReport report, DeployFacts facts) {
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

  /** The watch passed; MANUAL when it was shortened. */
  static ChecklistItem watchCompleted(List<GateResult> post) {
    ChecklistItemId text = ChecklistItemId.WATCH_COMPLETED;
    List<Found> watches = GateEvidence.checks(post, CheckName.WATCH::matches);
    ChecklistItem item = GateEvidence.fromChecks(text, watches, Checklists.NO_POST_DEPLOY);
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
