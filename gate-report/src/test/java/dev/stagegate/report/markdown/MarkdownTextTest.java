package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import dev.stagegate.report.text.UntrustedText;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTextTest {

  /** Text that tries to become Markdown or HTML structure. */
  static List<String> hostile() {
    return List.of(
        "```",
        "````",
        "~~~",
        "``` ` `` ```` `",
        "`leading and trailing`",
        "</details>",
        "<details><summary>x</summary>",
        "<script>alert(1)</script>",
        "<!-- open comment",
        "| pipes | here |",
        "a\\|b",
        "\\",
        "\u001b[31mred\u001b[0m",
        "nul\u0000byte",
        "lone \uD800 surrogate",
        "- [link](javascript:alert(1))",
        "![img](http://x/y.png)",
        "# heading",
        "trailing #",
        "1. ordered",
        "2) ordered",
        "+ plus",
        "---",
        "===",
        "> quote",
        "    indented code",
        "&amp; &lt; &#x3C;",
        "*emph* _under_ **bold** __b__ snake_case_name",
        "~~strike~~ $x^2$",
        "<https://autolink.example>",
        "tab\tinside",
        "\u202Eevil");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void textShowsExactlyTheCleanedTextAsOneParagraph(String input) {
    MarkdownTree tree =
        MarkdownTree.parse(new MarkdownDocument().paragraph(MarkdownText.text(input)).toString());
    assertThat(tree.document.getFirstChild()).isInstanceOf(Paragraph.class);
    assertThat(tree.document.getFirstChild().getNext()).isNull();
    assertThat(tree.all(HtmlInline.class)).isEmpty();
    assertThat(MarkdownTree.textOf(tree.document))
        .isEqualTo(UntrustedText.cleanLine(input).strip());
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void bulletItemShowsExactlyTheCleanedText(String input) {
    MarkdownTree tree =
        MarkdownTree.parse(
            new MarkdownDocument().bullets(List.of(MarkdownText.text(input), "next")).toString());
    List<BulletList> lists = tree.all(BulletList.class);
    assertThat(lists).hasSize(1);
    assertThat(MarkdownTree.textOf(lists.get(0).getFirstChild()))
        .isEqualTo(UntrustedText.cleanLine(input).strip());
    assertThat(MarkdownTree.textOf(lists.get(0).getLastChild())).isEqualTo("next");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void codeSpanHoldsExactlyTheCleanedText(String input) {
    MarkdownTree tree = MarkdownTree.parse("quoted: " + MarkdownText.code(input) + " end\n");
    List<Code> spans = tree.all(Code.class);
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).getLiteral()).isEqualTo(UntrustedText.cleanLine(input));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void cellStaysInItsColumn(String input) {
    String md =
        new MarkdownDocument()
            .table(
                List.of("A", "B", "C"),
                List.of(List.of("left", MarkdownText.cell(input + "\nsecond line"), "right")))
            .toString();
    List<List<List<String>>> tables = MarkdownTree.parse(md).tables();
    assertThat(tables).hasSize(1);
    List<String> row = tables.get(0).get(1);
    assertThat(row).hasSize(3);
    assertThat(row.get(0)).isEqualTo("left");
    assertThat(row.get(1)).isEqualTo(UntrustedText.clean(input).strip() + "\nsecond line");
    assertThat(row.get(2)).isEqualTo("right");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void fencedBlockHoldsExactlyTheCleanedLines(String input) {
    String content = "before\n" + input + "\nafter";
    String md = "para\n\n" + MarkdownText.fence(content, "text") + "\nafter the block\n";
    MarkdownTree tree = MarkdownTree.parse(md);
    List<FencedCodeBlock> blocks = tree.fencedBlocks();
    assertThat(blocks).hasSize(1);
    assertThat(blocks.get(0).getLiteral()).isEqualTo(UntrustedText.clean(content) + "\n");
    assertThat(blocks.get(0).getInfo()).isEqualTo("text");
    assertThat(tree.document.getLastChild()).isInstanceOf(Paragraph.class);
    assertThat(MarkdownTree.textOf(tree.document.getLastChild())).isEqualTo("after the block");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void collapsedBlockKeepsHtmlToOurTags(String input) {
    String md =
        new MarkdownDocument()
            .collapsedCodeBlock(input + " (1 of 1 line)", "text", input)
            .paragraph("after")
            .toString();
    MarkdownTree tree = MarkdownTree.parse(md);
    List<String> html = tree.all(HtmlBlock.class).stream().map(HtmlBlock::getLiteral).toList();
    assertThat(html).hasSize(2);
    assertThat(html.get(0)).matches("<details>\n<summary>[^<>]*</summary>");
    assertThat(html.get(1)).isEqualTo("</details>");
    assertThat(tree.fencedBlocks())
        .singleElement()
        .extracting(FencedCodeBlock::getLiteral)
        .isEqualTo(UntrustedText.clean(input) + "\n");
    assertThat(tree.html()).doesNotContain("<script").contains("</details>\n<p>after</p>");
  }

  @org.junit.jupiter.api.Test
  void fenceIsLongerThanAnyBacktickRunInside() {
    assertThat(MarkdownText.fence("a ````` b", "text")).startsWith("``````text\n");
    assertThat(MarkdownText.fence("plain", "text")).isEqualTo("```text\nplain\n```\n");
    assertThat(MarkdownText.fence("", "text")).isEqualTo("```text\n```\n");
  }

  @org.junit.jupiter.api.Test
  void infoStringMustBeOurs() {
    assertThatThrownBy(() -> MarkdownText.fence("x", "a`b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void htmlEscapesForRawHtmlContext() {
    assertThat(MarkdownText.html("a<b>&\"'\nc")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39; c");
  }

  @org.junit.jupiter.api.Test
  void readableForOrdinaryText() {
    assertThat(MarkdownText.text("sg1a2b3c_api_1 ShopGateTest#healthy 20.10.24 a-b"))
        .isEqualTo("sg1a2b3c_api_1 ShopGateTest#healthy 20.10.24 a-b");
  }

  @org.junit.jupiter.api.Test
  void longLineInCellIsCutOnceKeepingTheMarker() {
    assertThat(MarkdownText.cell("y".repeat(5000)))
        .isEqualTo("y".repeat(2000) + "… \\[cut 3000 chars\\]");
  }

  @org.junit.jupiter.api.Test
  void emptyCodeSpanSaysSo() {
    assertThat(MarkdownText.code("")).isEqualTo("*(empty)*");
  }
}
