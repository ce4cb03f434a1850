package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagegate.junit.fixtures.GoodGate;
import dev.stagegate.junit.fixtures.Smoke500Gate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.json.AuditJson;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.DockerClientFactory;

/**
 * What a gate tested is what can be deployed: a passing gate keeps its images under {@code
 * <repository>/<service>:<commit>} with the IDs its audit records; a failing gate keeps nothing and
 * removes its images as before. Real engine, through EngineTestKit.
 */
class KeptImagesIT {
  private final DockerClient client = DockerClientFactory.instance().client();
  private final String repository = "sgkept" + random();
  private final List<String> tags = new ArrayList<>();

  @TempDir Path reports;

  @AfterEach
  void removeTheKeptTags() {
    for (String tag : tags) {
      try {
        client.removeImageCmd(tag).withForce(true).exec();
      } catch (NotFoundException e) {
        // not kept, as expected of a failing gate
      }
    }
  }

  @Test
  void aPassingGateKeepsTheImagesItTestedUnderTheCommitTagAndRecordsTheirIds() throws Exception {
    long t0 = System.nanoTime();
    Events events =
        GateKit.run(
            GoodGate.class,
            reports,
            Map.of("stagegate.images.keep", "true", "stagegate.images.repository", repository));
    System.out.println(
        "[KeptImagesIT] passing gate: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    assertThat(GateKit.failures(events)).isEmpty();
    GateResult gate = onlyGate();

    assertThat(gate.images()).extracting(TestedImage::service).containsExactly("api", "worker");
    String commit = dev.stagegate.report.deploy.MarkerFactory.headCommit(Path.of(""));
    for (TestedImage image : gate.images()) {
      tags.add(image.tag());
      assertThat(image.tag())
          .matches(repository + "/" + image.service() + ":" + commit + "(-dirty)?");
      // the tag outlives the teardown and names exactly the tested image
      assertThat(client.inspectImageCmd(image.tag()).exec().getId()).isEqualTo(image.imageId());
      assertThat(client.inspectImageCmd(image.imageId()).exec().getRepoTags())
          .as("only the kept tag is left; the run's temporary name is gone")
          .containsExactly(image.tag());
    }
    CheckResult kept = check(gate, "keep tested images");
    assertThat(kept.status()).isEqualTo(CheckStatus.PASS);
    assertThat(kept.detail())
        .startsWith("kept for the deploy: api " + gate.images().get(0).shortId() + " as ");
    assertThat(AuditJson.readReport(reports.resolve("stability_audit.json")).keptImages())
        .isEqualTo(gate.images());
    OwnLeftovers.assertNoneBut(gate.images().stream().map(TestedImage::imageId).toList());
  }

  @Test
  void aSecondPassingGateOfTheSameCommitTakesTheTagAndRemovesTheImagesItReplaced()
      throws Exception {
    Map<String, String> keep =
        Map.of("stagegate.images.keep", "true", "stagegate.images.repository", repository);
    GateKit.run(GoodGate.class, reports, keep);
    List<TestedImage> first = onlyGate().images();
    first.forEach(i -> tags.add(i.tag()));

    GateKit.run(GoodGate.class, reports, keep);
    GateResult second = onlyGate();

    assertThat(second.images()).extracting(TestedImage::tag).isEqualTo(tags);
    for (int i = 0; i < first.size(); i++) {
      TestedImage before = first.get(i);
      assertThat(second.images().get(i).imageId())
          .as("a no-cache rebuild is a new image")
          .isNotEqualTo(before.imageId());
      assertThat(imageExists(before.imageId()))
          .as("the first gate's %s image, untagged by the second, is removed", before.service())
          .isFalse();
    }
    assertThat(check(second, "keep tested images").detail())
        .contains("an earlier gate's images of this commit lost the tag and were removed: ")
        .contains(first.get(0).shortId());
    OwnLeftovers.assertNoneBut(second.images().stream().map(TestedImage::imageId).toList());
  }

  @Test
  void aFailingGateKeepsNothingAndRemovesWhatItBuilt() throws Exception {
    long t0 = System.nanoTime();
    GateKit.onlyFailure(
        GateKit.run(
            Smoke500Gate.class,
            reports,
            Map.of("stagegate.images.keep", "true", "stagegate.images.repository", repository)));
    System.out.println(
        "[KeptImagesIT] failing gate: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    GateResult gate = onlyGate();
    assertThat(gate.images()).isNotEmpty().allMatch(i -> !i.kept(), "kept nothing");
    for (TestedImage image : gate.images()) {
      tags.add(repository + "/" + image.service() + ":latest");
      assertThat(imageExists(image.imageId())).as("removed " + image.imageId()).isFalse();
    }
    assertThat(gate.checks()).extracting(CheckResult::name).doesNotContain("keep tested images");
    OwnLeftovers.assertNone();
  }

  @Test
  void withKeepingOffAPassingGateRemovesItsImagesAndTheAuditSaysNothingCanBeDeployed()
      throws Exception {
    GateKit.run(GoodGate.class, reports); // GateKit: stagegate.images.keep=false
    GateResult gate = onlyGate();
    assertThat(gate.images()).isNotEmpty().allMatch(i -> !i.kept(), "kept nothing");
    assertThat(gate.checks()).extracting(CheckResult::name).doesNotContain("keep tested images");
    assertThat(java.nio.file.Files.readString(reports.resolve("stability_audit.md")))
        .contains("| removed at teardown |")
        .contains("No gate kept its images")
        .contains("there is nothing tested to deploy");
    OwnLeftovers.assertNone();
  }

  private boolean imageExists(String id) {
    try {
      client.inspectImageCmd(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private GateResult onlyGate() throws Exception {
    AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
    assertThat(audit.gates()).hasSize(1);
    return audit.gates().get(0);
  }

  private static CheckResult check(GateResult gate, String name) {
    return gate.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static String random() {
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }
}
