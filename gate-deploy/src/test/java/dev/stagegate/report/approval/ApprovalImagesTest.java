package dev.stagegate.report.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ChangeFixtures;
import dev.stagegate.report.ImageFixtures;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.approval.ApprovalRefusal.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval binds the kept images' IDs; the check and the override use them. */
class ApprovalImagesTest {
  @TempDir Path tmp;

  private Path auditWithImages() throws Exception {
    return AuditOnDisk.write(
        new AuditReport(
            AuditReport.SCHEMA_VERSION,
            AuditFixtures.T0,
            List.of(ImageFixtures.passingWithImages(ImageFixtures.API_A)),
            ChangeFixtures.change(),
            ChangeFixtures.risk()),
        tmp);
  }

  @Test
  void theApprovalBindsTheKeptImagesAndTheFileCarriesThem() throws Exception {
    Path md = auditWithImages();
    ApprovalRecord record = Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    assertThat(record.images())
        .extracting(TestedImage::service, TestedImage::imageId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", ImageFixtures.API_A),
            org.assertj.core.groups.Tuple.tuple("worker", ImageFixtures.WORKER_A));
    String file = Files.readString(ApprovalRecord.defaultPath(md));
    assertThat(file).contains("\"image_id\": \"" + ImageFixtures.API_A + "\"");
    assertThat(ApprovalRecord.read(ApprovalRecord.defaultPath(md))).isEqualTo(record);
    assertThat(ApprovalCheck.of(md).problems()).isEmpty();
  }

  @Test
  void anApprovalWithoutImagesOfAnAuditThatKeptSomeIsRefusedNamingTheFix() throws Exception {
    Path md = auditWithImages();
    ApprovalRecord bound = Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    // as an approval written before approvals bound image IDs reads
    String old = Files.readString(ApprovalRecord.defaultPath(md));
    String withoutImages = old.substring(0, old.indexOf(",\n  \"images\"")) + "\n}\n";
    Files.writeString(ApprovalRecord.defaultPath(md), withoutImages);
    assertThat(ApprovalRecord.read(ApprovalRecord.defaultPath(md)).images()).isEmpty();

    List<ApprovalRefusal> problems = ApprovalCheck.of(md).problems();
    assertThat(problems).extracting(ApprovalRefusal::reason).containsOnly(Reason.IMAGE_MISMATCH);
    assertThat(problems.get(0).message())
        .startsWith(
            "The approval by alice at 2026-11-23 14:02 UTC binds no image for service \"api\" but"
                + " the audit kept sha256:a1a1a1a1a1a1 (examples/api:")
        .contains("approve again with");
    assertThat(bound.images()).hasSize(2);
  }

  @Test
  void aDeployOfAnotherImageIsRefusedWithBothIdsAndTheApprovedTag() throws Exception {
    Path md = auditWithImages();
    Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);

    assertThat(
            ApprovalCheck.of(md)
                .expectingImages(
                    Map.of("api", ImageFixtures.API_A, "worker", ImageFixtures.WORKER_A))
                .problems())
        .isEmpty();

    List<ApprovalRefusal> problems =
        ApprovalCheck.of(md).expectingImages(Map.of("api", ImageFixtures.API_B)).problems();
    assertThat(problems)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.IMAGE_MISMATCH);
              assertThat(r.message())
                  .isEqualTo(
                      "Expecting service \"api\" to deploy the approved image"
                          + " sha256:a1a1a1a1a1a1 but the image to deploy is sha256:b2b2b2b2b2b2;"
                          + " deploy examples/api:"
                          + ImageFixtures.TAG_COMMIT
                          + " as approved (docker image inspect -f '{{.Id}}' examples/api:"
                          + ImageFixtures.TAG_COMMIT
                          + " must say sha256:a1a1a1a1a1a1), or gate and approve the new image.");
            });
    assertThat(ApprovalCheck.of(md).expectingImages(Map.of("beat", ImageFixtures.API_B)).problems())
        .singleElement()
        .extracting(ApprovalRefusal::message)
        .asString()
        .startsWith(
            "Expecting service \"beat\" to deploy an approved image but the approval binds none"
                + " for it (it binds \"api\", \"worker\")");
  }

  @Test
  void theCliChecksImagesAndWritesTheOverrideOnlyForAnApprovedAudit() throws Exception {
    Path md = auditWithImages();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    String[] override = {"override", "--audit", md.toString(), "--out", "approved.yml"};

    assertThat(ApprovalCli.run(override, ApprovalsTest.CLOCK, tmp, o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("NO_APPROVAL: Nobody approved");
    assertThat(tmp.resolve("approved.yml")).doesNotExist();

    Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    assertThat(ApprovalCli.run(override, ApprovalsTest.CLOCK, tmp, o, e)).isEqualTo(0);
    assertThat(Files.readString(tmp.resolve("approved.yml")))
        .contains("# api = " + ImageFixtures.API_A + "\n")
        .contains(
            "services:\n  api:\n    image: examples/api:"
                + ImageFixtures.TAG_COMMIT
                + "\n  worker:\n    image: examples/worker:"
                + ImageFixtures.TAG_COMMIT
                + "\n");

    err.reset();
    String[] check = {"check", "--audit", md.toString(), "--images", "api=" + ImageFixtures.API_B};
    assertThat(ApprovalCli.run(check, ApprovalsTest.CLOCK, tmp, o, e)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("IMAGE_MISMATCH: Expecting service \"api\" to deploy the approved image");
    String[] bad = {"check", "--audit", md.toString(), "--images", "api=b685ebbce2f6"};
    assertThat(ApprovalCli.run(bad, ApprovalsTest.CLOCK, tmp, o, e)).isEqualTo(2);
    String[] good = {"check", "--audit", md.toString(), "--images", "api=" + ImageFixtures.API_A};
    assertThat(ApprovalCli.run(good, ApprovalsTest.CLOCK, tmp, o, e)).isEqualTo(0);
  }

  @Test
  void anApprovalThatBindsNoImageWritesNoOverrideAndSaysWhy() throws Exception {
    Path md = AuditOnDisk.passing(tmp);
    ApprovalRecord record = Approvals.approve(md, "alice", "", ApprovalsTest.CLOCK);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeployOverride.of(record))
        .hasMessageStartingWith(
            "The approval of stability_audit.md by alice binds no image, so there is no tested"
                + " image to deploy");
  }
}
