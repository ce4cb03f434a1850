package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.text.MarkdownDocument;

/**
 * One part of the audit that looks at the whole report (the verdict, the table of gates; later a
 * change summary or a risk assessment). Sections run in order, before the per-gate details.
 *
 * <pre>{@code
 * AuditSection note = (report, doc) -> doc.paragraph(MarkdownText.text("Reviewed by CI"));
 * String md = AuditMarkdown.standard().withReportSection(note).render(report);
 * }</pre>
 */
@FunctionalInterface
public interface AuditSection {
  /** Appends this section for the report; may append nothing. */
  void render(AuditReport report, MarkdownDocument doc);
}
