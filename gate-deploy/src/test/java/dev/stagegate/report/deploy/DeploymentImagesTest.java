package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.TestedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment history keeps the image IDs a deployment ran: what a rollback to it runs. */
class DeploymentImagesTest {
  @TempDir Path tmp;

  @Test
  void imagesAreKeptInTheJsonLinesAndOldLinesReadAsNone() throws Exception {
    DeploymentEntry plain =
        DeploymentEntries.entry(Instant.parse("2026-12-07T10:00:00Z"), Outcome.SUCCESS, "");
    TestedImage api =
        new TestedImage(
            "api", "sha256:" + "ab".repeat(32), "examples/api:" + DeploymentEntries.HEAD);
    DeploymentEntry withImages =
        new DeploymentEntry(
            plain.when(),
            plain.version(),
            plain.commit(),
            plain.environment(),
            plain.deployedBy(),
            plain.outcome(),
            plain.duration(),
            plain.hooks(),
            plain.auditSha256(),
            plain.note(),
            List.of(api));
    DeploymentLog log = DeploymentLog.at(tmp.resolve("deployments.jsonl"));
    log.append(plain);
    log.append(withImages);

    List<String> lines = Files.readAllLines(log.file());
    assertThat(lines.get(0)).doesNotContain("images");
    assertThat(lines.get(1))
        .contains(
            "\"images\":[{\"service\":\"api\",\"image_id\":\"sha256:"
                + "ab".repeat(32)
                + "\",\"tag\":\"examples/api:"
                + DeploymentEntries.HEAD
                + "\"}]");
    assertThat(log.readAll().entries()).containsExactly(plain, withImages);
    assertThat(log.readAll().entries().get(0).images()).isEmpty();
  }
}
