package dev.stagegate.deploy.checklist;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import java.util.List;

/** The no-memory-leak-or-CPU-trend item, read from the burn-ins' trends. */
final class TrendItem {
  private TrendItem() {}

  /**
   * FAILED on a memory leak or CPU trend, MANUAL when a trend is inconclusive or none was judged.
   */
  static ChecklistItem fromBurnIns(AuditReport report) {
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
      return ChecklistItem.manual(text, inconclusive);
    }
    if (judged == 0) {
      return ChecklistItem.manual(text, "no burn-in trends in this audit: run a @BurnIn gate");
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
}
