package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.ServiceSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChartsSectionTest {
  private static final Pattern X_AXIS =
      Pattern.compile("^  x-axis \"minutes\" (\\d+\\.\\d\\d) --> (\\d+\\.\\d\\d)$");
  private static final Pattern Y_AXIS = Pattern.compile("^  y-axis \"([^\"]*)\" 0 --> (\\S+)$");
  private static final Pattern LINE = Pattern.compile("^  line \\[(.*)]$");
  private static final Pattern TITLE = Pattern.compile("^  title \"([^\"]*)\"$");

  private Locale saved;

  @BeforeEach
  void decimalCommaLocale() {
    // A default locale with a decimal comma must not leak into the chart numbers.
    saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  /** A 24-hour history at 1 Hz, as a burn-in gate would keep it: 256 buckets. */
  static ServiceSeries dayOfSamples(double baseMiB) {
    BoundedHistory memory = new BoundedHistory();
    BoundedHistory cpu = new BoundedHistory();
    for (int t = 0; t < 86_400; t += 10) {
      memory.add(t, (baseMiB + t / 3600.0) * 1024 * 1024);
      cpu.add(t, 5 + 3 * Math.sin(t / 600.0));
    }
    return new ServiceSeries(memory.buckets(), cpu.buckets());
  }

  private static String render(Map<String, ServiceSeries> series) {
    AuditReport report = AuditFixtures.small();
    return AuditMarkdown.standard()
        .withGateSection(new ChartsSection(gate -> series))
        .render(report);
  }

  @Test
  void chartsAreWellFormedMermaidBlocks() {
    ServiceSeries api = dayOfSamples(100);
    assertThat(api.memoryBytes()).hasSizeGreaterThan(100);
    String markdown = render(Map.of("api", api, "worker \"x\";%%", dayOfSamples(20)));
    MarkdownTree tree = MarkdownTree.parse(markdown);
    List<FencedCodeBlock> mermaid =
        tree.fencedBlocks().stream().filter(b -> "mermaid".equals(b.getInfo())).toList();
    // Two gates in the fixture, two services each, memory and CPU.
    assertThat(mermaid).hasSize(8);
    for (FencedCodeBlock block : mermaid) {
      assertWellFormed(block.getLiteral());
    }
    // the chart titles name the service, the y axes the unit: no heading or unit said twice
    assertThat(tree.headings()).contains("### Resource charts");
    int charts = markdown.indexOf("### Resource charts");
    int next = markdown.indexOf("\n## ", charts);
    assertThat(markdown.substring(charts, next < 0 ? markdown.length() : next))
        .doesNotContain("\n#### ");
    assertThat(mermaid.get(0).getLiteral())
        .contains("title \"api memory\"")
        .contains("y-axis \"MiB\" 0 --> ");
    assertThat(mermaid.get(1).getLiteral())
        .contains("title \"api CPU\"")
        .contains("y-axis \"percent of a core\" 0 --> 10.0");
  }

  static void assertWellFormed(String chart) {
    assertWellFormed(chart, ChartsSection.MAX_POINTS);
  }

  /** A well-formed chart of at most {@code maxPoints} points. */
  static void assertWellFormed(String chart, int maxPoints) {
    List<String> lines = chart.lines().toList();
    assertThat(lines.get(0)).isEqualTo("xychart-beta");
    assertThat(lines).hasSize(5);
    Matcher title = TITLE.matcher(lines.get(1));
    assertThat(title.matches()).as(lines.get(1)).isTrue();
    assertThat(title.group(1)).doesNotContain("\"", ";", "%%");
    Matcher x = X_AXIS.matcher(lines.get(2));
    Matcher y = Y_AXIS.matcher(lines.get(3));
    Matcher line = LINE.matcher(lines.get(4));
    assertThat(x.matches()).as(lines.get(2)).isTrue();
    assertThat(y.matches()).as(lines.get(3)).isTrue();
    assertThat(line.matches()).as(lines.get(4)).isTrue();
    List<String> values = Arrays.asList(line.group(1).split(","));
    assertThat(values).hasSizeBetween(2, maxPoints);
    double yMax = Double.parseDouble(y.group(2));
    assertThat(Double.parseDouble(x.group(1)))
        .as("a numeric x axis with a range")
        .isLessThan(Double.parseDouble(x.group(2)));
    for (String value : values) {
      assertThat(value).matches("-?\\d+\\.\\d");
      assertThat(Double.parseDouble(value)).isBetween(0.0, yMax);
    }
  }

  @Test
  void memoryIsInMibAndTimeInMinutesFromTheFirstSample() {
    BoundedHistory memory = new BoundedHistory();
    memory.add(1000, 64 * 1024 * 1024);
    memory.add(1060, 128 * 1024 * 1024);
    String chart =
        MermaidXyChart.render(
            "m", "MiB", 1000, memory.buckets(), bytes -> bytes / (1024.0 * 1024.0));
    assertThat(chart)
        .isEqualTo(
            "xychart-beta\n"
                + "  title \"m\"\n"
                + "  x-axis \"minutes\" 0.00 --> 1.00\n"
                + "  y-axis \"MiB\" 0 --> 200.0\n"
                + "  line [64.0,128.0]\n");
  }

  @Test
  void aShortRunGetsANumericAxisAndEveryPointItsOwnPosition() {
    // 88 one-second buckets over 90 s: labelled to a tenth of a minute they were 16 categories
    BoundedHistory memory = new BoundedHistory();
    for (int t = 0; t < 88; t++) {
      memory.add(t, (10 + t) * 1024 * 1024.0);
    }
    String chart =
        MermaidXyChart.render("m", "MiB", 0, memory.buckets(), bytes -> bytes / (1024.0 * 1024.0));
    assertWellFormed(chart, 88);
    assertThat(chart).contains("  x-axis \"minutes\" 0.00 --> 1.45\n");
    String line = chart.lines().filter(l -> l.startsWith("  line [")).findFirst().orElseThrow();
    List<String> values = Arrays.asList(line.substring(8, line.length() - 1).split(","));
    assertThat(values).hasSize(88).doesNotHaveDuplicates().startsWith("10.0", "11.0");
  }

  @Test
  void unevenPointsAreResampledOntoAnEvenGridAndAGapIsBridged() {
    // buckets at minutes 0, 1 and 3 (none saw a sample at 2): Mermaid spaces values evenly, so
    // they are drawn at 0, 1.5 and 3 on the line through the means
    List<dev.stagegate.report.HistoryBucket> points =
        List.of(
            new dev.stagegate.report.HistoryBucket(0, 0, 1, 10, 10, 10),
            new dev.stagegate.report.HistoryBucket(60, 60, 1, 20, 20, 20),
            new dev.stagegate.report.HistoryBucket(180, 180, 1, 40, 40, 40));
    assertThat(MermaidXyChart.render("m", "MiB", 0, points, v -> v))
        .contains("  x-axis \"minutes\" 0.00 --> 3.00\n")
        .contains("  line [10.0,25.0,40.0]\n");
  }

  @Test
  void onePointStillDrawsALineOverARange() {
    String chart =
        MermaidXyChart.render(
            "m",
            "MiB",
            0,
            List.of(new dev.stagegate.report.HistoryBucket(0, 0, 1, 5, 5, 5)),
            v -> v);
    assertWellFormed(chart);
    assertThat(chart).contains("  line [5.0,5.0]\n");
  }

  @Test
  void noDataNoSection() {
    String markdown = render(Map.of());
    assertThat(markdown).doesNotContain("Resource charts").doesNotContain("mermaid");
    assertThat(
            AuditMarkdown.standard()
                .withGateSection(new ChartsSection(gate -> null))
                .render(AuditFixtures.small()))
        .isEqualTo(AuditMarkdown.standard().render(AuditFixtures.small()));
  }

  @Test
  void onlyCpuIsFine() {
    ServiceSeries cpuOnly = new ServiceSeries(List.of(), dayOfSamples(1).cpuPercent());
    String markdown = render(Map.of("api", cpuOnly));
    assertThat(MarkdownTree.parse(markdown).fencedBlocks())
        .filteredOn(b -> "mermaid".equals(b.getInfo()))
        .hasSize(2);
  }

  @Test
  void niceCeilings() {
    assertThat(MermaidXyChart.niceCeiling(0)).isEqualTo(1);
    assertThat(MermaidXyChart.niceCeiling(7.9)).isEqualTo(10);
    assertThat(MermaidXyChart.niceCeiling(123)).isEqualTo(200);
    assertThat(MermaidXyChart.niceCeiling(450)).isEqualTo(500);
    assertThat(MermaidXyChart.niceCeiling(1000)).isEqualTo(1000);
  }

  @Test
  void rejectsZeroPoints() {
    assertThatThrownBy(() -> new ChartsSection(gate -> Map.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
