package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/**
 * Which image every gate built and tested, by image ID, and which of them a deploy of this audit
 * runs ({@link AuditReport#keptImages()}): what the approval binds. The images a deploy runs come
 * first, with their tags and full IDs (the tags' version and the gate that tested them said once
 * when they are the same for all); an earlier gate's images whose tags moved on to a later gate's
 * are one line per gate (the same services again, named by short ID); images removed at teardown
 * are a table. Nothing when no gate built an image.
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
      // one version and one gate for all (the usual case): said once, not on every line
      String version = sharedVersion(kept);
      String tester = tester(report, kept.get(0));
      boolean shared =
          kept.size() > 1
              && version != null
              && tester != null
              && kept.stream().allMatch(i -> tester.equals(tester(report, i)));
      List<String> deploy = new ArrayList<>();
      for (TestedImage image : kept) {
        String tag = image.tag();
        deploy.add(
            MarkdownText.code(image.service())
                + " → "
                + MarkdownText.code(shared ? tag.substring(0, tag.lastIndexOf(':')) : tag)
                + " = "
                + MarkdownText.code(image.imageId())
                + (shared ? "" : testedBy(report, image)));
      }
      doc.paragraph(
          shared
              ? "A deploy of this audit runs these images, without a rebuild, each tagged "
                  + MarkdownText.code(version)
                  + " and tested by "
                  + MarkdownText.text(tester)
                  + ":"
              : "A deploy of this audit runs these images, without a rebuild:");
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

  /**
   * The {@code :version} every kept tag ends in ({@code :<commit>}), or null when they differ or a
   * tag has none.
   */
  private static String sharedVersion(List<TestedImage> kept) {
    String version = null;
    for (TestedImage image : kept) {
      int colon = image.tag().lastIndexOf(':');
      if (colon <= 0 || image.tag().indexOf('/', colon) >= 0) {
        return null; // no tag version (a registry port is not one)
      }
      String v = image.tag().substring(colon);
      if (version != null && !version.equals(v)) {
        return null;
      }
      version = v;
    }
    return version;
  }

  /** Which gate tested a kept image, as {@code " (tested by X)"}: the last that has it. */
  private static String testedBy(AuditReport report, TestedImage image) {
    String tester = tester(report, image);
    return tester == null ? "" : " (tested by " + MarkdownText.text(tester) + ")";
  }

  /** The display name of the last gate that has {@code image}; null when none has. */
  private static String tester(AuditReport report, TestedImage image) {
    String by = null;
    for (GateResult gate : report.gates()) {
      if (gate.images().contains(image)) {
        by = gate.displayName();
      }
    }
    return by;
  }
}
