package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures a real run's audit: re-renders the JSON twin of the last CI run of the example with the
 * current code ({@link RerenderTwin#render}, as gate-junit's ReportSession renders it) and prints
 * its size, per top-level section and per kind of gate subsection summed over the gates, so a cut
 * can be measured on real evidence. The twin is {@code /tmp/audit-sample/stability_audit.json}, or
 * the file {@code -Dstagegate.sampleTwin=PATH} names; without it the test is skipped, so CI does
 * not depend on it. It only prints: the limit is held by {@link FullAuditSizeTest}.
 *
 * <pre>
 * mvn -q -pl gate-deploy -am test -Dtest=SampleTwinSizeTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class SampleTwinSizeTest {
  static final Path DEFAULT_TWIN = Path.of("/tmp/audit-sample/stability_audit.json");

  @Test
  void printsTheSampleAuditsSizePerSection() throws IOException {
    Path twin = Path.of(System.getProperty("stagegate.sampleTwin", DEFAULT_TWIN.toString()));
    assumeThat(Files.isRegularFile(twin)).as("sample twin %s present", twin).isTrue();

    String md = RerenderTwin.render(AuditJson.readReport(twin));
    Path out = Path.of("target", "sample-audit.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "sample audit re-rendered from %s: %,d bytes (%s)%n",
            twin,
            RerenderTwin.bytes(md),
            out));
    report.append("  per top-level section:\n");
    print(report, RerenderTwin.sectionsAtLevel(md, 2, false));
    report.append("  per gate subsection, summed over the gates:\n");
    print(report, RerenderTwin.sectionsAtLevel(md, 3, true));
    System.out.print(report);
  }

  private static void print(StringBuilder report, Map<String, Integer> sizes) {
    sizes.forEach(
        (heading, n) -> report.append(String.format(Locale.ROOT, "  %8d  %s%n", n, heading)));
  }
}
