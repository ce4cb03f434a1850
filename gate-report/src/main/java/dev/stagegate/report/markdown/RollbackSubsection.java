package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The deploy checklist's "Rollback" subsection: the way back. When a rollback drill passed in this
 * run, the command it proved (the previous images, {@code up -d --no-build}, and first, when
 * migrations changed, that the database needs a person); otherwise the checkout of the base the
 * change was measured against, marked as not proven, because nobody has seen that way back work.
 *
 * <p>Kept apart from {@link DeployChecklistSection} so the checklist can change without touching
 * the rollback text.
 */
final class RollbackSubsection {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RollbackSubsection() {}

  static void render(AuditReport report, MarkdownDocument doc) {
    doc.heading(3, "Rollback");
    Optional<RollbackEvidence> proven = provenDrill(report);
    if (proven.isPresent()) {
      renderProven(proven.get(), doc);
      return;
    }
    String notProven =
        " This way back is NOT proven: no passing rollback drill (`@RollbackDrill`) in this run.";
    ChangeSummary change = report.changeSummary();
    if (change == null || change.baseCommit() == null) {
      doc.paragraph(
          "No base commit is known (no git repository or no base): check out the last deployed"
              + " release's compose file and start the images its gate kept, without a rebuild"
              + " (a rebuild in an emergency builds something nobody tested), e.g. `git checkout"
              + " <previous tag> && docker compose -f docker-compose.yml -f <override naming"
              + " <repository>/<service>:<commit>> up -d --no-build`."
              + notProven);
      return;
    }
    String target = change.baseRef() == null ? change.baseCommit() : change.baseRef();
    List<TestedImage> kept = report.keptImages();
    doc.paragraph(
        "Back to the base this change was measured against ("
            + MarkdownText.text(change.baseChoice())
            + "), with the images that commit's passing gate kept, without a rebuild."
            + notProven
            + (kept.isEmpty()
                ? " This audit kept no images, so the names below are the naming scheme's"
                    + " (`<repository>/<service>:<commit>`): check them with `docker image ls`."
                : " The names follow this audit's kept images (`<repository>/<service>:<commit>`);"
                    + " they exist only if that commit's gate passed and kept them: check with"
                    + " `docker image ls`."));
    doc.codeBlock("bash", fallbackCommand(target, change.baseCommit(), kept));
  }

  /**
   * The unproven way back: the base's compose file from git and the base commit's kept tags, named
   * after this audit's kept images, started with {@code up -d --no-build}.
   */
  static String fallbackCommand(String target, String baseCommit, List<TestedImage> kept) {
    StringBuilder sb =
        new StringBuilder("git checkout ")
            .append(shellWord(target))
            .append("   # ")
            .append(baseCommit)
            .append('\n');
    String images = "";
    if (!kept.isEmpty()) {
      StringBuilder yml = new StringBuilder("cat > rollback-images.yml <<'IMAGES'\nservices:\n");
      for (TestedImage image : kept) {
        String tag = image.tag();
        yml.append("  ")
            .append(image.service())
            .append(":\n    image: ")
            .append(tag, 0, tag.lastIndexOf(':') + 1)
            .append(baseCommit)
            .append('\n');
      }
      sb.append(yml).append("IMAGES\n");
      images = " -f rollback-images.yml";
    }
    return sb.append("docker compose -f docker-compose.yml")
        .append(images)
        .append(" up -d --no-build --remove-orphans")
        .toString();
  }

  /** The last passing drill that proved its way back, if any. */
  static Optional<RollbackEvidence> provenDrill(AuditReport report) {
    RollbackEvidence found = null;
    for (GateResult g : report.gates()) {
      if (g.kind() == GateKind.ROLLBACK_DRILL
          && g.verdict() == Verdict.PASS
          && g.rollback() != null
          && g.rollback().proven()) {
        found = g.rollback();
      }
    }
    return Optional.ofNullable(found);
  }

  private static void renderProven(RollbackEvidence r, MarkdownDocument doc) {
    String healthy =
        r.rollbackHealthyAfter() == null
            ? ""
            : ": healthy in "
                + Math.max(1, Math.round(r.rollbackHealthyAfter().toMillis() / 1000.0))
                + " s";
    String marker =
        r.markerVersion() == null
            ? ", marker not checked"
            : ", marker showed " + MarkdownText.code(r.markerVersion());
    doc.paragraph(
        "Back to "
            + MarkdownText.code(r.previousRef())
            + " ("
            + MarkdownText.code(shortId(r.previousCommit()))
            + "), proven by the rollback drill on "
            + DAY.format(r.drilledAt())
            + healthy
            + marker
            + ". The drill ran this command itself, with its own project ("
            + MarkdownText.code(r.project())
            + ") and image names; it brings back the previous images by tag, without a rebuild."
            + target(r)
            + " The command:");
    doc.codeBlock("bash", r.command());
  }

  /**
   * Where the target came from: the sentence, unless the command's own {@code # target:} line, a
   * few lines below, already says it word for word.
   */
  private static String target(RollbackEvidence r) {
    if (r.target() == null) {
      return "";
    }
    if (r.command() != null && r.command().contains("# target: " + r.target())) {
      return " Where the target came from: the command's `# target:` line.";
    }
    return " Target: " + MarkdownText.text(r.target()) + ".";
  }

  private static String shortId(String commit) {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }

  /** Refs are untrusted text too: quote anything that is not a plain ref. */
  private static String shellWord(String ref) {
    return ref.matches("[A-Za-z0-9._/@^~-]+") ? ref : "'" + ref.replace("'", "'\\''") + "'";
  }
}
