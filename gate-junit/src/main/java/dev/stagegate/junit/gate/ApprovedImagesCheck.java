package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Container;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.checklist.CheckName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether every container of the deployed project runs the image the reviewer approved, by image
 * ID: the approval ({@code stability_audit.approval.json} next to {@code stagegate.approval.audit})
 * binds them. A service the approval binds no image for (a database from a registry image) is
 * listed, not judged.
 *
 * @param check the audit's check {@value #NAME} with its evidence
 * @param failures one sentence per container that runs another image, or approved service that runs
 *     nowhere
 */
record ApprovedImagesCheck(CheckResult check, List<String> failures) {
  /**
   * The image every container of the project runs, by ID, with the approved tag when it is the
   * approved image, else its first name that is not a gate run's temporary one: what the deployment
   * history records, so that a rollback to this deployment knows what to bring back.
   *
   * @param approval the approval, or {@code null} when there is none
   */
  static List<TestedImage> running(
      DockerClient client, List<Container> containers, ApprovalRecord approval) {
    Map<String, TestedImage> running = new LinkedHashMap<>();
    for (Container c : containers) {
      String service = c.getLabels().getOrDefault("com.docker.compose.service", "?");
      try {
        String id = client.inspectContainerCmd(c.getId()).exec().getImageId();
        if (!TestedImage.isImageId(id) || running.containsKey(service)) {
          continue;
        }
        String tag =
            approval == null
                ? ""
                : approval
                    .image(service)
                    .filter(a -> a.imageId().equals(id))
                    .map(TestedImage::tag)
                    .orElse("");
        if (tag.isEmpty()) {
          List<String> names = client.inspectImageCmd(id).exec().getRepoTags();
          tag =
              names == null
                  ? ""
                  : names.stream().filter(n -> !n.startsWith("stagegate-")).findFirst().orElse("");
        }
        running.put(service, new TestedImage(service, id, tag));
      } catch (RuntimeException e) {
        // a container gone meanwhile: the watch judges that; the history records the rest
      }
    }
    return List.copyOf(running.values());
  }

  /**
   * The approval next to {@code approvedAudit}, or {@code null} when it is absent or unreadable.
   */
  static ApprovalRecord approvalOrNull(Path approvedAudit) {
    try {
      Path file = ApprovalRecord.defaultPath(approvedAudit);
      return Files.isRegularFile(file) ? ApprovalRecord.read(file) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  static final String NAME = CheckName.APPROVED_IMAGES.id();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Not judged, with the reason: no approved audit was named, or its approval cannot be read. */
  static ApprovedImagesCheck notJudged(String why) {
    return new ApprovedImagesCheck(new CheckResult(NAME, CheckStatus.SKIPPED, why, ""), List.of());
  }

  /**
   * Compares the containers of the project with the approval next to {@code approvedAudit}.
   *
   * @param containers the project's containers, stopped one-shot jobs included
   */
  static ApprovedImagesCheck of(
      DockerClient client, Path approvedAudit, List<Container> containers) {
    Path file = ApprovalRecord.defaultPath(approvedAudit);
    if (!Files.isRegularFile(file)) {
      return notJudged(
          "not judged: no approval at " + file + " to compare the running images with");
    }
    ApprovalRecord approval;
    try {
      approval = ApprovalRecord.read(file);
    } catch (IOException | IllegalArgumentException e) {
      return notJudged("not judged: the approval cannot be read: " + e.getMessage());
    }
    if (approval.images().isEmpty()) {
      return notJudged(
          "not judged: the approval "
              + file.getFileName()
              + " binds no image ID (approved before images were bound, or the gate kept none);"
              + " approve an audit whose gate kept its images");
    }
    return compare(client, approval, containers);
  }

  static ApprovedImagesCheck compare(
      DockerClient client, ApprovalRecord approval, List<Container> containers) {
    List<String> failures = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Container c : containers) {
      String service = c.getLabels().getOrDefault("com.docker.compose.service", "?");
      String running = client.inspectContainerCmd(c.getId()).exec().getImageId();
      var approved = approval.image(service);
      String name = String.join(",", c.getNames()).replaceFirst("^/", "");
      if (approved.isEmpty()) {
        evidence.add(
            service
                + ": "
                + TestedImage.shortId(running)
                + " ("
                + c.getImage()
                + ", not built by the gate: not judged)");
        continue;
      }
      seen.merge(service, 1, Integer::sum);
      if (approved.get().imageId().equals(running)) {
        evidence.add(service + ": " + approved.get().shortId() + " = " + approved.get().tag());
      } else {
        failures.add(
            "Expecting service \""
                + service
                + "\" to run the approved image "
                + approved.get().shortId()
                + " ("
                + approved.get().tag()
                + ") but container "
                + name
                + " runs "
                + TestedImage.shortId(running)
                + " ("
                + describe(client, running)
                + "); deploy the approved tag with up -d --no-build, or gate and approve this"
                + " image");
      }
    }
    for (TestedImage image : approval.images()) {
      if (!seen.containsKey(image.service())) {
        failures.add(
            "Expecting service \""
                + image.service()
                + "\" to run the approved image "
                + image.shortId()
                + " ("
                + image.tag()
                + ") but no container of the project runs it");
      }
    }
    String detail =
        (failures.isEmpty()
                ? "every container runs the image " + approvedBy(approval) + " approved: "
                : String.join("; ", failures) + ". Seen: ")
            + String.join(", ", evidence);
    return new ApprovedImagesCheck(
        failures.isEmpty()
            ? CheckResult.pass(NAME, detail, "")
            : CheckResult.fail(NAME, detail, ""),
        failures);
  }

  /** What the engine says of an image: when it was built and its names. */
  private static String describe(DockerClient client, String imageId) {
    try {
      InspectImageResponse image = client.inspectImageCmd(imageId).exec();
      String built =
          image.getCreated() == null
              ? "built at an unknown time"
              : "built " + TIME.format(Instant.parse(image.getCreated()));
      List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
      return built + (tags.isEmpty() ? ", untagged" : ", tagged " + String.join(", ", tags));
    } catch (RuntimeException e) {
      return "not inspectable: " + e.getMessage();
    }
  }

  /** Who approved what, in the approval's words. */
  private static String approvedBy(ApprovalRecord r) {
    return r.reviewer() + " (commit " + r.shortCommit() + ")";
  }
}
