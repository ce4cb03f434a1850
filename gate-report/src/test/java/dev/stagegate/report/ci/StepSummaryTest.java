package dev.stagegate.report.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceSeries;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {
  private static final Path FULL = Path.of("target/stagegate/stability_audit.md");

  @TempDir Path dir;

  @Test
  void smallReportShowsVerdictGatesServicesAndWhereTheReportIs() {
    String md = new StepSummary().render(AuditFixtures.small(), FULL);
    assertThat(md)
        .startsWith("## Stagegate stability audit: FAIL\n")
        .contains("2 gates (1 PASS, 1 FAIL)")
        .contains("full report: `target/stagegate/stability_audit.md`")
        .contains("| shop.ShopGateTest#burnIn | BURN_IN | **FAIL** | 10m 1.5s |")
        .contains("| api | running, unhealthy, OOMKilled | 2 | 5 | 510.2 MiB | 97.5 % |")
        .doesNotContain("mermaid");
    // The failing gate comes first.
    assertThat(md.indexOf("### shop.ShopGateTest#burnIn"))
        .isLessThan(md.indexOf("### shop.ShopGateTest#healthy"));
  }

  @Test
  void chartsWhenTheyFit() {
    String md =
        new StepSummary()
            .withCharts(gate -> Map.of("api", series(256)))
            .render(AuditFixtures.small(), FULL);
    assertThat(mermaidBlocks(md)).hasSize(4);
  }

  @Test
  void aThousandGatesOfTwentyServicesStayUnderTheBudget() {
    AuditReport report = report(1000, 20, 40);
    String md = new StepSummary().withCharts(gate -> chartsFor(gate)).render(report, FULL);
    int bytes = md.getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("step summary, 1000 gates x 20 services: %d bytes%n", bytes);
    assertThat(bytes).isLessThanOrEqualTo(StepSummary.DEFAULT_BUDGET_BYTES);
    assertThat(mermaidBlocks(md)).isEmpty();
    // Service tables shrink first: every gate keeps its line in the gate table.
    assertThat(md).contains("| … 10 more |").doesNotContain(" more (");
    assertThat(md).contains("| shop.Gate0999#gate0999 |");
  }

  @Test
  void hugeTextsAndCountsStillFit() {
    String longText = "x".repeat(1_000_000);
    // A service's name is part of its container's name: long, but not a megabyte each.
    ServiceEvidence longNamed = service("s".repeat(5_000));
    List<ServiceEvidence> services = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      services.add(longNamed);
    }
    GateResult gate =
        gate(longText, Verdict.FAIL, services, List.of(longText, longText + "second"));
    AuditReport report =
        new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(gate, gate, gate));
    String md = new StepSummary().render(report, Path.of(longText));
    int bytes = md.getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("step summary, 1 MB texts and 50 000 services: %d bytes%n", bytes);
    assertThat(bytes).isLessThanOrEqualTo(StepSummary.DEFAULT_BUDGET_BYTES);
    assertThat(md).containsPattern("\\| … \\d+ more \\|");
  }

  @Test
  void fallsBackToTheVerdictWhenNothingElseFits() {
    // Ids of 3-byte chars: one row and one heading of them alone exceed 1 KiB.
    String id = "€".repeat(400);
    GateResult gate = gate(id, Verdict.FAIL, List.of(service("€".repeat(400))), List.of(id));
    AuditReport report =
        new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(gate, gate));
    String md = new StepSummary().withBudgetBytes(1024).render(report, FULL);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    assertThat(md)
        .contains("**FAIL** · 2 gates (2 FAIL)")
        .contains("stability_audit.md")
        .contains("did not fit");
  }

  @Test
  void appendKeepsWhatIsThereAndSeparatesBlocks() throws IOException {
    Path summary = dir.resolve("step_summary.md");
    Files.writeString(summary, "### Unit tests\n\n42 passed");
    new StepSummary().append(summary, AuditFixtures.small(), FULL);
    new StepSummary().append(summary, AuditFixtures.small(), FULL);
    String all = Files.readString(summary);
    assertThat(all).startsWith("### Unit tests\n\n42 passed\n\n## Stagegate stability audit: FAIL");
    assertThat(all.split("## Stagegate stability audit", -1)).hasSize(3);
    assertThat(all).contains("| – | – |\n\n## Stagegate");
  }

  @Test
  void appendCreatesTheFileAndLeavesRoomForWhatIsThere() throws IOException {
    Path summary = dir.resolve("new.md");
    new StepSummary().append(summary, AuditFixtures.small(), FULL);
    assertThat(Files.readString(summary)).startsWith("## Stagegate");

    Path nearlyFull = dir.resolve("full.md");
    Files.writeString(nearlyFull, "y".repeat(StepSummary.GITHUB_LIMIT_BYTES - 200_000) + "\n");
    new StepSummary().append(nearlyFull, report(1000, 20, 0), FULL);
    assertThat(Files.size(nearlyFull)).isLessThanOrEqualTo(StepSummary.GITHUB_LIMIT_BYTES);
  }

  @Test
  void budgetIsChecked() {
    assertThatThrownBy(() -> new StepSummary().withBudgetBytes(100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StepSummary().withBudgetBytes(StepSummary.GITHUB_LIMIT_BYTES + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every 40th gate fails (or {@code failEvery} 0: none). */
  static AuditReport report(int gates, int servicesPerGate, int failEvery) {
    List<GateResult> all = new ArrayList<>();
    for (int g = 0; g < gates; g++) {
      List<ServiceEvidence> services = new ArrayList<>();
      for (int s = 0; s < servicesPerGate; s++) {
        services.add(service("service-" + s));
      }
      boolean fail = failEvery > 0 && g % failEvery == 1;
      all.add(
          gate(
              String.format("shop.Gate%04d#gate%04d", g, g),
              fail ? Verdict.FAIL : Verdict.PASS,
              services,
              fail ? List.of("service-3 restarted 2 times") : List.of()));
    }
    return new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, all);
  }

  static GateResult gate(
      String id, Verdict verdict, List<ServiceEvidence> services, List<String> failures) {
    return GateResult.builder(id, GateKind.BURN_IN)
        .displayName(id)
        .verdict(verdict)
        .startedAt(AuditFixtures.T0)
        .duration(Duration.ofHours(24))
        .composeFile("compose.yaml")
        .project("sg1")
        .engine(AuditFixtures.engine())
        .checks(List.of(CheckResult.pass("no restarts", "", "")))
        .services(services)
        .failures(failures)
        .build();
  }

  static ServiceEvidence service(String name) {
    return new ServiceEvidence(
        name,
        "sg1_" + name + "_1",
        false,
        "running",
        "healthy",
        0,
        null,
        false,
        List.of(),
        new StatsSnapshot(3.5, 200L << 20, 1L << 30, 0, 0, 4),
        List.of(),
        3,
        List.of(),
        0);
  }

  static ServiceSeries series(int buckets) {
    BoundedHistory memory = new BoundedHistory(buckets);
    BoundedHistory cpu = new BoundedHistory(buckets);
    for (int t = 0; t < buckets; t++) {
      memory.add(t, 100e6 + t * 1e5);
      cpu.add(t, 5);
    }
    return new ServiceSeries(memory.buckets(), cpu.buckets());
  }

  static Map<String, ServiceSeries> chartsFor(GateResult gate) {
    Map<String, ServiceSeries> out = new LinkedHashMap<>();
    ServiceSeries s = series(256);
    for (ServiceEvidence e : gate.services()) {
      out.put(e.service(), s);
    }
    return out;
  }

  static List<FencedCodeBlock> mermaidBlocks(String md) {
    Node doc = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(md);
    List<FencedCodeBlock> found = new ArrayList<>();
    collect(doc, found);
    return found.stream().filter(b -> "mermaid".equals(b.getInfo())).toList();
  }

  private static void collect(Node node, List<FencedCodeBlock> found) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof FencedCodeBlock block) {
        found.add(block);
      }
      collect(child, found);
    }
  }
}
