package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.checklist.AuditChecklists;
import dev.stagegate.report.checklist.Checklist;
import dev.stagegate.report.checklist.ChecklistFiller;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ItemState;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The deploy checklists a {@link ChecklistFiller} filled from the evidence: per checklist a {@code
 * ###} heading and a table of state (✅ done, ❌ failed, ✋ manual), item and evidence; items in a row
 * with the same state and evidence share one row naming each. The legend above them explains the
 * states they show. Evidence may quote container output, so every cell goes through {@link
 * MarkdownText#cell}.
 *
 * <p>In the standard audit it is rendered inside the deploy checklist (after a PASS only); on its
 * own it renders for any verdict:
 *
 * <pre>{@code
 * String md = new AuditMarkdown(List.of(new ChecklistSection(facts)), List.of()).render(report);
 * // facts: gate-deploy's DeployFacts
 * }</pre>
 */
public final class ChecklistSection implements AuditSection {
  private final ChecklistFiller checklists;

  /** The checklists {@code checklists} fills (gate-deploy's {@code DeployFacts}). */
  public ChecklistSection(ChecklistFiller checklists) {
    if (checklists == null) {
      throw new IllegalArgumentException(
          "checklists must not be null (use DeployFacts.none() or ChecklistFiller.NONE)");
    }
    this.checklists = checklists;
  }

  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    render(checklists.fill(report), doc);
  }

  /** The legend and one table per checklist; a sentence instead when nothing filled them. */
  static void render(AuditChecklists filled, MarkdownDocument doc) {
    if (!filled.filled()) {
      doc.paragraph("Not filled: this audit was rendered without the deploy checklists.");
      return;
    }
    List<Checklist> checklists = filled.lists();
    // the legend of the states these checklists show; the first screen counts all four
    EnumSet<ItemState> shown = EnumSet.noneOf(ItemState.class);
    checklists.forEach(c -> c.items().forEach(i -> shown.add(i.state())));
    List<String> legend = new ArrayList<>();
    for (ItemState state : shown) {
      legend.add(state.symbol() + " " + meaning(state));
    }
    if (!legend.isEmpty()) {
      doc.paragraph(String.join(" · ", legend));
    }
    for (Checklist checklist : checklists) {
      render(checklist, doc);
    }
  }

  private static String meaning(ItemState state) {
    return switch (state) {
      case DONE -> "done (the evidence shows it)";
      case FAILED -> "failed";
      case MANUAL -> "manual: a person checks it";
      case ACCEPTED ->
          "accepted: not done as required, deployed anyway for the reason a reviewer recorded";
    };
  }

  /** One checklist: a level-3 heading and its table. */
  public static void render(Checklist checklist, MarkdownDocument doc) {
    doc.heading(3, checklist.title());
    List<List<String>> rows = new ArrayList<>();
    List<ChecklistItem> items = checklist.items();
    for (int i = 0; i < items.size(); ) {
      ChecklistItem item = items.get(i);
      // items one after the other with the same state and evidence ("no @PostDeployWatch in
      // this audit") share a row: every item is still named, the evidence said once
      List<String> texts = new ArrayList<>();
      int j = i;
      while (j < items.size()
          && items.get(j).state() == item.state()
          && items.get(j).evidence().equals(item.evidence())) {
        texts.add(items.get(j).text());
        j++;
      }
      rows.add(
          List.of(
              item.state().symbol() + " " + item.state().name(),
              MarkdownText.cell(String.join("\n", texts)),
              MarkdownText.cell(item.evidence())));
      i = j;
    }
    doc.table(List.of("State", "Item", "Evidence"), rows);
  }
}
