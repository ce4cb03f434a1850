package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.deploy.CommitIds;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ## Change summary}: the base and head commits and how the base was chosen (last
 * deployment, release tag, configured, merge-base, or plainly none), a table of the changed files
 * with the commit subjects that explain them, and the uncommitted changes the gate also built.
 * Paths and subjects are untrusted text. Renders nothing when the report has no change summary.
 *
 * <pre>{@code
 * String md = AuditMarkdown.standard().render(AuditReport.of(gates, change, risk));
 * }</pre>
 */
final class ChangeSummarySection implements AuditSection {
  /** Enough of a commit id to find it; the JSON has the full id. */
  private static final int SHORT_ID = 12;

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
    doc.bullets(facts);
    if (!change.files().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (ChangedFile f : change.files()) {
        String type =
            f.changeType() == ChangeType.RENAME
                ? "RENAME from " + MarkdownText.cell(f.oldPath())
                : f.changeType().name();
        rows.add(
            List.of(
                MarkdownText.cell(f.path()),
                type,
                MarkdownText.cell(subjects(f.commitSubjects()))));
      }
      doc.table(List.of("File", "Change", "Commits"), rows);
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
    List<String> shown = new ArrayList<>();
    for (String subject : all.subList(0, Math.min(SUBJECTS_SHOWN, all.size()))) {
      shown.add(
          subject.length() <= SUBJECT_CHARS ? subject : subject.substring(0, SUBJECT_CHARS) + "…");
    }
    if (all.size() > SUBJECTS_SHOWN) {
      shown.add("(+" + (all.size() - SUBJECTS_SHOWN) + " more)");
    }
    return String.join("\n", shown);
  }

  private static String shortId(String id) {
    return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
  }
}
