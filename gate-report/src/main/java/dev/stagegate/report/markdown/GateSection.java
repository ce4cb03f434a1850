package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.text.MarkdownDocument;

/**
 * One part of a gate's details (checks, services, logs; later e.g. a chart). Runs once per gate,
 * under the gate's heading; use heading level 3 and below.
 *
 * <pre>{@code
 * GateSection ids = (gate, doc) -> doc.paragraph("Gate id: " + MarkdownText.code(gate.id()));
 * String md = AuditMarkdown.standard().withGateSection(ids).render(report);
 * }</pre>
 */
@FunctionalInterface
public interface GateSection {
  /** Appends this section for one gate; may append nothing. */
  void render(GateResult gate, MarkdownDocument doc);
}
