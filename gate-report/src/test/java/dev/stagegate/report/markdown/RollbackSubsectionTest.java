package dev.stagegate.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.RollbackFixtures;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.text.MarkdownDocument;
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
                + "`) and image names; it brings back the previous images by tag, without a"
                + " rebuild. Where the target came from: the command's `# target:` line. The"
                + " command:")
        .contains(RollbackFixtures.COMMAND)
        .contains("# target: " + RollbackFixtures.TARGET + "\n")
        .doesNotContain("Target: " + RollbackFixtures.TARGET)
        .doesNotContain("NOT proven")
        .doesNotContain("git checkout");
  }

  @Test
  void aCommandWithoutItsTargetLineLeavesTheTargetSentence() {
    GateResult drill = RollbackFixtures.drill(true);
    RollbackEvidence r = drill.rollback();
    String command = r.command().replace("# target: " + RollbackFixtures.TARGET + "\n", "");
    GateResult older =
        drill.toBuilder()
            .rollback(
                new RollbackEvidence(
                    r.previousRef(),
                    r.previousCommit(),
                    r.previousVersion(),
                    r.currentCommit(),
                    r.project(),
                    command,
                    r.proven(),
                    r.drilledAt(),
                    r.rollbackHealthyAfter(),
                    r.markerVersion(),
                    r.target()))
            .build();

    String md =
        render(
            AuditReport.of(
                List.of(AuditFixtures.passingGate(), older),
                ChangeFixtures.change(),
                ChangeFixtures.risk()));

    assertThat(md)
        .contains(" rebuild. Target: " + RollbackFixtures.TARGET + ". The command:")
        .doesNotContain("# target:");
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
        .contains(" up -d --no-build --remove-orphans")
        .doesNotContain("--build ")
        .doesNotContain("build --no-cache")
        .doesNotContain(RollbackFixtures.COMMAND);
  }

  @Test
  void theUnprovenWayBackNamesTheBaseCommitsTagsAfterTheKeptImagesAndNeverRebuilds() {
    String base = ChangeFixtures.change().baseCommit();
    assertThat(
            RollbackSubsection.fallbackCommand(
                "v1.0.0",
                base,
                List.of(
                    new TestedImage("api", RollbackFixtures.API_ID, "shop/api:9f8e7d6-dirty"),
                    new TestedImage(
                        "worker", RollbackFixtures.API_ID, "reg:5000/shop/worker:9f8e7d6"))))
        .isEqualTo(
            "git checkout v1.0.0   # "
                + base
                + "\ncat > rollback-images.yml <<'IMAGES'\nservices:\n  api:\n    image: shop/api:"
                + base
                + "\n  worker:\n    image: reg:5000/shop/worker:"
                + base
                + "\nIMAGES\ndocker compose -f docker-compose.yml -f rollback-images.yml up -d"
                + " --no-build --remove-orphans");
    assertThat(RollbackSubsection.fallbackCommand("v1.0.0", base, List.of()))
        .isEqualTo(
            "git checkout v1.0.0   # "
                + base
                + "\ndocker compose -f docker-compose.yml up -d --no-build --remove-orphans");
  }

  @Test
  void withoutADrillOrBaseItSaysBoth() {
    assertThat(render(AuditReport.of(List.of(AuditFixtures.passingGate()))))
        .contains("No base commit is known")
        .contains("up -d --no-build")
        .doesNotContain("--build`")
        .contains("This way back is NOT proven");
  }
}
