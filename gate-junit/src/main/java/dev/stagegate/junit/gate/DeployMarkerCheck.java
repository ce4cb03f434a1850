package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.deploy.CommandResult;
import dev.stagegate.junit.docker.DockerExec;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.MarkerCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A post-deploy watch's deployment marker check: the marker in {@link
 * PostDeploySpec#markerService()} on the target names the expected commit, and the configured
 * environment and version.
 */
final class DeployMarkerCheck {
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);

  private DeployMarkerCheck() {}

  /**
   * Reads and checks the marker; one check, and a failure per problem.
   *
   * @return the marker read, also when it names the wrong build; {@code null} when there is none,
   *     none could be read or it is malformed
   */
  static DeploymentMarker check(
      PostDeploySpec spec,
      DockerClient client,
      StackInspector inspector,
      List<CheckResult> checks,
      List<String> failures)
      throws InterruptedException {
    DeploymentMarker marker = null;
    if (spec.markerService().isBlank()) {
      checks.add(
          new CheckResult(
              CheckName.DEPLOYMENT_MARKER.id(), CheckStatus.SKIPPED, "no markerService given", ""));
      return marker;
    }
    MarkerCheck check = MarkerCheck.expecting().commit(spec.expectedCommit());
    if (!spec.environment().isBlank()) {
      check = check.environment(spec.environment());
    }
    if (spec.version().isPresent()) {
      check = check.version(spec.version().get());
    }
    Optional<ServiceContainer> container = inspector.container(spec.markerService());
    List<String> problems;
    String raw = "";
    if (container.isEmpty()) {
      problems =
          List.of(
              "no container of service \""
                  + spec.markerService()
                  + "\" in project \""
                  + spec.project()
                  + "\" to read the deployment marker from");
    } else {
      Optional<String> json;
      try {
        CommandResult r =
            DockerExec.run(
                client, container.get().id(), EXEC_TIMEOUT, "cat", DeploymentMarker.PATH);
        json = r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
        raw = r.exitCode() == 0 ? r.stdout() : r.stderr();
      } catch (IOException | RuntimeException e) {
        json = Optional.empty();
        raw = e.toString();
      }
      problems = check.problems(json, spec.markerService());
      if (json.isPresent()) {
        try {
          marker = DeploymentMarker.parse(json.get(), DeploymentMarker.PATH);
        } catch (RuntimeException e) {
          marker = null; // malformed: the problems say so
        }
      }
    }
    if (problems.isEmpty()) {
      checks.add(
          CheckResult.pass(
              CheckName.DEPLOYMENT_MARKER.id(),
              "service \""
                  + spec.markerService()
                  + "\" runs commit "
                  + marker.shortCommit()
                  + ", version "
                  + marker.version()
                  + ", environment "
                  + marker.environment(),
              raw));
    } else {
      checks.add(
          CheckResult.fail(CheckName.DEPLOYMENT_MARKER.id(), String.join("; ", problems), raw));
      for (String p : problems) {
        failures.add("Deployment marker: " + p);
      }
    }
    return marker;
  }
}
