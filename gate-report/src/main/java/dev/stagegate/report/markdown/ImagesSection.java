package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.TestedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Which image every gate built and tested, by image ID, and which of them a deploy of this audit
 * runs ({@link AuditReport#keptImages()}): what the approval binds. The images a deploy runs come
 * first, with their tags and full IDs; an earlier gate's images whose tags moved on to a later
 * gate's are one line per gate (the same services again, named by short ID); images removed at
 * teardown are a table. Nothing when no gate built an image.
 */
final class ImagesSection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    if (report.gates().stream().allMatch(g -> g.images().isEmpty())) {
      return;
    }
    List<TestedImage> kept = report.keptImages();
    List<List<String>> removed = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      List<String> movedHere = new ArrayList<>();
      for (TestedImage image : gate.images()) {
        if (!image.kept()) {
          removed.add(
              List.of(
                  MarkdownText.cell(gate.displayName()),
                  MarkdownText.cell(image.service()),
                  MarkdownText.code(image.shortId()),
                  "removed at teardown"));
        } else if (!kept.contains(image)) {
          movedHere.add(
              MarkdownText.text(image.service()) + " " + MarkdownText.code(image.shortId()));
        }
      }
      if (!movedHere.isEmpty()) {
        moved.add(MarkdownText.text(gate.displayName()) + ": " + String.join(", ", movedHere));
      }
    }
    doc.heading(2, "Images");
    if (kept.isEmpty()) {
      doc.paragraph(
          "No gate kept its images (a gate keeps them only when it passed, and only with"
              + " `stagegate.images.keep=true`): there is nothing tested to deploy.");
    } else {
      List<String> deploy = new ArrayList<>();
      for (TestedImage image : kept) {
        deploy.add(
            MarkdownText.code(image.service())
                + " → "
                + MarkdownText.code(image.tag())
                + " = "
                + MarkdownText.code(image.imageId())
                + testedBy(report, image));
      }
      doc.paragraph("A deploy of this audit runs these images, without a rebuild:");
      doc.bullets(deploy);
    }
    if (!moved.isEmpty()) {
      doc.paragraph(
          "Also tested, their tags since moved to a later gate's image: "
              + String.join("; ", moved)
              + ".");
    }
    if (!removed.isEmpty()) {
      doc.table(List.of("Gate", "Service", "Image ID", "Kept as"), removed);
    }
  }

  /** Which gate tested a kept image: the last that has it. */
  private static String testedBy(AuditReport report, TestedImage image) {
    String by = "";
    for (GateResult gate : report.gates()) {
      if (gate.images().contains(image)) {
        by = " (tested by " + MarkdownText.text(gate.displayName()) + ")";
      }
    }
    return by;
  }
}
