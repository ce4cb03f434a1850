package dev.stagegate.report.deploy;

import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders a deployment log as Markdown: a heading, one table row per deployment (newest first) and
 * the lines that could not be read. All text from entries goes through {@link MarkdownText}, since
 * versions, names, notes and hook details come from scripts and containers.
 */
final class DeploymentLogMarkdown {
  static final List<String> HEADERS =
      List.of(
          "When (UTC)",
          "Version",
          "Commit",
          "Environment",
          "Deployed by",
          "Outcome",
          "Duration",
          "Hooks",
          "Audit",
          "Note");

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DeploymentLogMarkdown() {}

  static String render(DeploymentLogContents contents) {
    MarkdownDocument doc = new MarkdownDocument();
    doc.heading(2, "Deployments");
    List<DeploymentEntry> newestFirst = new ArrayList<>(contents.entries());
    // Reversed first, so that of two entries with the same time the later-written one leads.
    Collections.reverse(newestFirst);
    newestFirst.sort(Comparator.comparing(DeploymentEntry::when).reversed());
    if (newestFirst.isEmpty()) {
      doc.paragraph("No deployments recorded.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (DeploymentEntry e : newestFirst) {
        rows.add(row(e));
      }
      doc.table(HEADERS, rows);
    }
    if (!contents.skipped().isEmpty()) {
      doc.heading(3, "Unreadable lines");
      doc.bullets(contents.skipped().stream().map(MarkdownText::text).toList());
    }
    return doc.toString();
  }

  private static List<String> row(DeploymentEntry e) {
    return List.of(
        WHEN.format(e.when()),
        MarkdownText.cell(e.version()),
        // Hex digits only (checked by the entry): nothing to escape.
        e.shortCommit(),
        MarkdownText.cell(e.environment()),
        MarkdownText.cell(e.deployedBy()),
        e.outcome().name(),
        HumanDuration.format(e.duration()),
        hooks(e.hooks()),
        e.auditSha256() == null ? "–" : e.auditSha256().substring(0, 12),
        MarkdownText.cell(e.note()));
  }

  private static String hooks(List<HookResultSummary> hooks) {
    if (hooks.isEmpty()) {
      return "–";
    }
    List<String> parts = new ArrayList<>();
    for (HookResultSummary h : hooks) {
      String part =
          MarkdownText.cell(h.name())
              + " "
              + h.status()
              + " ("
              + HumanDuration.format(h.took())
              + ")";
      String detail = MarkdownText.cell(h.detail());
      parts.add(detail.isEmpty() ? part : part + ": " + detail);
    }
    return String.join("<br>", parts);
  }
}
