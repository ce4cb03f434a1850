package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.GoldenFile;
import org.junit.jupiter.api.Test;

class AuditMarkdownGoldenTest {
  @Test
  void smallReportMatchesGoldenFile() throws Exception {
    GoldenFile.assertMatches(
        AuditMarkdown.standard().render(AuditFixtures.small()),
        "dev/stagegate/report/golden/small.md");
  }
}
