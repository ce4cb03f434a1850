package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.text.UntrustedText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report where every string a container (or a hostile compose file) could influence tries to
 * break the Markdown. The structure must come out exactly as for a harmless report.
 */
class MarkdownInjectionTest {
  static final String LONG = "x".repeat(100_000);

  static List<String> hostileLines() {
    return List.of(
        "```",
        "````",
        "``` ```` `````",
        "</details>",
        "<details><summary>pwned</summary>",
        "<script>alert(1)</script>",
        "| pipes | break | tables |",
        "\u001b[31mred\u001b[0m and \u001b]0;title\u0007",
        "nul \u0000 byte",
        LONG,
        "lone \uD800 surrogate",
        "- [click](javascript:alert(1)) ![i](http://evil/x.png)",
        "# not a heading",
        "<!-- unclosed comment",
        "\u202Ereversed");
  }

  private static final String ALL = String.join("\n", hostileLines());

  static AuditReport hostileReport(String text) {
    String line = text.replace('\n', ' ');
    ServiceEvidence service =
        new ServiceEvidence(
            text,
            text,
            false,
            text,
            text,
            3,
            1,
            true,
            List.of(new HealthProbe(Instant.EPOCH, 1, text)),
            new StatsSnapshot(1.0, 1, 2, 3, 4, 5),
            List.of(LogFinding.single(text, 7, text, text)),
            2,
            List.of(text.split("\n", -1)),
            99);
    GateResult gate =
        GateResult.builder(text, GateKind.BURN_IN)
            .displayName(text)
            .verdict(Verdict.FAIL)
            .startedAt(Instant.EPOCH)
            .duration(Duration.ofSeconds(1))
            .composeFile(text)
            .project(text)
            .engine(new EngineInfo(line, line, line))
            .checks(List.of(CheckResult.fail(text, text, text)))
            .services(List.of(service))
            .failures(List.of(text))
            .build();
    return new AuditReport(AuditReport.SCHEMA_VERSION, Instant.EPOCH, List.of(gate));
  }

  @ParameterizedTest
  @MethodSource("hostileLines")
  void oneHostileLineEverywhereLeavesStructureIntact(String line) {
    assertStructureIntact(line);
  }

  @Test
  void allHostileLinesAtOnceLeaveStructureIntact() {
    assertStructureIntact(ALL);
  }

  @Test
  void longLineIsCutWithMarker() {
    String md = AuditMarkdown.standard().render(hostileReport(LONG));
    assertThat(md).contains("x".repeat(2000) + "… [cut 98000 chars]");
    assertThat(md).doesNotContain("x".repeat(2001));
  }

  /** A heading is cleaned as a whole, so a long one is cut counting its prefix. */
  private static String heading(String hashesAndPrefix, String text) {
    String prefix = hashesAndPrefix.substring(hashesAndPrefix.indexOf(' ') + 1);
    return hashesAndPrefix.substring(0, hashesAndPrefix.indexOf(' ') + 1)
        + UntrustedText.cleanLine(prefix + text).strip();
  }

  private static void assertStructureIntact(String text) {
    String md = AuditMarkdown.standard().render(hostileReport(text));
    MarkdownTree tree = MarkdownTree.parse(md);
    String cleanLine = UntrustedText.cleanLine(text).strip();

    assertThat(tree.headings())
        .containsExactly(
            "# Stability audit",
            "## What was tested",
            "## Gates",
            heading("## Gate: ", text),
            "### Failures",
            "### Checks",
            "### Services",
            "### Healthchecks",
            "### Log findings",
            "#### " + cleanLine,
            "### Last log lines");

    // Exactly the two fenced blocks we wrote (the check's output, the log tail under its
    // "==> service <==" line), each holding exactly the cleaned text, blank edge lines aside.
    List<FencedCodeBlock> blocks = tree.fencedBlocks();
    assertThat(blocks).hasSize(2);
    String lines = UntrustedText.clean(text).replaceAll("^(?:[ \t]*\n)+", "").stripTrailing();
    assertThat(blocks.get(0).getLiteral().stripTrailing()).isEqualTo(lines);
    assertThat(blocks.get(1).getLiteral()).startsWith("==> ");
    assertThat(blocks.get(1).getLiteral()).endsWith(UntrustedText.clean(text) + "\n");

    // The only raw HTML is ours: two <details> pairs (output, log tail) and <br> in cells.
    List<String> html = tree.all(HtmlBlock.class).stream().map(HtmlBlock::getLiteral).toList();
    assertThat(html).hasSize(4);
    assertThat(html.get(0)).matches("(?s)<details>\n<summary>[^<>]*</summary>");
    assertThat(html.get(1)).isEqualTo("</details>");
    assertThat(html.get(2)).matches("(?s)<details>\n<summary>[^<>]*</summary>");
    assertThat(html.get(3)).isEqualTo("</details>");
    assertThat(tree.all(HtmlInline.class))
        .allSatisfy(h -> assertThat(h.getLiteral()).isEqualTo("<br>"));
    assertThat(tree.all(Link.class)).isEmpty();
    assertThat(tree.all(Image.class)).isEmpty();

    // Tables keep their shape and every cell its text.
    List<List<List<String>>> tables = tree.tables();
    assertThat(tables).hasSize(4);
    for (List<List<String>> table : tables) {
      int columns = table.get(0).size();
      assertThat(table).allSatisfy(row -> assertThat(row).hasSize(columns));
    }
    // A cell shows each line trimmed, blank lines dropped, joined by <br>.
    String cellText =
        UntrustedText.clean(text)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(tables.get(0).get(1).get(0)).isEqualTo(cellText);
    assertThat(tables.get(1).get(1)).containsExactly(cellText, "FAIL", cellText);
    assertThat(tables.get(2).get(1).subList(0, 4))
        .containsExactly(cellText, cellText, cellText, cellText);
    assertThat(tables.get(3).get(1).get(3)).isEqualTo(cellText);

    // The finding quotes the line verbatim (cleaned) in a code span.
    List<String> spans = new ArrayList<>();
    tree.all(Code.class).forEach(c -> spans.add(c.getLiteral()));
    assertThat(spans).contains(UntrustedText.cleanLine(text));

    // And a browser gets no script, and exactly our two details elements.
    String rendered = tree.html();
    assertThat(rendered).doesNotContain("<script").doesNotContain("<!--");
    assertThat(rendered.split("<details>", -1)).hasSize(3);
    assertThat(rendered.split("</details>", -1)).hasSize(3);
    assertThat(rendered).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\uD800");
  }
}
