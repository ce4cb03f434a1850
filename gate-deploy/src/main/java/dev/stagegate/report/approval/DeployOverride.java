package dev.stagegate.report.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.deploy.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The compose override that deploys the approved images without a rebuild: one {@code image:} per
 * approved service, naming the tag the gate kept the tested image under. Passed after the project's
 * own files, it replaces each service's image (and, with {@code up --no-build}, its build):
 *
 * <pre>{@code
 * docker compose -p agents-staging -f docker-compose.yml -f approved-images.yml up -d --no-build
 * }</pre>
 *
 * <p>The file, for an approval of {@code api} and {@code worker}:
 *
 * <pre>{@code
 * # The images approved in stability_audit.md by alice (commit 5d6e7f8): deploy with up --no-build
 * services:
 *   api:
 *     image: "examples/api:5d6e7f8a9b…"   # sha256:ab12…
 * }</pre>
 */
public final class DeployOverride {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  private DeployOverride() {}

  /**
   * The override's text for {@code record}'s images.
   *
   * @throws IllegalArgumentException when the approval binds no image: there is nothing tested to
   *     deploy, and deploying something else would not be what was approved
   */
  public static String of(ApprovalRecord record) {
    List<TestedImage> images = record.images();
    if (images.isEmpty()) {
      throw new IllegalArgumentException(
          "The approval of "
              + record.auditFile()
              + " by "
              + ApprovalTexts.name(record.reviewer())
              + " binds no image, so there is no tested image to deploy: run the gate with"
              + " stagegate.images.keep=true (the default) so that it keeps what it tested, and"
              + " approve that audit.");
    }
    ObjectNode root = YAML.createObjectNode();
    ObjectNode services = root.putObject("services");
    for (TestedImage image : images) {
      services.putObject(image.service()).put("image", image.tag());
    }
    StringBuilder header =
        new StringBuilder("# The images approved in ")
            .append(record.auditFile())
            .append(" by ")
            .append(ApprovalTexts.name(record.reviewer()))
            .append(" (commit ")
            .append(record.shortCommit())
            .append("): deploy with up -d --no-build\n");
    for (TestedImage image : images) {
      header
          .append("# ")
          .append(image.service())
          .append(" = ")
          .append(image.imageId())
          .append('\n');
    }
    try {
      return header + YAML.writeValueAsString(root);
    } catch (IOException e) {
      // Strings only: this is a bug.
      throw new IllegalStateException("cannot write the override: " + e, e);
    }
  }

  /**
   * Writes {@link #of} to {@code file} atomically.
   *
   * @throws IOException when it cannot be written
   */
  public static void write(ApprovalRecord record, Path file) throws IOException {
    AtomicFiles.writeString(file, of(record));
  }
}
