package dev.stagegate.junit.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The way back for a deployed project: the previous commit's compose file (its configuration), and
 * the images that commit's gate tested and kept ({@code <repository>/<service>:<commit>}), started
 * with {@code up -d --no-build} in the deployed project — nothing is rebuilt, so what comes back is
 * what was approved before. When a recorded deployment supplied the target, the command says so
 * and, before anything starts, checks that every tag still names the image ID the deployment ran
 * ({@code docker image inspect}); a tag that moved stops it with a message, and nothing is started.
 * When the change touches migrations, the command says first, in plain words, that it does not roll
 * the database back and that a person must decide.
 *
 * <p>The rollback drill runs this very command, with its own project, image repository and work
 * directory, plus its labelling override (placed before the images file, so the images file still
 * decides the images).
 */
final class RollbackCommand {
  /** The file the command writes next to the compose file, naming the previous images. */
  static final String IMAGES_FILE = "rollback-images.yml";

  private RollbackCommand() {}

  /**
   * @param previousRef the ref rolled back to, as shown, e.g. {@code v1.2.2}
   * @param commit the full id rolled back to
   * @param subdir the compose file's directory relative to the repository root ({@code /}
   *     separated; empty for the root)
   * @param composeCommand the compose command, e.g. {@code docker compose}
   * @param composeFile the compose file's name in that directory
   * @param images the image of every built service, in service order
   * @param project the deployed compose project
   * @param migrations changed files that look like migrations since {@code commit}; empty: none
   * @param dir where the previous tree is exported
   * @param extraFiles compose files passed after the compose file and before the images file
   * @param target where the target came from, one sentence ({@link RollbackTarget#source()})
   */
  static String render(
      String previousRef,
      String commit,
      String subdir,
      String composeCommand,
      String composeFile,
      List<RollbackImage> images,
      String project,
      List<String> migrations,
      String dir,
      List<String> extraFiles,
      String target) {
    List<String> lines = new ArrayList<>();
    if (!migrations.isEmpty()) {
      lines.add(
          "# ⚠️ DATABASE: the change since "
              + RollbackRefs.shortId(commit)
              + " touches migrations ("
              + String.join(", ", migrations.subList(0, Math.min(5, migrations.size())))
              + (migrations.size() > 5 ? ", … " + (migrations.size() - 5) + " more" : "")
              + ").");
      lines.add(
          "# This rolls back the images only, NOT the database schema: a person must decide on the"
              + " database (a down-migration or a restore) before running it.");
    }
    lines.add(
        "# roll project "
            + project
            + " back to "
            + previousRef
            + " ("
            + RollbackRefs.shortId(commit)
            + "): "
            + (images.stream().anyMatch(i -> i.expectedId().isPresent())
                ? "the images its last deployment ran"
                : "the images its gate tested and kept")
            + ", no rebuild");
    lines.add("# target: " + oneLine(target));
    lines.add(
        "mkdir -p "
            + word(dir)
            + " && git archive "
            + commit
            + (subdir.isEmpty() ? "" : " " + word(subdir))
            + " | tar -x -C "
            + word(dir));
    lines.add("cd " + word(dir) + (subdir.isEmpty() ? "" : "/" + word(subdir)));
    lines.add("cat > " + IMAGES_FILE + " <<'IMAGES'");
    lines.add("services:");
    for (RollbackImage image : images) {
      lines.add("  " + yamlKey(image.service()) + ":");
      lines.add("    image: " + image.tag());
    }
    lines.add("IMAGES");
    for (RollbackImage image : images) {
      if (!image.note().isEmpty()) {
        lines.add("# " + oneLine(image.service() + ": " + image.note()));
      }
    }
    List<RollbackImage> checked = images.stream().filter(i -> i.expectedId().isPresent()).toList();
    if (!checked.isEmpty()) {
      lines.add(
          "# every tag must still be the image the deployment ran; otherwise nothing is started");
    }
    for (RollbackImage image : checked) {
      lines.add(check(image.tag(), image.expectedId().orElseThrow()) + " &&");
    }
    StringBuilder up =
        new StringBuilder(composeCommand)
            .append(" -p ")
            .append(word(project))
            .append(" -f ")
            .append(word(composeFile));
    extraFiles.forEach(f -> up.append(" -f ").append(word(f)));
    up.append(" -f ").append(IMAGES_FILE).append(" up -d --no-build --remove-orphans");
    lines.add(up.toString());
    return String.join("\n", lines);
  }

  /**
   * One check: the tag's image ID is the expected one, else a message on stderr and a false status,
   * so the {@code &&} chain stops before compose starts anything. Braces, not a subshell: the
   * message must name this tag, and {@code a || b && c || d} would print the next one's too.
   */
  static String check(String tag, String expectedId) {
    return "{ test \"$(docker image inspect -f '{{.Id}}' "
        + word(tag)
        + ")\" = "
        + word(expectedId)
        + " || { echo "
        + word(
            "ROLLBACK STOPPED: "
                + tag
                + " is not "
                + expectedId
                + ", the image the deployment ran; find that image (docker image ls --digests)"
                + " and tag it, or roll back by hand")
        + " >&2; false; }; }";
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** A path or name as one shell word: quoted unless plainly safe. */
  static String word(String s) {
    return s.matches("[A-Za-z0-9._/@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static String yamlKey(String service) {
    return service.matches("[A-Za-z0-9._-]+")
        ? service
        : "\"" + service.replace("\"", "\\\"") + "\"";
  }
}
