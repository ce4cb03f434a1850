package dev.stagegate.report.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ImageFixtures;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The images each gate tested: the value, its JSON, the old audits without it, the Markdown. */
class TestedImagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AuditReport report(GateResult... gates) {
    return new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(gates));
  }

  @Test
  void anImageIdMustBeAFullSha256() {
    assertThatThrownBy(() -> new TestedImage("api", "b685ebbce2f6", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "imageId of service \"api\" must be sha256: and 64 lowercase hex digits but was"
                + " 'b685ebbce2f6'");
    assertThat(new TestedImage("api", ImageFixtures.API_A, null).kept()).isFalse();
    assertThat(new TestedImage("api", ImageFixtures.API_A, "x/api:1").shortId())
        .isEqualTo("sha256:a1a1a1a1a1a1");
  }

  @Test
  void imagesRoundTripInTheJsonAndOldAuditsWithoutThemStillRead() throws Exception {
    AuditReport report = report(ImageFixtures.passingWithImages(ImageFixtures.API_A));
    String json = AuditJson.write(report);
    JsonNode image = JSON.readTree(json).get("gates").get(0).get("images").get(0);
    assertThat(image.get("imageId").asText()).isEqualTo(ImageFixtures.API_A);
    assertThat(image.get("tag").asText()).isEqualTo("examples/api:" + ImageFixtures.TAG_COMMIT);
    assertThat(AuditJson.readReport(json, "test")).isEqualTo(report);

    ObjectNode old = (ObjectNode) JSON.readTree(json);
    ((ObjectNode) old.get("gates").get(0)).remove("images");
    GateResult back = AuditJson.readReport(old.toString(), "old").gates().get(0);
    assertThat(back.images()).isEmpty();
    // a gate without images keeps its exact bytes
    assertThat(AuditJson.write(AuditFixtures.small())).doesNotContain("\"images\"");
  }

  @Test
  void theLastGateThatKeptAnImageHoldsTheTagAndTheMarkdownSaysSo() {
    GateResult smoke = ImageFixtures.passingWithImages(ImageFixtures.API_A);
    GateResult burnIn =
        AuditFixtures.shortenedBurnIn()
            .withImages(
                List.of(
                    new TestedImage(
                        "api", ImageFixtures.API_B, "examples/api:" + ImageFixtures.TAG_COMMIT)));
    AuditReport report = report(smoke, burnIn);

    assertThat(report.keptImages())
        .extracting(TestedImage::service, TestedImage::imageId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", ImageFixtures.API_B),
            org.assertj.core.groups.Tuple.tuple("worker", ImageFixtures.WORKER_A));

    String md = AuditMarkdown.standard().render(report);
    assertThat(md)
        .contains("## Images")
        .containsPattern(
            "Also tested, their tags since moved to a later gate's image: [^\\n]*api"
                + " `sha256:a1a1a1a1a1a1`")
        .contains(
            "- `api` → `examples/api:"
                + ImageFixtures.TAG_COMMIT
                + "` = `"
                + ImageFixtures.API_B
                + "`");
  }

  @Test
  void imagesRemovedAtTeardownAreNotOfferedForDeploy() {
    AuditReport report =
        report(
            AuditFixtures.failingGate()
                .withImages(List.of(new TestedImage("api", ImageFixtures.API_A, ""))));
    assertThat(report.keptImages()).isEmpty();
    assertThat(AuditMarkdown.standard().render(report))
        .contains("| removed at teardown |")
        .contains("there is nothing tested to deploy");
    assertThat(AuditMarkdown.standard().render(AuditFixtures.small())).doesNotContain("## Images");
  }
}
