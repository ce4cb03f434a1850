package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.Verdict;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.api.Test;

class AuditMarkdownStructureTest {
  private final AuditReport report = AuditFixtures.small();
  private final MarkdownTree tree = MarkdownTree.parse(AuditMarkdown.standard().render(report));

  @Test
  void headingsComeInOrder() {
    assertThat(tree.headings())
        .containsExactly(
            "# Stability audit",
            "## What was tested",
            "## Gates",
            "## Gate: shop.ShopGateTest#healthy",
            "### Checks",
            "### Services",
            "### Healthchecks",
            "### Last log lines", // a quiet pass: "No log finding" is its one line
            "## Gate: shop.ShopGateTest#burnIn",
            "### Failures",
            "### Checks",
            "### Services",
            "### Healthchecks",
            "### Log findings",
            "#### api",
            "### Last log lines");
  }

  @Test
  void verdictAndItsReasonsComeRightAfterTheTitle() {
    Node title = tree.document.getFirstChild();
    Node verdict = title.getNext();
    assertThat(verdict).isInstanceOf(Paragraph.class);
    assertThat(MarkdownTree.textOf(verdict)).isEqualTo("Verdict: FAIL");
    assertThat(verdict.getNext()).isInstanceOf(BulletList.class);
    assertThat(MarkdownTree.textOf(verdict.getNext()))
        .isEqualTo(
            "shop.ShopGateTest#burnIn: api restarted 2 times"
                + "shop.ShopGateTest#burnIn: api was OOMKilled (exit code 137)");
  }

  @Test
  void passingAuditSaysSo() {
    AuditReport passing =
        new AuditReport(
            AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(AuditFixtures.passingGate()));
    MarkdownTree passed = MarkdownTree.parse(AuditMarkdown.standard().render(passing));
    Node verdict = passed.document.getFirstChild().getNext();
    assertThat(MarkdownTree.textOf(verdict)).isEqualTo("Verdict: PASS");
    assertThat(MarkdownTree.textOf(verdict.getNext())).startsWith("The gate passed.");
  }

  @Test
  void emptyAuditIsIncomplete() {
    AuditReport empty = new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of());
    assertThat(empty.verdict()).isEqualTo(Verdict.INCOMPLETE);
    MarkdownTree none = MarkdownTree.parse(AuditMarkdown.standard().render(empty));
    assertThat(none.headings()).containsExactly("# Stability audit");
    assertThat(MarkdownTree.textOf(none.document)).contains("Verdict: INCOMPLETE", "No gate ran.");
  }

  @Test
  void summaryTableListsEveryGate() {
    assertThat(tree.tables().get(0))
        .containsExactly(
            List.of("Gate", "Kind", "Verdict", "Duration"),
            List.of("shop.ShopGateTest#healthy", "HEALTHY_SMOKE", "PASS", "1m 23.4s"),
            List.of("shop.ShopGateTest#burnIn", "BURN_IN", "FAIL", "10m 1.5s"));
  }

  @Test
  void tablesAreRectangular() {
    for (List<List<String>> table : tree.tables()) {
      int columns = table.get(0).size();
      assertThat(table).allSatisfy(row -> assertThat(row).hasSize(columns));
    }
  }

  @Test
  void servicesAndStatsTablesCarryTheNumbers() {
    // the burnIn gate's services table, its stats in the same row
    List<List<List<String>>> services =
        tree.tables().stream().filter(t -> t.get(0).contains("PIDs")).toList();
    assertThat(services).hasSize(2);
    // the quiet gate: no container names, no all-zero restart, exit and OOM columns
    assertThat(services.get(0).get(0))
        .containsExactly(
            "Service",
            "State",
            "Health",
            "Memory used / limit (MiB)",
            "CPU",
            "Net rx / tx",
            "PIDs");
    assertThat(services.get(1).get(0))
        .containsExactly(
            "Service",
            "Container",
            "State",
            "Health",
            "Restarts",
            "Exit code",
            "OOMKilled",
            "Memory used / limit (MiB)",
            "CPU",
            "Net rx / tx",
            "PIDs");
    assertThat(services.get(1).get(1))
        .containsExactly(
            "api",
            "sg4d5e6f_api_1",
            "running",
            "unhealthy",
            "2",
            "137",
            "yes",
            "510.2 / 512.0 (99.7 %)",
            "97.5 %",
            "3.3 MiB / 1.1 MiB",
            "12");
  }

  @Test
  void rawOutputIsAFencedBlockOfItsOwn() {
    List<FencedCodeBlock> blocks = tree.fencedBlocks();
    assertThat(blocks.get(0).getLiteral()).isEqualTo("{\"status\":\"ok\",\"db\":\"up\"}\n");
  }

  @Test
  void findingsQuoteLineAndNumberAndSayHowManyAreHidden() {
    List<BulletList> lists = tree.all(BulletList.class);
    String findings = MarkdownTree.textOf(lists.get(lists.size() - 1));
    assertThat(findings)
        .isEqualTo(
            "line 41, error-level: ERROR out of memory"
                + "line 57 (6 lines), python-traceback: MemoryError: cannot allocate"
                + "3 more not shown");
  }

  @Test
  void outputsAndLastLogLinesAreFolded() {
    List<String> html = tree.all(HtmlBlock.class).stream().map(HtmlBlock::getLiteral).toList();
    assertThat(html)
        .containsExactly(
            "<details>\n<summary>Output: smoke GET api:8000/health (1 line)</summary>",
            "</details>",
            "<details>\n<summary>Output: no restarts (1 line)</summary>",
            "</details>",
            "<details>\n<summary>api last 3 of 1234 lines</summary>",
            "</details>");
    // each <details> is followed by its fenced block: the gate's services, each under its name
    HtmlBlock last = tree.all(HtmlBlock.class).get(4);
    assertThat(last.getNext()).isInstanceOf(FencedCodeBlock.class);
    assertThat(((FencedCodeBlock) last.getNext()).getLiteral())
        .isEqualTo(
            "==> api (last 3 of 1234 lines) <==\n"
                + "WARN heap at 95%\nERROR out of memory\nINFO restarting\n");
  }

  @Test
  void extraSectionsGoWhereDocumented() {
    String md =
        AuditMarkdown.standard()
            .withReportSection((r, doc) -> doc.heading(2, "Risk"))
            .withGateSection((g, doc) -> doc.heading(3, "Chart"))
            .render(report);
    List<String> headings = MarkdownTree.parse(md).headings();
    assertThat(headings.subList(0, 5))
        .containsExactly(
            "# Stability audit",
            "## What was tested",
            "## Gates",
            "## Risk",
            "## Gate: shop.ShopGateTest#healthy");
    assertThat(headings)
        .containsSubsequence(
            "### Last log lines", "### Chart", "## Gate: shop.ShopGateTest#burnIn");
    assertThat(headings.get(headings.size() - 1)).isEqualTo("### Chart");
  }
}
