package dev.stagegate.report.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The rendered Markdown as commonmark-java parses it (CommonMark plus GFM tables), so tests can
 * assert on structure (which blocks exist, what a code block holds) rather than on strings.
 */
final class MarkdownTree {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();

  final Node document;

  private MarkdownTree(Node document) {
    this.document = document;
  }

  static MarkdownTree parse(String markdown) {
    return new MarkdownTree(PARSER.parse(markdown));
  }

  /** As a browser would get it, raw HTML passed through (the GitHub sanitizer aside). */
  String html() {
    return HTML.render(document);
  }

  /** {@code "## Gates"} style: level as hashes, then the heading's text. */
  List<String> headings() {
    return all(Heading.class).stream()
        .map(h -> "#".repeat(h.getLevel()) + " " + textOf(h))
        .toList();
  }

  List<FencedCodeBlock> fencedBlocks() {
    return all(FencedCodeBlock.class);
  }

  /** Each table as rows of cell texts, header row first. */
  List<List<List<String>>> tables() {
    List<List<List<String>>> tables = new ArrayList<>();
    for (TableBlock table : all(TableBlock.class)) {
      List<List<String>> rows = new ArrayList<>();
      for (TableRow row : descendants(table, TableRow.class)) {
        rows.add(descendants(row, TableCell.class).stream().map(MarkdownTree::textOf).toList());
      }
      tables.add(rows);
    }
    return tables;
  }

  <T extends Node> List<T> all(Class<T> type) {
    return descendants(document, type);
  }

  static <T extends Node> List<T> descendants(Node root, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(root, type, found);
    return found;
  }

  private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (type.isInstance(child)) {
        found.add(type.cast(child));
      }
      collect(child, type, found);
    }
  }

  /** The text a reader sees: literals of text and code, {@code <br>} and breaks as newlines. */
  static String textOf(Node node) {
    StringBuilder sb = new StringBuilder();
    appendText(node, sb);
    return sb.toString();
  }

  private static void appendText(Node node, StringBuilder sb) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (child instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (child instanceof HtmlInline h && h.getLiteral().equals("<br>")) {
        sb.append('\n');
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        sb.append('\n');
      } else {
        appendText(child, sb);
      }
    }
  }
}
