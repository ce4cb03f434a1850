package dev.stagegate.junit.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell equivalent of what a rollback drill ran to go back: export the commit's tree, write the
 * marker, build without cache, {@code up -d} in the same project. Recorded in the audit as the
 * proven way back, so it must say exactly what ran; only the drill's labelling override is left out
 * (it adds labels, nothing a deploy needs), and the comment says so.
 */
final class RollbackCommand {
  private RollbackCommand() {}

  /**
   * @param commit the full id rolled back to
   * @param subdir the compose file's directory relative to the repository root ({@code /}
   *     separated; empty for the root)
   * @param composeFile the compose file's name in that directory
   * @param markerFile the marker's path relative to that directory; empty when none is written
   * @param markerJson the marker the drill wrote there
   * @param project the compose project name
   */
  static String render(
      String commit,
      String subdir,
      String composeFile,
      String markerFile,
      String markerJson,
      String project) {
    String dir = "/tmp/rollback-" + RollbackRefs.shortId(commit);
    List<String> lines = new ArrayList<>();
    lines.add(
        "# what the drill ran, minus its labelling override (-f docker-compose.stagegate-*.yml)");
    lines.add(
        "mkdir -p "
            + dir
            + " && git archive "
            + commit
            + (subdir.isEmpty() ? "" : " " + word(subdir))
            + " | tar -x -C "
            + dir);
    lines.add("cd " + dir + (subdir.isEmpty() ? "" : "/" + word(subdir)));
    if (!markerFile.isEmpty()) {
      String eof = markerJson.contains("\nMARKER\n") ? "MARKER_END_OF_JSON" : "MARKER";
      lines.add("cat > " + word(markerFile) + " <<'" + eof + "'");
      lines.add(markerJson.stripTrailing());
      lines.add(eof);
    }
    String compose = "docker compose -p " + word(project) + " -f " + word(composeFile);
    lines.add(compose + " build --no-cache");
    lines.add(compose + " up -d --no-build --remove-orphans");
    return String.join("\n", lines);
  }

  /** A path or name as one shell word: quoted unless plainly safe. */
  static String word(String s) {
    return s.matches("[A-Za-z0-9._/@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
