package dev.stagegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.ci.StepSummary;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import dev.stagegate.report.markdown.ChartsSection;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How big the files of a 24-hour burn-in of 20 services get at the caps stagegate keeps (1000 last
 * log lines, 100 findings, 256 history buckets per metric), so a reviewer's browser and GitHub's
 * limits are known to cope.
 */
class AuditSizeTest {
  private static final int SERVICES = 20;
  private static final int LINES = 1000;
  private static final int LINE_CHARS = 200;
  private static final int FINDINGS = 100;
  private static final int BUCKETS = 256;

  @Test
  void dayLongBurnInOfTwentyServices() {
    Map<String, ServiceSeries> series = new LinkedHashMap<>();
    List<ServiceEvidence> services = new ArrayList<>();
    for (int s = 0; s < SERVICES; s++) {
      String name = "service-" + s;
      services.add(service(name));
      series.put(name, history());
    }
    GateResult gate =
        GateResult.builder("shop.ShopBurnInTest#survivesADay", GateKind.BURN_IN)
            .displayName("survives 24 hours")
            .verdict(Verdict.FAIL)
            .startedAt(AuditFixtures.T0)
            .duration(Duration.ofHours(24))
            .composeFile("examples/shop/compose.yaml")
            .project("sg1a2b3c")
            .engine(AuditFixtures.engine())
            .checks(List.of(CheckResult.fail("no restarts", "service-3 restarted 2 times", "")))
            .services(services)
            .failures(List.of("service-3 restarted 2 times"))
            .build();
    AuditReport report =
        new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(gate));

    long start = System.nanoTime();
    AuditReport safe = ReportRedaction.redact(report, Redactor.defaults());
    double redactSeconds = (System.nanoTime() - start) / 1e9;

    ChartsSection charts = new ChartsSection(g -> series);
    start = System.nanoTime();
    String markdown = AuditMarkdown.standard().withGateSection(charts).render(safe);
    double markdownSeconds = (System.nanoTime() - start) / 1e9;
    String json = AuditJson.write(safe);
    String summary =
        new StepSummary()
            .withCharts(g -> series)
            .render(safe, Path.of("target/stagegate/stability_audit.md"));

    int md = utf8(markdown);
    int js = utf8(json);
    int sum = utf8(summary);
    System.out.printf(
        Locale.ROOT,
        "audit size, %d services x %d lines of %d chars, %d findings, %d buckets:%n"
            + "  stability_audit.md   %,d bytes (rendered in %.2f s)%n"
            + "  stability_audit.json %,d bytes%n"
            + "  step summary         %,d bytes (charts %s)%n"
            + "  redaction of the report: %.2f s%n",
        SERVICES,
        LINES,
        LINE_CHARS,
        FINDINGS,
        BUCKETS,
        md,
        markdownSeconds,
        js,
        sum,
        summary.contains("```mermaid") ? "kept" : "dropped",
        redactSeconds);
    assertThat(md).isLessThan(5_000_000);
    assertThat(sum).isLessThan(StepSummary.GITHUB_LIMIT_BYTES);
    assertThat(summary).contains("```mermaid");
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ServiceEvidence service(String name) {
    List<String> lines = new ArrayList<>(LINES);
    for (int i = 0; i < LINES; i++) {
      lines.add(line(name, i));
    }
    List<LogFinding> findings = new ArrayList<>(FINDINGS);
    for (int i = 0; i < FINDINGS; i++) {
      findings.add(LogFinding.single(name, 10_000L + i, "error-level", line(name, i)));
    }
    List<HealthProbe> probes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      probes.add(
          new HealthProbe(AuditFixtures.T0.minusSeconds(30L * i), 0, "{\"status\":\"ok\"}\n"));
    }
    return new ServiceEvidence(
        name,
        "sg1a2b3c_" + name + "_1",
        false,
        "running",
        "healthy",
        0,
        null,
        false,
        probes,
        new StatsSnapshot(12.5, 300L << 20, 1L << 30, 1L << 30, 1L << 29, 12),
        findings,
        5_000,
        lines,
        8_640_000);
  }

  /** A log line of exactly {@link #LINE_CHARS} chars, as a busy JSON-ish service prints. */
  private static String line(String service, int i) {
    String head =
        String.format(
            Locale.ROOT,
            "2024-05-01T12:%02d:%02d.%03dZ INFO [%s] GET /api/v1/orders/%d status=200 "
                + "duration_ms=%d request_id=3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b user=app ",
            (i / 60) % 60,
            i % 60,
            i % 1000,
            service,
            i,
            i % 97);
    StringBuilder sb = new StringBuilder(head);
    while (sb.length() < LINE_CHARS) {
      sb.append("payload ");
    }
    return sb.substring(0, LINE_CHARS);
  }

  private static ServiceSeries history() {
    BoundedHistory memory = new BoundedHistory(BUCKETS);
    BoundedHistory cpu = new BoundedHistory(BUCKETS);
    for (int t = 0; t < 86_400; t += 5) {
      memory.add(t, 300e6 + t * 100.0);
      cpu.add(t, 10 + 5 * Math.sin(t / 900.0));
    }
    assertThat(memory.buckets()).hasSizeGreaterThan(BUCKETS / 2);
    return new ServiceSeries(memory.buckets(), cpu.buckets());
  }
}
