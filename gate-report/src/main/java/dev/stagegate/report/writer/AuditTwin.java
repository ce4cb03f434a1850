package dev.stagegate.report.writer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.checklist.AuditChecklists;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistFiller;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.json.AuditJson;

/**
 * The content of {@code stability_audit.json}: the report as {@link AuditJson} writes it plus,
 * after it, the deploy checklists filled from the report and the deploy facts ({@code
 * "checklists"}: title, then each item's text, state and evidence), the same states the Markdown
 * shows and counts on its first screen. They are derived, so {@link AuditJson#readReport} ignores
 * them. Assembled here rather than in the json package, which sits below the checklists.
 *
 * <pre>{@code
 * String twin = AuditTwin.json(report, DeployFacts.none()); // DeployFacts: gate-deploy
 * }</pre>
 */
public final class AuditTwin {
  /** Name of the top-level property that holds the checklists. */
  private static final String CHECKLISTS = "checklists";

  private AuditTwin() {}

  /** The JSON twin of {@code report}, pretty-printed and ending in a newline. */
  public static String json(AuditReport report, ChecklistFiller checklists) {
    AuditChecklists filled = checklists.fill(report);
    if (!filled.filled()) {
      return AuditJson.write(report); // nothing filled them: no "checklists" rather than none
    }
    ArrayNode lists = JsonNodeFactory.instance.arrayNode();
    for (Checklist checklist : filled.lists()) {
      ObjectNode list = lists.addObject();
      list.put("id", checklist.id().name());
      list.put("title", checklist.title());
      ArrayNode items = list.putArray("items");
      for (ChecklistItem item : checklist.items()) {
        items
            .addObject()
            .put("id", item.id().name())
            .put("text", item.text())
            .put("state", item.state().name())
            .put("evidence", item.evidence());
      }
    }
    return AuditJson.write(report, CHECKLISTS, lists);
  }
}
