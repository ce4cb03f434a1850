package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Re-renders a real run's JSON twin with the current code, as gate-junit's ReportSession does (the
 * standard audit plus the burn-in resource charts), writes it next to {@code out} and prints its
 * size section by section, so a change to the Markdown can be measured on real evidence:
 *
 * <pre>
 * mvn -o -q -pl gate-report test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp gate-report/target/test-classes:gate-report/target/classes:$(cat /tmp/cp.txt) \
 *     dev.stagegate.report.markdown.RerenderTwin stability_audit.json /tmp/out.md
 * </pre>
 */
public final class RerenderTwin {
  private RerenderTwin() {}

  /**
   * Reads {@code args[0]}, writes the Markdown to {@code args[1]} and prints the sizes.
   *
   * @param args the JSON twin, the Markdown file to write
   * @throws IOException when either file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    AuditReport report = AuditJson.readReport(Path.of(args[0]));
    String md = render(report);
    Files.writeString(Path.of(args[1]), md, StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "%s: %,d bytes%n", args[1], bytes(md));
    sections(md).forEach((h, n) -> System.out.printf(Locale.ROOT, "%8d  %s%n", n, h));
  }

  /** The Markdown ReportSession writes for this report. */
  static String render(AuditReport report) {
    return AuditMarkdown.standard()
        .withGateSection(new ChartsSection(ExampleAudit::series))
        .render(report);
  }

  /** Bytes per heading (up to the next heading of any level), in order. */
  static Map<String, Integer> sections(String md) {
    Map<String, Integer> out = new LinkedHashMap<>();
    String current = "(top)";
    StringBuilder body = new StringBuilder();
    int n = 0;
    for (String line : md.split("\n", -1)) {
      if (line.startsWith("#")) {
        out.merge(current + " #" + n++, bytes(body.toString()), Integer::sum);
        current = line;
        body.setLength(0);
      }
      body.append(line).append('\n');
    }
    out.merge(current + " #" + n, bytes(body.toString()), Integer::sum);
    return out;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
