package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.TestedImage;
import dev.stagegate.report.deploy.DeployedRelease;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which images the rollback command names, and how the audit says where the target came from. */
class RollbackTargetTest {
  private static final String PREV = "1234567890abcdef1234567890abcdef12345678";
  private static final String API_ID = "sha256:" + "ab12".repeat(16);
  private static final String WORKER_ID = "sha256:" + "cd34".repeat(16);
  private static final Instant WHEN = Instant.parse("2026-12-07T10:14:05Z");

  private static DeployedRelease release(List<TestedImage> images) {
    return new DeployedRelease(
        WHEN, "1.2.2", PREV, "production", images, "/ci/report/deployments.jsonl");
  }

  @Test
  void aRecordedDeploymentWithImagesPinsItsTagsAndTheirIds() {
    List<TestedImage> recorded =
        List.of(
            new TestedImage("api", API_ID, "registry:5000/agents/api:" + PREV),
            new TestedImage("api", WORKER_ID, "other/api:x"), // a second container: the first wins
            new TestedImage("worker", WORKER_ID, "examples/worker:" + PREV),
            new TestedImage("postgres", WORKER_ID, "")); // not built: the compose file decides
    List<RollbackImage> images =
        RollbackImages.choose(List.of("api", "worker"), "examples", PREV, recorded);
    assertThat(images)
        .containsExactly(
            new RollbackImage("api", "registry:5000/agents/api:" + PREV, Optional.of(API_ID), ""),
            new RollbackImage("worker", "examples/worker:" + PREV, Optional.of(WORKER_ID), ""));

    RollbackTarget target = RollbackTarget.deployed(release(recorded));
    assertThat(target.source())
        .isEqualTo(
            "the last deployment to production at 2026-12-07 10:14 UTC (version 1.2.2, commit"
                + " 1234567), from /ci/report/deployments.jsonl: the images it ran, by tag, each"
                + " checked against the recorded ID");
    assertThat(target.recordedImages()).isEqualTo(recorded);
  }

  @Test
  void anOlderEntryWithoutImagesFallsBackToTheNamingSchemeAndSaysSo() {
    RollbackTarget target = RollbackTarget.deployed(release(List.of()));
    assertThat(target.source())
        .endsWith(
            "; it recorded no images (an older entry, or a source without them): its commit's"
                + " kept images by tag name, not checked by ID");
    assertThat(RollbackImages.choose(List.of("Api"), "examples", PREV, target.recordedImages()))
        .containsExactly(new RollbackImage("Api", "examples/api:" + PREV, Optional.empty(), ""));
  }

  @Test
  void aServiceTheDeploymentRanWithoutAKeptTagOrNotAtAllIsNamedByTheSchemeWithANote() {
    List<RollbackImage> images =
        RollbackImages.choose(
            List.of("api", "worker"),
            "examples",
            PREV,
            List.of(new TestedImage("api", API_ID, "")));
    assertThat(images)
        .containsExactly(
            new RollbackImage(
                "api",
                "examples/api:" + PREV,
                Optional.empty(),
                "the deployment ran sha256:ab12ab12ab12 without a kept tag: the commit's kept tag"
                    + " by name, not checked by ID"),
            new RollbackImage(
                "worker",
                "examples/worker:" + PREV,
                Optional.empty(),
                "the deployment recorded no image for it: the commit's kept tag by name, not"
                    + " checked by ID"));
  }

  @Test
  void withoutHistoryTheFallbackSaysSoPlainly() {
    RollbackTarget target =
        RollbackTarget.previousCommit(
            Optional.of("production"),
            "target/stagegate/deployments.jsonl",
            "v1.2.2, the newest tag below HEAD");
    assertThat(target.deployed()).isEmpty();
    assertThat(target.recordedImages()).isEmpty();
    assertThat(target.source())
        .isEqualTo(
            "no deployment recorded to production in target/stagegate/deployments.jsonl: rolling"
                + " back to the previous commit's kept images by tag name (v1.2.2, the newest tag"
                + " below HEAD)");
    assertThat(RollbackTarget.previousCommit(Optional.empty(), "h", "HEAD~1").source())
        .startsWith("no deployment recorded in h: ");
  }

  @Test
  void aGivenRefWinsAndNamesTheRecordedDeploymentItDidNotUse() {
    RollbackTarget target =
        RollbackTarget.given(
            "configuration parameter stagegate.rollback.previous", Optional.of(release(List.of())));
    assertThat(target.deployed()).isEmpty();
    assertThat(target.source())
        .isEqualTo(
            "given by configuration parameter stagegate.rollback.previous: the previous commit's"
                + " kept images by tag name; not used instead: the last deployment to production at"
                + " 2026-12-07 10:14 UTC (version 1.2.2, commit 1234567), from"
                + " /ci/report/deployments.jsonl (remove the setting to roll back to it)");
  }
}
