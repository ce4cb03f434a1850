package dev.stagegate.junit.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The way back for a deployed project: the previous commit's compose file (its configuration), and
 * the images that commit's gate tested and kept ({@code <repository>/<service>:<commit>}), started
 * with {@code up -d --no-build} in the deployed project — nothing is rebuilt, so what comes back is
 * what was approved before. When the change touches migrations, the command says first, in plain
 * words, that it does not roll the database back and that a person must decide.
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
   * @param images service to the image tag to run, in service order
   * @param project the deployed compose project
   * @param migrations changed files that look like migrations since {@code commit}; empty: none
   * @param dir where the previous tree is exported
   * @param extraFiles compose files passed after the compose file and before the images file
   */
  static String render(
      String previousRef,
      String commit,
      String subdir,
      String composeCommand,
      String composeFile,
      Map<String, String> images,
      String project,
      List<String> migrations,
      String dir,
      List<String> extraFiles) {
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
            + "): the images its gate tested and kept, no rebuild");
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
    images.forEach(
        (service, tag) -> {
          lines.add("  " + yamlKey(service) + ":");
          lines.add("    image: " + tag);
        });
    lines.add("IMAGES");
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
