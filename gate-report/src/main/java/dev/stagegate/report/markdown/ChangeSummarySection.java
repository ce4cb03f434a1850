package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.CommitIds;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ## Change summary}: the base and head commits and how the base was chosen (last
 * deployment, release tag, configured, merge-base, or plainly none), a table of the changed files
 * with the commit subjects that explain them (at most {@link #FILES_SHOWN}, those a risk rule
 * matched first, the others counted per directory; when every file listed has the same commits, as
 * when one commit is under review, they are said once above the table rather than in every row),
 * and the uncommitted changes the gate also built. Paths and subjects are untrusted text. Renders
 * nothing when the report has no change summary.
 *
 * <pre>{@code
 * String md = AuditMarkdown.standard().render(AuditReport.of(gates, change, risk));
 * }</pre>
 */
final class ChangeSummarySection implements AuditSection {
  /** Enough of a commit id to find it; the JSON has the full id. */
  private static final int SHORT_ID = 12;

  /** Files listed at most; the riskiest first, the rest counted per directory. */
  static final int FILES_SHOWN = 10;

  /** Commit subjects shown per file. */
  static final int SUBJECTS_SHOWN = 2;

  /** Characters of a commit subject shown; a subject line is meant to be shorter. */
  static final int SUBJECT_CHARS = 80;

  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    ChangeSummary change = report.changeSummary();
    if (change == null) {
      return;
    }
    doc.heading(2, "Change summary");
    List<String> facts = new ArrayList<>();
    facts.add(
        change.baseCommit() == null
            ? (change.headCommit() == null
                ? "Base: none"
                : "Base: **none** · " + MarkdownText.text(ChangeSummary.NO_BASE_NOTE))
            : "Base: "
                + (change.baseRef() == null
                        || CommitIds.samePrefix(change.baseRef(), change.baseCommit())
                    ? "" // a commit id as the ref (a deployment's): once is enough
                    : MarkdownText.code(change.baseRef()) + " at ")
                + MarkdownText.code(shortId(change.baseCommit()))
                + " ("
                + MarkdownText.text(change.baseChoice())
                + ")");
    facts.add(
        "Head: "
            + (change.headCommit() == null
                ? "none"
                : MarkdownText.code(shortId(change.headCommit()))));
    facts.add(
        change.filesTotal() + (change.filesTotal() == 1 ? " file changed" : " files changed"));
    for (String note : change.notes()) {
      if (note.equals(ChangeSummary.NO_BASE_NOTE)) {
        continue; // said on the Base line
      }
      facts.add("Note: " + MarkdownText.text(note));
    }
    List<ChangedFile> shown =
        change.files().isEmpty() ? List.of() : shown(change.files(), report.riskAssessment());
    // a long change: one subject per file, the files being the point
    int subjectsPerFile = shown.size() < change.files().size() ? 1 : SUBJECTS_SHOWN;
    List<String> commits = new ArrayList<>();
    for (ChangedFile f : shown) {
      commits.add(subjects(f.commitSubjects(), subjectsPerFile));
    }
    // every file changed by the same commits (one commit under review): say them once, not per row
    boolean sameCommits =
        commits.size() > 1 && !commits.get(0).isEmpty() && commits.stream().distinct().count() == 1;
    if (sameCommits) {
      facts.add(
          "Commits, the same for each file below: "
              + MarkdownText.text(commits.get(0).replace("\n", "; ")));
    }
    doc.bullets(facts);
    if (!shown.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        ChangedFile f = shown.get(i);
        String type =
            f.changeType() == ChangeType.RENAME
                ? "RENAME from " + MarkdownText.cell(f.oldPath())
                : f.changeType().name();
        rows.add(
            sameCommits
                ? List.of(MarkdownText.cell(f.path()), type)
                : List.of(MarkdownText.cell(f.path()), type, MarkdownText.cell(commits.get(i))));
      }
      doc.table(
          sameCommits ? List.of("File", "Change") : List.of("File", "Change", "Commits"), rows);
      if (shown.size() < change.files().size()) {
        doc.paragraph(
            (change.files().size() - shown.size())
                + " more files not listed here ("
                + byDirectory(change.files(), shown)
                + "); every file with its commit subjects in "
                + MarkdownText.code("stability_audit.json")
                + " → "
                + MarkdownText.code("changeSummary.files")
                + ".");
      }
    }
    if (change.filesNotListed() > 0) {
      doc.paragraph("… " + change.filesNotListed() + " more files not listed.");
    }
    doc.heading(3, "Uncommitted changes");
    UncommittedChanges local = change.uncommitted();
    if (local.isEmpty()) {
      doc.paragraph("None: the working tree matched HEAD.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    addRows(rows, local.staged(), "staged");
    addRows(rows, local.modified(), "modified");
    addRows(rows, local.untracked(), "untracked");
    doc.table(List.of("Path", "State"), rows);
    if (local.truncated()) {
      doc.paragraph("Lists cut at the file limit; more paths not shown.");
    }
  }

  /**
   * The files the table lists, at most {@link #FILES_SHOWN}: those a risk rule matched first (the
   * riskiest first), then the others in the summary's order; a long branch otherwise lists dozens
   * of files no rule cares about.
   */
  static List<ChangedFile> shown(List<ChangedFile> files, RiskAssessment risk) {
    if (files.size() <= FILES_SHOWN) {
      return files;
    }
    Map<String, RiskLevel> risky = new HashMap<>();
    if (risk != null) {
      for (RiskFinding f : risk.findings()) {
        risky.merge(f.file(), f.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    List<ChangedFile> out = new ArrayList<>();
    files.stream()
        .filter(f -> risky.containsKey(f.path()))
        .sorted(Comparator.comparing((ChangedFile f) -> risky.get(f.path())).reversed())
        .limit(FILES_SHOWN)
        .forEach(out::add);
    for (ChangedFile f : files) {
      if (out.size() >= FILES_SHOWN) {
        break;
      }
      if (!risky.containsKey(f.path())) {
        out.add(f);
      }
    }
    return out;
  }

  /** The files not shown, counted per top-level directory, most first: {@code gate-junit/ 20}. */
  private static String byDirectory(List<ChangedFile> all, List<ChangedFile> shown) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ChangedFile f : all) {
      if (!shown.contains(f)) {
        int slash = f.path().indexOf('/');
        counts.merge(slash < 0 ? "./" : f.path().substring(0, slash + 1), 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> parts.add(MarkdownText.text(e.getKey()) + " " + e.getValue()));
    return String.join(", ", parts);
  }

  private static void addRows(List<List<String>> rows, List<String> paths, String state) {
    for (String p : paths) {
      rows.add(List.of(MarkdownText.cell(p), state));
    }
  }

  /**
   * The first {@link #SUBJECTS_SHOWN} subjects, each cut at {@link #SUBJECT_CHARS} characters, and
   * how many more: on a long branch every file listed every commit in full, most of the audit. The
   * JSON twin keeps them all.
   */
  static String subjects(List<String> all) {
    return subjects(all, SUBJECTS_SHOWN);
  }

  /** The first {@code max} subjects, cut as {@link #subjects(List)} cuts them. */
  static String subjects(List<String> all, int max) {
    List<String> shown = new ArrayList<>();
    for (String subject : all.subList(0, Math.min(max, all.size()))) {
      shown.add(
          subject.length() <= SUBJECT_CHARS ? subject : subject.substring(0, SUBJECT_CHARS) + "…");
    }
    if (all.size() > max) {
      shown.add("(+" + (all.size() - max) + " more)");
    }
    return String.join("\n", shown);
  }

  private static String shortId(String id) {
    return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
  }
}
