package dev.stagegate.report.markdown;

import dev.stagegate.deploy.checklist.DeployFacts;
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
 * standard audit plus the burn-in resource charts, the checklists filled from the report alone:
 * without the test reports CI reads for "Tests passing"), writes it next to {@code out} and prints
 * its size section by section, so a change to the Markdown can be measured on real evidence:
 *
 * <pre>
 * mvn -q -pl gate-deploy -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp gate-deploy/target/test-classes:gate-deploy/target/classes:$(cat /tmp/cp.txt) \
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
        .withChecklists(DeployFacts.none())
        .withGateSection(new ChartsSection(ExampleAudit::series))
        .render(report);
  }

  /**
   * Bytes per heading (up to the next heading of any level), in order; a {@code #} line inside a
   * fenced code block (a shell comment) is not a heading.
   */
  static Map<String, Integer> sections(String md) {
    Map<String, Integer> out = new LinkedHashMap<>();
    String current = "(top)";
    StringBuilder body = new StringBuilder();
    int n = 0;
    Fences fences = new Fences();
    for (String line : md.split("\n", -1)) {
      if (fences.isHeading(line)) {
        out.merge(current + " #" + n++, bytes(body.toString()), Integer::sum);
        current = line;
        body.setLength(0);
      }
      body.append(line).append('\n');
    }
    out.merge(current + " #" + n, bytes(body.toString()), Integer::sum);
    return out;
  }

  /**
   * Bytes per heading of {@code level}, each with everything under it (deeper headings included),
   * in order of first appearance; headings of the same text are summed. Text under a shallower
   * heading before its first heading of {@code level} counts for that shallower heading, marked
   * {@code (own text)}. With {@code gatesOnly}, only what is under a {@code ## Gate:} heading
   * counts, and every gate's own text (its verdict line and overview) is one entry.
   */
  static Map<String, Integer> sectionsAtLevel(String md, int level, boolean gatesOnly) {
    Map<String, Integer> out = new LinkedHashMap<>();
    String key = "(title)";
    boolean inGate = false;
    Fences fences = new Fences();
    for (String line : md.split("\n", -1)) {
      if (fences.isHeading(line)) {
        int depth = line.indexOf(' ');
        if (depth == 2) {
          inGate = line.startsWith("## Gate: ");
        }
        if (depth == level) {
          key = line;
        } else if (depth < level) {
          key = (gatesOnly && inGate ? "## Gate: *" : line) + " (own text)";
        }
      }
      if (!gatesOnly || inGate) {
        out.merge(key, bytes(line) + 1, Integer::sum);
      }
    }
    return out;
  }

  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Tells headings from {@code #} lines inside fenced code blocks, line by line in order. */
  private static final class Fences {
    private String open;

    boolean isHeading(String line) {
      String fence = fence(line);
      if (open == null && fence != null) {
        open = fence;
        return false;
      }
      if (open != null) {
        if (line.strip().equals(open) || (fence != null && line.strip().startsWith(open))) {
          open = null;
        }
        return false;
      }
      return line.matches("#{1,6} .*");
    }

    private static String fence(String line) {
      int n = 0;
      while (n < line.length() && (line.charAt(n) == '`' || line.charAt(n) == '~')) {
        n++;
      }
      return n >= 3 ? line.substring(0, n) : null;
    }
  }
}
