package dev.stagegate.deploy.checklist;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.text.UntrustedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The gates of an audit grouped as the checklists read them, and how evidence is cited: {@code gate
 * StagingGateIT#stackIsHealthy: …}.
 */
final class GateEvidence {
  /** Kind name of {@code @RollbackDrill} gates; by name, so this compiles without the constant. */
  static final String ROLLBACK_DRILL = "ROLLBACK_DRILL";

  /** Longest piece of a check's detail quoted in evidence. */
  private static final int DETAIL_SHOWN = 160;

  private GateEvidence() {}

  /** Smoke gates and burn-ins: the staging evidence. */
  static List<GateResult> staging(AuditReport report) {
    return ofKinds(report, Set.of(GateKind.HEALTHY_SMOKE.name(), GateKind.BURN_IN.name()));
  }

  static List<GateResult> burnIns(AuditReport report) {
    return ofKinds(report, Set.of(GateKind.BURN_IN.name()));
  }

  static List<GateResult> postDeploy(AuditReport report) {
    return ofKinds(report, Set.of(GateKind.POST_DEPLOY_WATCH.name()));
  }

  static List<GateResult> preDeploy(AuditReport report) {
    return ofKinds(report, Set.of(GateKind.PRE_DEPLOY_CHECK.name()));
  }

  static List<GateResult> rollbackDrills(AuditReport report) {
    return ofKinds(report, Set.of(ROLLBACK_DRILL));
  }

  private static List<GateResult> ofKinds(AuditReport report, Set<String> kinds) {
    return report.gates().stream().filter(g -> kinds.contains(g.kind().name())).toList();
  }

  /** {@code gate StagingGateIT#stackIsHealthy}: the class's simple name and the method. */
  static String cite(GateResult gate) {
    String id = gate.id();
    int hash = id.indexOf('#');
    String type = hash < 0 ? id : id.substring(0, hash);
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return "gate " + simple + (hash < 0 ? "" : id.substring(hash));
  }

  /** A check's detail as evidence: one line, bounded. */
  static String detail(String text) {
    String line = UntrustedText.cleanLine(text).strip();
    return line.length() > DETAIL_SHOWN ? line.substring(0, DETAIL_SHOWN) + "…" : line;
  }

  /** A check found in a gate. */
  record Found(GateResult gate, CheckResult check) {
    String cited() {
      return cite(gate) + ": " + check.name() + " " + check.status() + suffix(check.detail());
    }
  }

  /** Every check matching {@code which} in {@code gates}, in order. */
  static List<Found> checks(List<GateResult> gates, Predicate<CheckResult> which) {
    List<Found> found = new ArrayList<>();
    for (GateResult g : gates) {
      for (CheckResult c : g.checks()) {
        if (which.test(c)) {
          found.add(new Found(g, c));
        }
      }
    }
    return found;
  }

  /**
   * The item for checks: FAILED when one failed (citing it), DONE when one passed and none failed,
   * MANUAL when all were skipped or there are none ({@code none} says what to do then).
   */
  static ChecklistItem fromChecks(ChecklistItemId text, List<Found> found, String none) {
    List<Found> failed =
        found.stream().filter(f -> f.check().status() == CheckStatus.FAIL).toList();
    if (!failed.isEmpty()) {
      return new ChecklistItem(text, ItemState.FAILED, cited(failed));
    }
    List<Found> passed = found.stream().filter(f -> f.check().passed()).toList();
    if (!passed.isEmpty()) {
      return new ChecklistItem(text, ItemState.DONE, cited(passed));
    }
    if (!found.isEmpty()) {
      return new ChecklistItem(text, ItemState.MANUAL, cited(found));
    }
    return new ChecklistItem(text, ItemState.MANUAL, none);
  }

  private static String cited(List<Found> found) {
    return found.get(0).cited() + more(found.size() - 1);
  }

  /** {@code "; 2 more"} or nothing. */
  static String more(int n) {
    return n <= 0 ? "" : " (+" + n + " more)";
  }

  private static String suffix(String detail) {
    String d = detail(detail);
    return d.isEmpty() ? "" : "; " + d;
  }
}
