package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.checklist.AuditChecklists;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistFiller;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code ## What is approved} ({@code What was tested} when a gate failed), right under the
 * verdict: the repository, branch and commit, the images of the services tested, the burn-in
 * requested and actually watched, the risk per category and the checklist counts. With the verdict
 * above it, this is the first screen a reviewer reads before approving; every line repeats a fact
 * the evidence below (and the JSON twin) holds, never one found only here or only in a folded
 * block.
 */
final class ApprovedSection implements AuditSection {
  /** How many files a risk line names before "+N more". */
  private static final int FILES_NAMED = 3;

  private final ChecklistFiller checklists;

  ApprovedSection() {
    this(ChecklistFiller.NONE);
  }

  private ApprovedSection(ChecklistFiller checklists) {
    this.checklists = checklists;
  }

  /** This section counting the checklists {@code filler} fills. */
  ApprovedSection withChecklists(ChecklistFiller filler) {
    return new ApprovedSection(filler);
  }

  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    if (report.gates().isEmpty()) {
      return; // nothing ran, nothing to approve: the verdict says so
    }
    // A failed audit approves nothing: the same facts, under a heading that does not say otherwise.
    doc.heading(2, report.verdict().nothingFailed() ? "What is approved" : "What was tested");
    List<String> lines = new ArrayList<>();
    lines.add(revision(report));
    lines.add(images(report));
    lines.addAll(burnIns(report));
    lines.addAll(risk(report));
    lines.add(checklists(report));
    doc.bullets(lines);
  }

  private static String revision(AuditReport report) {
    SourceRevision source = report.source();
    if (source != null) {
      return "Repository "
          + MarkdownText.code(source.repository())
          + " · branch "
          + MarkdownText.code(source.branch())
          + " · commit "
          + MarkdownText.code(source.commit());
    }
    ChangeSummary change = report.changeSummary();
    String head = change == null ? null : change.headCommit();
    return head == null
        ? "Repository, branch and commit: not recorded (no git repository was read for this audit)"
        : "Commit "
            + MarkdownText.code(head)
            + " · repository and branch not recorded (the audit was written without them)";
  }

  /**
   * The image ID of every service, as a deploy of this audit runs it (the tags the gates kept); a
   * name alone would not identify what was tested.
   */
  private static String images(AuditReport report) {
    List<TestedImage> kept = report.keptImages();
    if (!kept.isEmpty()) {
      List<String> each = new ArrayList<>();
      for (TestedImage image : kept) {
        each.add(MarkdownText.text(image.service()) + " " + MarkdownText.code(image.shortId()));
      }
      String tag = kept.get(0).tag();
      String scheme = tag.contains("/") ? tag.substring(0, tag.indexOf('/')) : tag;
      return "Images tested and kept (tags `"
          + MarkdownText.text(scheme)
          + "/<service>:<commit>`, full IDs under Images): "
          + String.join(", ", each);
    }
    TreeSet<String> services = new TreeSet<>();
    boolean recorded = false;
    for (GateResult gate : report.gates()) {
      recorded |= !gate.images().isEmpty();
      for (ServiceEvidence s : gate.services()) {
        services.add(s.service());
      }
    }
    return (recorded
            ? "Images: none kept (a gate failed, or stagegate.images.keep=false), nothing to deploy"
            : "Images: image IDs not recorded in this audit")
        + "; services tested: "
        + (services.isEmpty()
            ? "none"
            : String.join(", ", services.stream().map(MarkdownText::text).toList()));
  }

  private static List<String> burnIns(AuditReport report) {
    List<String> lines = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      BurnInEvidence b = gate.burnIn();
      if (b == null) {
        if (gate.kind() == GateKind.BURN_IN || gate.kind() == GateKind.POST_DEPLOY_WATCH) {
          lines.add(
              "Burn-in "
                  + MarkdownText.code(shortId(gate))
                  + ": requested and watched duration not recorded · **"
                  + MarkdownText.text(gate.verdictText())
                  + "**");
        }
        continue;
      }
      lines.add(
          "Burn-in "
              + MarkdownText.code(shortId(gate))
              + ": requested "
              + BurnInEvidence.human(b.requested())
              + ", watched "
              + HumanDuration.format(b.actual())
              + (b.shortened() ? " (shortened)" : "")
              + ", ended: "
              + MarkdownText.text(b.endedBecause())
              + " · **"
              + MarkdownText.text(gate.verdictText())
              + "**");
    }
    if (lines.isEmpty()) {
      lines.add("Burn-in: none in this audit (no burn-in or post-deploy watch ran)");
    }
    return lines;
  }

  /**
   * The overall level, then one line per category (the risk section's own compact lines): the files
   * matched and why, or no change, or why it was not judged.
   */
  private static List<String> risk(AuditReport report) {
    RiskAssessment risk = report.riskAssessment();
    if (risk == null) {
      return List.of("Risk: not assessed (no change summary was collected)");
    }
    List<String> lines = new ArrayList<>();
    List<String> categories = RiskAssessmentSection.compactLines(report);
    boolean notJudged = categories.size() == 1 && categories.get(0).startsWith("**Risk**");
    if (notJudged) {
      lines.addAll(categories);
      return lines;
    }
    lines.add(
        "Risk: **"
            + risk.level()
            + "** · "
            + (risk.findings().isEmpty()
                ? "no rule matched the change"
                : risk.findings().size()
                    + (risk.findings().size() == 1 ? " finding" : " findings")));
    lines.addAll(categories);
    return lines;
  }

  private String checklists(AuditReport report) {
    AuditChecklists filled = checklists.fill(report);
    if (!filled.filled()) {
      return "Checklists: not filled (this audit was rendered without the deploy checklists)";
    }
    Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
    for (Checklist checklist : filled.lists()) {
      for (ItemState state : ItemState.values()) {
        counts.merge(state, checklist.count(state), Long::sum);
      }
    }
    boolean listed = report.verdict().nothingFailed() || filled.deployStep();
    return "Checklists: "
        + counts.get(ItemState.DONE)
        + " done · "
        + counts.get(ItemState.FAILED)
        + " failed · "
        + counts.get(ItemState.MANUAL)
        + " manual · "
        + counts.get(ItemState.ACCEPTED)
        + " accepted"
        + (listed
            ? " (each item under Deploy checklist)"
            : " (not listed below: a gate did not pass, so there is nothing to deploy; the JSON"
                + " twin has every item)");
  }

  /** {@code StagingBurnInIT#survivesTheBurnIn}: the class's simple name and the method. */
  static String shortId(GateResult gate) {
    String id = gate.id();
    int hash = id.indexOf('#');
    String type = hash < 0 ? id : id.substring(0, hash);
    return type.substring(type.lastIndexOf('.') + 1) + (hash < 0 ? "" : id.substring(hash));
  }
}
