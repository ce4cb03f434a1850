package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.RollbackFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackSubsectionTest {
  private static String render(AuditReport report) {
    MarkdownDocument doc = new MarkdownDocument();
    RollbackSubsection.render(report, doc);
    return doc.toString();
  }

  @Test
  void aPassingDrillPrintsTheCommandItProved() {
    String md =
        render(
            AuditReport.of(
                List.of(AuditFixtures.passingGate(), RollbackFixtures.drill(true)),
                ChangeFixtures.change(),
                ChangeFixtures.risk()));
    assertThat(md)
        .contains("### Rollback")
        .contains(
            "proven by the rollback drill on 2024-05-01 12:00 UTC: healthy in 7 s, marker showed"
                + " `1.0.0`")
        .contains(
            ". The drill ran this command itself, with its own project (`"
                + RollbackFixtures.drill(true).rollback().project()
                + "`) and image names; it brings back the images that commit's gate kept, without"
                + " a rebuild:")
        .contains(RollbackFixtures.COMMAND)
        .doesNotContain("NOT proven")
        .doesNotContain("git checkout");
  }

  @Test
  void aFailedDrillLeavesTheBaseTextMarkedNotProven() {
    String md =
        render(
            AuditReport.of(
                List.of(AuditFixtures.passingGate(), RollbackFixtures.drill(false)),
                ChangeFixtures.change(),
                ChangeFixtures.risk()));
    assertThat(md)
        .contains("git checkout ")
        .contains(ChangeFixtures.change().baseCommit())
        .contains("This way back is NOT proven")
        .doesNotContain(RollbackFixtures.COMMAND);
  }

  @Test
  void withoutADrillOrBaseItSaysBoth() {
    assertThat(render(AuditReport.of(List.of(AuditFixtures.passingGate()))))
        .contains("No base commit is known")
        .contains("This way back is NOT proven");
  }
}
