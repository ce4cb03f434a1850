package dev.stagegate.report.markdown;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.GoldenFile;
import org.junit.jupiter.api.Test;

class AuditMarkdownGoldenTest {
  @Test
  void smallReportMatchesGoldenFile() throws Exception {
    GoldenFile.assertMatches(
        AuditMarkdown.standard().withChecklists(DeployFacts.none()).render(AuditFixtures.small()),
        "dev/stagegate/report/golden/small.md");
  }
}
