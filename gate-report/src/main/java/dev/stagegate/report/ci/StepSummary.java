package dev.stagegate.report.ci;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceSeries;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.markdown.ChartsSection;
import dev.stagegate.report.text.ByteSize;
import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A compact Markdown summary of an audit for a CI job page, appended to the file GitHub Actions
 * names in {@code GITHUB_STEP_SUMMARY}: the overall verdict, one line per gate, a table of services
 * per gate (state, restarts, findings, memory, CPU), resource charts when given, and where the full
 * {@code stability_audit.md} is.
 *
 * <p><b>Size.</b> GitHub rejects a step summary over 1 MiB. The summary is built whole and measured
 * in UTF-8 bytes; over the budget ({@value #DEFAULT_BUDGET_BYTES} bytes by default, less what the
 * file already holds) it drops the charts, then halves service rows per gate (down to a few), the
 * gates that get service details, and the rows of the gate table, in that order, with "… N more"
 * lines, until it fits. Gates that did not pass come first, so they are the last to go. If even one
 * row of each does not fit, it falls back to the verdict, the counts and the report's location.
 * Long texts in cells are cut, so that fallback is always small: the result fits for any input.
 *
 * <p>Pass it a redacted report ({@code ReportRedaction}); it shows failures and names, not logs.
 *
 * <pre>{@code
 * String path = System.getenv("GITHUB_STEP_SUMMARY");
 * if (path != null && !path.isBlank()) {
 *   new StepSummary().append(Path.of(path), safeReport, written.markdown());
 * }
 * }</pre>
 */
public final class StepSummary {
  /** GitHub's limit for one step summary. */
  public static final int GITHUB_LIMIT_BYTES = 1024 * 1024;

  /** The default budget: below the limit, leaving room for other output of the same step. */
  public static final int DEFAULT_BUDGET_BYTES = 900 * 1024;

  private static final int MAX_CELL_CHARS = 200;
  private static final int MAX_LOCATION_CHARS = 500;

  private final Function<GateResult, Map<String, ServiceSeries>> series;
  private final int budgetBytes;

  /** A summary without charts, within {@link #DEFAULT_BUDGET_BYTES}. */
  public StepSummary() {
    this(null, DEFAULT_BUDGET_BYTES);
  }

  private StepSummary(Function<GateResult, Map<String, ServiceSeries>> series, int budgetBytes) {
    this.series = series;
    this.budgetBytes = budgetBytes;
  }

  /** This summary with resource charts from the given series, as {@link ChartsSection} draws. */
  public StepSummary withCharts(Function<GateResult, Map<String, ServiceSeries>> series) {
    return new StepSummary(series, budgetBytes);
  }

  /**
   * This summary with another budget in UTF-8 bytes, at most {@link #GITHUB_LIMIT_BYTES}; at least
   * 1 KiB so that the fallback always fits.
   */
  public StepSummary withBudgetBytes(int budgetBytes) {
    if (budgetBytes < 1024 || budgetBytes > GITHUB_LIMIT_BYTES) {
      throw new IllegalArgumentException(
          "budget must be 1024.." + GITHUB_LIMIT_BYTES + " bytes but was " + budgetBytes);
    }
    return new StepSummary(series, budgetBytes);
  }

  /**
   * Appends the summary to {@code summaryFile} (created if missing), after a blank line when the
   * file already has content, within the budget less the file's current size.
   *
   * @param summaryFile the path in {@code GITHUB_STEP_SUMMARY}
   * @param report the audit, redacted
   * @param fullReport where the full {@code stability_audit.md} is, as the reader should see it
   */
  public void append(Path summaryFile, AuditReport report, Path fullReport) throws IOException {
    long existing = Files.exists(summaryFile) ? Files.size(summaryFile) : 0;
    String separator = existing == 0 ? "" : endsWithNewline(summaryFile) ? "\n" : "\n\n";
    long room = GITHUB_LIMIT_BYTES - existing - separator.length();
    int budget = (int) Math.max(1024, Math.min(budgetBytes, room));
    byte[] bytes =
        (separator + render(report, fullReport, budget)).getBytes(StandardCharsets.UTF_8);
    // One write in append mode: other writers of the same file (other steps' tools) interleave at
    // worst between whole summaries, never inside one.
    try (FileChannel out =
        FileChannel.open(
            summaryFile,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    }
  }

  /** The summary as Markdown within this summary's budget. */
  public String render(AuditReport report, Path fullReport) {
    return render(report, fullReport, budgetBytes);
  }

  private String render(AuditReport report, Path fullReport, int budget) {
    int gates = report.gates().size();
    int maxServices = report.gates().stream().mapToInt(g -> g.services().size()).max().orElse(0);
    SummaryLimits limits = SummaryLimits.everything().withoutCharts();
    String text = render(report, fullReport, limits);
    if (fits(text, budget) && series != null) {
      // Tables first: charts are only tried when the tables alone fit.
      String withCharts = render(report, fullReport, SummaryLimits.everything());
      return fits(withCharts, budget) ? withCharts : text;
    }
    while (!fits(text, budget) && !limits.isSmallest()) {
      limits = limits.shrunk(gates, maxServices);
      text = render(report, fullReport, limits);
    }
    return fits(text, budget) ? text : fallback(report, fullReport);
  }

  private static boolean fits(String text, int budget) {
    // A char is at most 3 UTF-8 bytes; count exactly only when that bound is over budget.
    return (long) text.length() * 3 <= budget
        || text.getBytes(StandardCharsets.UTF_8).length <= budget;
  }

  private String render(AuditReport report, Path fullReport, SummaryLimits limits) {
    MarkdownDocument doc = new MarkdownDocument();
    header(report, fullReport, doc);
    List<GateResult> shown = prioritised(report.gates());
    gateTable(shown, limits.gateRows(), doc);
    int details = Math.min(limits.gateDetails(), shown.size());
    ChartsSection charts = limits.charts() && series != null ? new ChartsSection(series) : null;
    for (GateResult gate : shown.subList(0, details)) {
      doc.heading(3, cut(gate.id()) + " · " + cut(gate.verdictText()));
      serviceTable(gate, limits.serviceRows(), doc);
      if (charts != null) {
        charts.render(gate, doc);
      }
    }
    if (details < shown.size()) {
      doc.paragraph(
          "… "
              + (shown.size() - details)
              + " more gates without service details; see the full report.");
    }
    return doc.toString();
  }

  private static void header(AuditReport report, Path fullReport, MarkdownDocument doc) {
    doc.heading(2, "Stagegate stability audit: " + report.verdict());
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (GateResult gate : report.gates()) {
      counts.merge(gate.verdict(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((verdict, n) -> parts.add(n + " " + verdict));
    int n = report.gates().size();
    doc.paragraph(
        "**"
            + report.verdict()
            + "** · "
            + n
            + (n == 1 ? " gate" : " gates")
            + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
            + " · full report: "
            + MarkdownText.code(cut(String.valueOf(fullReport), MAX_LOCATION_CHARS)));
    doc.paragraph("Verdicts: " + MarkdownText.text(Verdict.legend()) + ".");
  }

  private static void gateTable(List<GateResult> gates, int maxRows, MarkdownDocument doc) {
    if (gates.isEmpty()) {
      doc.paragraph("No gate ran.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (GateResult gate : gates.subList(0, Math.min(maxRows, gates.size()))) {
      String failure =
          gate.failures().isEmpty()
              ? ""
              : MarkdownText.cell(cut(gate.failures().get(0)))
                  + (gate.failures().size() > 1 ? " (+" + (gate.failures().size() - 1) + ")" : "");
      rows.add(
          List.of(
              MarkdownText.cell(cut(gate.id())),
              String.valueOf(gate.kind()),
              gate.verdict() == Verdict.PASS
                  ? "PASS"
                  : "**" + MarkdownText.cell(cut(gate.verdictText())) + "**",
              HumanDuration.format(gate.duration()),
              failure));
    }
    int more = gates.size() - rows.size();
    if (more > 0) {
      long notPassing =
          gates.subList(rows.size(), gates.size()).stream()
              .filter(g -> g.verdict() != Verdict.PASS)
              .count();
      rows.add(List.of("… " + more + " more (" + notPassing + " not passing)"));
    }
    // a shortened pass lists why it is not PASS here too, which is no failure
    doc.table(List.of("Gate", "Kind", "Verdict", "Duration", "First reason"), rows);
  }

  private static void serviceTable(GateResult gate, int maxRows, MarkdownDocument doc) {
    List<ServiceEvidence> services = gate.services();
    if (services.isEmpty()) {
      doc.paragraph("No services were seen.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ServiceEvidence s : services.subList(0, Math.min(maxRows, services.size()))) {
      StatsSnapshot stats = s.stats();
      String state =
          s.state()
              + ("none".equals(s.health()) ? "" : ", " + s.health())
              + (s.oomKilled() ? ", OOMKilled" : "");
      rows.add(
          List.of(
              MarkdownText.cell(cut(s.service())),
              MarkdownText.cell(cut(state)),
              String.valueOf(s.restartCount()),
              String.valueOf(s.findingsTotal()),
              stats == null ? "–" : ByteSize.mib(stats.memoryBytes()) + " MiB",
              stats == null ? "–" : String.format(Locale.ROOT, "%.1f %%", stats.cpuPercent())));
    }
    if (rows.size() < services.size()) {
      rows.add(List.of("… " + (services.size() - rows.size()) + " more"));
    }
    doc.table(List.of("Service", "State", "Restarts", "Findings", "Memory", "CPU"), rows);
  }

  private static String fallback(AuditReport report, Path fullReport) {
    MarkdownDocument doc = new MarkdownDocument();
    header(report, fullReport, doc);
    doc.paragraph("The details did not fit in a step summary; see the full report.");
    return doc.toString();
  }

  /** Gates that did not pass first (worst first), then the rest, each in run order. */
  private static List<GateResult> prioritised(List<GateResult> gates) {
    List<GateResult> sorted = new ArrayList<>(gates);
    sorted.sort(
        Comparator.comparing((GateResult g) -> g.verdict() == Verdict.PASS)
            .thenComparing(g -> -g.verdict().ordinal()));
    return sorted;
  }

  private static String cut(String text) {
    return cut(text, MAX_CELL_CHARS);
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int keep = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, keep) + "…";
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size == 0) {
        return true;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      in.read(last, size - 1);
      return last.get(0) == '\n';
    }
  }
}
