package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.TestedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Which image every gate built and tested, by image ID, and which of them a deploy of this audit
 * runs ({@link AuditReport#keptImages()}): what the approval binds. Nothing when no gate built an
 * image.
 */
final class ImagesSection implements AuditSection {
  @Override
  public void render(AuditReport report, MarkdownDocument doc) {
    List<TestedImage> kept = report.keptImages();
    List<List<String>> rows = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      for (TestedImage image : gate.images()) {
        rows.add(
            List.of(
                MarkdownText.cell(gate.displayName()),
                MarkdownText.cell(image.service()),
                MarkdownText.code(image.shortId()),
                keptAs(image, kept)));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    doc.heading(2, "Images");
    doc.table(List.of("Gate", "Service", "Image ID", "Kept as"), rows);
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
                + MarkdownText.code(image.imageId()));
      }
      doc.paragraph("A deploy of this audit runs these images, without a rebuild:");
      doc.bullets(deploy);
    }
  }

  private static String keptAs(TestedImage image, List<TestedImage> kept) {
    if (!image.kept()) {
      return "removed at teardown";
    }
    return kept.contains(image)
        ? MarkdownText.code(image.tag())
        : MarkdownText.code(image.tag()) + " (moved to a later gate's image)";
  }
}
