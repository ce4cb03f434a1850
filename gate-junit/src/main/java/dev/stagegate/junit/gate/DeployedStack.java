package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The containers of a deployed compose project as a post-deploy watch finds them on the target's
 * engine, by service, and which services are one-shot jobs.
 *
 * @param containers every container of the project, running or not, by service name
 * @param services the services, in that order; the compose file is not at hand, so a service is
 *     one-shot when compose or its labels say so, when another waits for its completion, or when it
 *     exited and would not be restarted
 */
record DeployedStack(List<Container> containers, Map<String, ComposeService> services) {
  private static final String SERVICE_LABEL = "com.docker.compose.service";
  private static final String DEPENDS_ON_LABEL = "com.docker.compose.depends_on";
  private static final String CONFIG_FILES_LABEL = "com.docker.compose.project.config_files";

  /** Lists the project's containers on the engine and tells its jobs from its services. */
  static DeployedStack list(DockerClient client, String project) {
    List<Container> found =
        client
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(PostDeploySpec.PROJECT_LABEL, project))
            .exec();
    found = new ArrayList<>(found);
    found.sort(
        Comparator.comparing((Container c) -> c.getLabels().getOrDefault(SERVICE_LABEL, "?")));
    Set<String> completionTargets = completionTargets(found);
    Map<String, ComposeService> services = new LinkedHashMap<>();
    for (Container c : found) {
      String service = c.getLabels().getOrDefault(SERVICE_LABEL, "?");
      boolean oneShot =
          "true".equalsIgnoreCase(c.getLabels().get(ComposeFile.ONE_SHOT_LABEL))
              || "True".equals(c.getLabels().get("com.docker.compose.oneoff"))
              || completionTargets.contains(service)
              || finishedWithoutRestart(client, c);
      services.put(service, new ComposeService(service, false, false, oneShot, Set.of()));
    }
    return new DeployedStack(found, services);
  }

  /** The failure when no container of the project is on the target. */
  static String nothingDeployed(PostDeploySpec spec) {
    return "No container on "
        + spec.dockerHost()
        + " carries the label "
        + PostDeploySpec.PROJECT_LABEL
        + "="
        + spec.project()
        + ": nothing of project \""
        + spec.project()
        + "\" is deployed there";
  }

  /** What was found: the project, the host, its services and the compose files that made them. */
  String describe(PostDeploySpec spec) {
    return "project \""
        + spec.project()
        + "\" on "
        + spec.dockerHost()
        + ": "
        + String.join(", ", services.keySet())
        + composeFiles();
  }

  /**
   * An exited container that compose would not restart: a job that ran (Compose v2 sets the restart
   * policy {@code no} on every service without {@code restart:}, so a running container with that
   * policy is a long-running service, not a job).
   */
  private static boolean finishedWithoutRestart(DockerClient client, Container c) {
    if (!"exited".equals(c.getState())) {
      return false;
    }
    var policy = client.inspectContainerCmd(c.getId()).exec().getHostConfig().getRestartPolicy();
    return policy == null
        || policy.getName() == null
        || policy.getName().isEmpty()
        || "no".equals(policy.getName());
  }

  /**
   * The services another container waits for with {@code condition:
   * service_completed_successfully}: one-shot jobs such as {@code migrate}. The target's compose
   * file is not at hand, but Compose v2 writes each container's {@code depends_on} into its {@code
   * com.docker.compose.depends_on} label ({@code migrate:service_completed_successfully:false,…}).
   * The restart policy alone tells little: v2 sets {@code no} on every service without {@code
   * restart:}, which made every deployed service look like a job.
   */
  static Set<String> completionTargets(List<Container> containers) {
    Set<String> targets = new TreeSet<>();
    for (Container c : containers) {
      String dependsOn = c.getLabels() == null ? null : c.getLabels().get(DEPENDS_ON_LABEL);
      if (dependsOn == null || dependsOn.isBlank()) {
        continue;
      }
      for (String dependency : dependsOn.split(",")) {
        String[] parts = dependency.strip().split(":");
        if (parts.length >= 2 && parts[1].equals("service_completed_successfully")) {
          targets.add(parts[0]);
        }
      }
    }
    return targets;
  }

  /**
   * {@code ; compose files: /srv/app/docker-compose.yml}, as Compose v2 labels the containers it
   * made ({@code com.docker.compose.project.config_files}); nothing when no container says.
   */
  String composeFiles() {
    Set<String> files = new TreeSet<>();
    for (Container c : containers) {
      String value = c.getLabels() == null ? null : c.getLabels().get(CONFIG_FILES_LABEL);
      if (value != null && !value.isBlank()) {
        for (String f : value.split(",")) {
          if (!f.isBlank()) {
            files.add(f.strip());
          }
        }
      }
    }
    return files.isEmpty() ? "" : "; compose files: " + String.join(", ", files);
  }
}
