package dev.stagegate.report.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown document built block by block, with one blank line between blocks.
 *
 * <p>Methods taking {@code untrusted} text escape it themselves; methods taking {@code markdown}
 * expect inline Markdown already made safe with {@link MarkdownText}. Sections write through this
 * class only, so escaping is decided in one place.
 *
 * <pre>{@code
 * MarkdownDocument doc = new MarkdownDocument();
 * doc.heading(2, "Checks");
 * doc.table(List.of("Check", "Result"), List.of(List.of(MarkdownText.cell(name), "PASS")));
 * doc.codeBlock("text", healthBody);
 * String markdown = doc.toString();
 * }</pre>
 */
public final class MarkdownDocument {
  private final StringBuilder out = new StringBuilder();

  /** An ATX heading ({@code ## Title}) of untrusted text; level 1 to 6. */
  public MarkdownDocument heading(int level, String untrusted) {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("heading level must be 1..6 but was " + level);
    }
    return block("#".repeat(level) + " " + MarkdownText.text(untrusted) + "\n");
  }

  /** A paragraph of one line of safe inline Markdown. */
  public MarkdownDocument paragraph(String markdown) {
    return block(escapeBlockStart(singleLine(markdown)) + "\n");
  }

  /** A bullet list, one item per line of safe inline Markdown. */
  public MarkdownDocument bullets(List<String> markdownItems) {
    if (markdownItems.isEmpty()) {
      return this;
    }
    StringBuilder list = new StringBuilder();
    for (String item : markdownItems) {
      list.append("- ").append(escapeBlockStart(singleLine(item))).append('\n');
    }
    return block(list.toString());
  }

  /**
   * A GFM table. Headers are ours (plain words); each cell must come from {@link MarkdownText#cell}
   * or be other safe Markdown without line breaks or unescaped pipes. Rows shorter than the header
   * are padded.
   */
  public MarkdownDocument table(List<String> headers, List<List<String>> rows) {
    StringBuilder table = new StringBuilder();
    row(table, headers);
    table.append('|');
    for (int i = 0; i < headers.size(); i++) {
      table.append(" --- |");
    }
    table.append('\n');
    for (List<String> row : rows) {
      if (row.size() > headers.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells but the table " + headers.size() + " columns");
      }
      List<String> padded = new ArrayList<>(row);
      while (padded.size() < headers.size()) {
        padded.add("");
      }
      row(table, padded);
    }
    return block(table.toString());
  }

  /** A fenced code block showing untrusted text literally. */
  public MarkdownDocument codeBlock(String info, String untrusted) {
    return block(MarkdownText.fence(untrusted, info));
  }

  /**
   * A collapsed {@code <details>} section whose body is a fenced code block of untrusted text.
   *
   * <p>The blank line after {@code </summary>} ends the HTML block, so the fence is parsed as
   * Markdown (not as raw HTML) and its content cannot reach the HTML.
   */
  public MarkdownDocument collapsedCodeBlock(
      String untrustedSummary, String info, String untrusted) {
    return block(
        "<details>\n<summary>"
            + MarkdownText.html(untrustedSummary)
            + "</summary>\n\n"
            + MarkdownText.fence(untrusted, info)
            + "\n</details>\n");
  }

  /** The document so far; ends in exactly one newline when not empty. */
  @Override
  public String toString() {
    return out.toString();
  }

  private MarkdownDocument block(String text) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(text);
    return this;
  }

  private static void row(StringBuilder table, List<String> cells) {
    table.append('|');
    for (String cell : cells) {
      table.append(' ').append(singleLine(cell)).append(" |");
    }
    table.append('\n');
  }

  /**
   * Escapes what would turn the start of a paragraph or list item into another block: a list marker
   * ({@code - +}, {@code 1.}, {@code 1)}), a thematic break or setext underline ({@code - =}).
   * {@link MarkdownText#text} already escapes the rest ({@code # * > < `} and indentation); this is
   * only needed at a line start, so it is done here rather than in every text span.
   */
  private static String escapeBlockStart(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char first = s.charAt(0);
    if (first == '-' || first == '+' || first == '=') {
      return "\\" + s;
    }
    int digits = 0;
    while (digits < s.length() && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') {
      digits++;
    }
    if (digits > 0 && digits < s.length() && (s.charAt(digits) == '.' || s.charAt(digits) == ')')) {
      return s.substring(0, digits) + "\\" + s.substring(digits);
    }
    return s;
  }

  /** Safe Markdown never holds a line break; one here would be an escaping bug, so fail. */
  private static String singleLine(String markdown) {
    if (markdown.indexOf('\n') >= 0 || markdown.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("inline Markdown must be one line: " + markdown);
    }
    return markdown;
  }
}
