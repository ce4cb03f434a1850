package dev.stagegate.report.approval;

import dev.stagegate.report.TestedImage;
import dev.stagegate.report.approval.ApprovalRefusal.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The refusals about images ({@link Reason#IMAGE_MISMATCH}): the approval binds the images the
 * audit kept, and the images to deploy are the approved ones.
 */
final class ImageRefusals {
  private ImageRefusals() {}

  /**
   * The approval binds exactly the images the audit kept, by image ID; {@code who} approved at
   * {@code when}, and {@code auditMd} is named in the command to approve again.
   */
  static List<ApprovalRefusal> bound(
      ApprovalRecord r, List<TestedImage> kept, String who, String when, Path auditMd) {
    List<ApprovalRefusal> problems = new ArrayList<>();
    for (TestedImage image : kept) {
      Optional<TestedImage> approved = r.image(image.service());
      if (approved.isEmpty()) {
        problems.add(
            new ApprovalRefusal(
                Reason.IMAGE_MISMATCH,
                "The approval by "
                    + who
                    + " at "
                    + when
                    + " binds no image for service \""
                    + image.service()
                    + "\" but the audit kept "
                    + image.shortId()
                    + " ("
                    + image.tag()
                    + "): it was approved before approvals bound image IDs; approve again with "
                    + ApprovalTexts.approveCommand(auditMd)
                    + "."));
      } else if (!approved.get().imageId().equals(image.imageId())) {
        problems.add(
            new ApprovalRefusal(
                Reason.IMAGE_MISMATCH,
                "Expecting service \""
                    + image.service()
                    + "\" to be the approved image "
                    + approved.get().shortId()
                    + " but the audit now records "
                    + image.shortId()
                    + " ("
                    + image.tag()
                    + "); re-review the audit and approve again with "
                    + ApprovalTexts.approveCommand(auditMd)
                    + "."));
      }
    }
    for (TestedImage approved : r.images()) {
      if (kept.stream().noneMatch(k -> k.service().equals(approved.service()))) {
        problems.add(
            new ApprovalRefusal(
                Reason.IMAGE_MISMATCH,
                "The approval binds image "
                    + approved.shortId()
                    + " for service \""
                    + approved.service()
                    + "\" but the audit kept no image for it; re-review the audit and approve"
                    + " again with "
                    + ApprovalTexts.approveCommand(auditMd)
                    + "."));
      }
    }
    return problems;
  }

  /**
   * Each image to deploy ({@link ApprovalCheck#expectingImages}), service to image ID, is the
   * approved one.
   */
  static List<ApprovalRefusal> deployed(ApprovalRecord r, Map<String, String> deploying) {
    List<ApprovalRefusal> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : deploying.entrySet()) {
      Optional<TestedImage> approved = r.image(e.getKey());
      if (approved.isEmpty()) {
        problems.add(
            new ApprovalRefusal(
                Reason.IMAGE_MISMATCH,
                "Expecting service \""
                    + e.getKey()
                    + "\" to deploy an approved image but the approval binds none for it"
                    + (r.images().isEmpty()
                        ? ""
                        : " (it binds "
                            + r.images().stream()
                                .map(i -> "\"" + i.service() + "\"")
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("")
                            + ")")
                    + "; deploy only the services the gate built and tested, or gate this one"
                    + " too."));
      } else if (!approved.get().imageId().equals(e.getValue())) {
        problems.add(
            new ApprovalRefusal(
                Reason.IMAGE_MISMATCH,
                "Expecting service \""
                    + e.getKey()
                    + "\" to deploy the approved image "
                    + approved.get().shortId()
                    + " but the image to deploy is "
                    + TestedImage.shortId(e.getValue())
                    + "; deploy "
                    + approved.get().tag()
                    + " as approved (docker image inspect -f '{{.Id}}' "
                    + approved.get().tag()
                    + " must say "
                    + approved.get().shortId()
                    + "), or gate and approve the new image."));
      }
    }
    return problems;
  }
}
