package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ComposeService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One version of the stack in a rollback drill, exported and ready to deploy.
 *
 * @param name {@code current} or {@code previous}
 * @param commit the exported commit's full id
 * @param version the version its marker names
 * @param compose its compose file, parsed
 * @param project the drill's compose project running this version's files
 */
record DrillStage(
    String name, String commit, String version, ComposeFile compose, ComposeProject project) {

  /** The services the stage builds, in the compose file's order. */
  List<String> builtServices() {
    return compose.services().values().stream()
        .filter(ComposeService::builds)
        .map(ComposeService::name)
        .toList();
  }

  /** The image tag of every service the stage builds: {@code <repository>/<service>:<commit>}. */
  Map<String, String> tags(String repository) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (ComposeService s : compose.services().values()) {
      if (s.builds()) {
        tags.put(s.name(), repository + "/" + s.name().toLowerCase(Locale.ROOT) + ":" + commit);
      }
    }
    return tags;
  }

  /** The last of the project's compose files: the labelling override. */
  String override() {
    return project.files().get(project.files().size() - 1).toString();
  }
}
