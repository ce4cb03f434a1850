package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.risk.CategoryRisk;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ## Risk assessment}: the overall level and what it was compared with, one row per changed
 * category (database, networking, AI model cost, secrets and configuration, entry points and
 * process managers) with the matched files and why, one line naming the categories with no change,
 * then one row per finding (highest level first) with, for content rules, the matching added line.
 * Renders nothing when the report has no assessment; says "not judged" when there was no commit to
 * judge.
 *
 * <p>{@link #compactLines(AuditReport)} is the same per-category answer in one line each, for the
 * audit's first screen.
 *
 * <pre>{@code
 * String md = AuditMarkdown.standard().render(AuditReport.of(gates, change, risk));
 * List<String> top = RiskAssessmentSection.compactLines(report); // "**Database**: HIGH · ..."
 * }</pre>
 */
final class RiskAssessmentSection implements AuditSection {
  /** Files named in one category's cell; the findings table lists them all. */
  static final int CELL_FILES = 10;

  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    RiskAssessment risk = report.riskAssessment();
    if (risk == null) {
      return;
    }
    doc.heading(2, "Risk assessment");
    ChangeSummary change = report.changeSummary();
    if (notJudged(change)) {
      doc.paragraph("**Risk: not judged** · " + MarkdownText.text(notJudgedReason(change)));
      return;
    }
    long changed = risk.categories().stream().filter(CategoryRisk::changed).count();
    doc.paragraph(
        "**Risk: "
            + risk.level()
            + "** · "
            + changed
            + " of "
            + risk.categories().size()
            + " categories changed"
            + comparedWith(change));
    List<List<String>> rows = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (CategoryRisk c : risk.categories()) {
      if (!c.changed()) {
        // a row of "no change" and two empty cells per category: one line names them all
        unchanged.add(c.category().label());
        continue;
      }
      rows.add(
          List.of(
              c.category().label(),
              c.level().name(),
              MarkdownText.cell(String.join("\n", filesWithRules(risk, c))),
              MarkdownText.cell(String.join("\n", c.reasons()))));
    }
    if (!rows.isEmpty()) {
      doc.table(List.of("Category", "Risk", "Files", "Why"), rows);
    }
    if (!unchanged.isEmpty()) {
      doc.paragraph(
          (rows.isEmpty() ? "No change in any category: " : "No change: ")
              + String.join(", ", unchanged)
              + ".");
    }
    if (risk.findings().isEmpty()) {
      return;
    }
    doc.heading(3, "Risk findings");
    List<List<String>> findings = new ArrayList<>();
    for (RiskFinding f : risk.findings()) {
      findings.add(
          List.of(
              f.level().name(),
              f.category().name(),
              MarkdownText.cell(f.file()),
              MarkdownText.cell(f.ruleId()),
              MarkdownText.cell(f.why()),
              f.line() == null ? "" : MarkdownText.cell(f.line())));
    }
    doc.table(List.of("Level", "Category", "File", "Rule", "Why", "Matching line"), findings);
  }

  /**
   * The risk per category, one Markdown line each ({@code **Database**: HIGH · `app/models/user.py`
   * · database-models}, {@code **Networking**: no change}), followed by a line on the base when
   * there was none; or one "not judged" line. Empty when the report has no assessment. For the
   * first screen of the audit, which links to the full section. Each line is inline Markdown for a
   * list item or paragraph (paths are code spans), not for a table cell.
   */
  static List<String> compactLines(AuditReport report) {
    RiskAssessment risk = report.riskAssessment();
    if (risk == null) {
      return List.of();
    }
    ChangeSummary change = report.changeSummary();
    if (notJudged(change)) {
      return List.of("**Risk**: not judged · " + MarkdownText.text(notJudgedReason(change)));
    }
    List<String> lines = new ArrayList<>();
    for (CategoryRisk c : risk.categories()) {
      String label = "**" + c.category().label() + "**: ";
      if (!c.changed()) {
        lines.add(label + "no change");
        continue;
      }
      List<String> shown =
          c.files().subList(0, Math.min(c.files().size(), CategoryRisk.SUMMARY_FILES));
      List<String> code = new ArrayList<>();
      for (String f : shown) {
        code.add(MarkdownText.code(f));
      }
      int more = c.files().size() - shown.size();
      lines.add(
          label
              + c.level()
              + " · "
              + String.join(", ", code)
              + (more > 0 ? " and " + more + " more" : "")
              + " · "
              + MarkdownText.text(String.join(", ", c.ruleIds())));
    }
    if (change != null && change.baseSource() == BaseSource.NONE) {
      lines.add(MarkdownText.text(ChangeSummary.NO_BASE_NOTE));
    }
    return lines;
  }

  /** No commit was looked at: the categories would say "no change" without having looked. */
  private static boolean notJudged(ChangeSummary change) {
    return change != null && change.headCommit() == null;
  }

  private static String notJudgedReason(ChangeSummary change) {
    return change.notes().isEmpty() ? "no commit to compare" : change.notes().get(0);
  }

  private static String comparedWith(ChangeSummary change) {
    if (change == null) {
      return "";
    }
    if (change.baseSource() == BaseSource.NONE) {
      // the first screen and the change summary give the whole note with its two fixes
      return " · no base: only the last commit was looked at";
    }
    if (change.baseSource() == BaseSource.DEPLOYMENT) {
      // the ref is a commit id; the change summary has the deployment in words
      return " · compared with the last deployment ("
          + MarkdownText.code(shortId(change.baseCommit()))
          + ")";
    }
    return " · compared with "
        + MarkdownText.code(change.baseRef())
        + " ("
        + sourceWords(change)
        + ")";
  }

  private static String shortId(String id) {
    return id.length() <= 12 ? id : id.substring(0, 12);
  }

  private static String sourceWords(ChangeSummary change) {
    return switch (change.baseSource()) {
      case DEPLOYMENT -> "the last deployment";
      case RELEASE_TAG -> "the last release tag";
      case CONFIGURED -> "stagegate.git.base";
      case MERGE_BASE -> "the merge-base with the default branch";
      case NONE -> "nothing";
    };
  }

  /** Each file of the category with the rules it set off: {@code app/db.py (db-pool, db-url)}. */
  private static List<String> filesWithRules(RiskAssessment risk, CategoryRisk c) {
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    for (String f : c.files()) {
      rules.put(f, new LinkedHashSet<>());
    }
    for (RiskFinding f : risk.findings()) {
      if (f.category() == c.category()) {
        rules.get(f.file()).add(f.ruleId());
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : rules.entrySet()) {
      if (out.size() == CELL_FILES) {
        out.add("… " + (rules.size() - CELL_FILES) + " more");
        break;
      }
      out.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")");
    }
    return out;
  }
}
