package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.text.MarkdownDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployChecklistSectionTest {
  private static String render(AuditReport report) {
    MarkdownDocument doc = new MarkdownDocument();
    new DeployChecklistSection().render(report, doc);
    return doc.toString();
  }

  @Test
  void afterAPassTheChecklistAndTheRollbackToTheBaseAreShown() {
    AuditReport pass =
        AuditReport.of(
            List.of(AuditFixtures.passingGate()), ChangeFixtures.change(), ChangeFixtures.risk());
    String md = render(pass);
    assertThat(md).contains("## Deploy checklist").contains("### Rollback");
    assertThat(md).contains("git checkout ").contains(ChangeFixtures.change().baseCommit());
  }

  @Test
  void nothingToDeployAfterAFailure() {
    assertThat(render(AuditFixtures.small())).isEmpty();
  }

  @Test
  void withoutABaseTheRollbackSaysSo() {
    assertThat(render(AuditReport.of(List.of(AuditFixtures.passingGate()))))
        .contains("No base commit is known");
  }
}
