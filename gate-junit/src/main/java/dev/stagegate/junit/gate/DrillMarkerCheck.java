package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.deploy.CommandResult;
import dev.stagegate.junit.docker.DockerExec;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.MarkerCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rollback drill's marker check after each step: the marker in {@link
 * RollbackSpec#markerService()} names the stage's commit and version, so compose really replaced
 * the container with that stage's build.
 */
final class DrillMarkerCheck {
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);

  private final RollbackSpec spec;
  private final DockerClient client;
  private final StackInspector inspector;
  private final List<CheckResult> checks;
  private final List<String> failures;

  DrillMarkerCheck(
      RollbackSpec spec,
      DockerClient client,
      StackInspector inspector,
      List<CheckResult> checks,
      List<String> failures) {
    this.spec = spec;
    this.client = client;
    this.inspector = inspector;
    this.checks = checks;
    this.failures = failures;
  }

  /**
   * Reads the marker and checks it names the stage's commit and version; one check, and a failure
   * per problem. True when it does or when no marker service is given.
   *
   * @param expected names the build in sentences, e.g. {@code HEAD 9f8e7d6} or {@code rollback
   *     target v1.2.2 (abc1234)}
   */
  boolean passes(String step, DrillStage stage, String expected) throws InterruptedException {
    if (spec.markerService().isEmpty()) {
      return true;
    }
    String service = spec.markerService();
    String shortId = RollbackRefs.shortId(stage.commit());
    Optional<ServiceContainer> container = inspector.container(service);
    List<String> problems = new ArrayList<>();
    String raw = "";
    if (container.isEmpty()) {
      problems.add("no container of service \"" + service + "\" to read the marker from");
    } else {
      Optional<String> json = Optional.empty();
      try {
        CommandResult r =
            DockerExec.run(
                client, container.get().id(), EXEC_TIMEOUT, "cat", DeploymentMarker.PATH);
        json = r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
        raw = r.exitCode() == 0 ? r.stdout() : r.stderr();
      } catch (IOException e) {
        raw = e.toString();
      }
      // MarkerCheck phrases a wrong commit as "not HEAD"; here the expected commit is often not
      // HEAD, so it checks presence, form, version and environment, and the commit is judged here
      problems.addAll(
          MarkerCheck.expecting()
              .version(stage.version())
              .environment(spec.environment())
              .problems(json, service));
      if (json.isPresent() && problems.stream().noneMatch(p -> p.contains("malformed"))) {
        DeploymentMarker m = DeploymentMarker.parse(json.get(), DeploymentMarker.PATH);
        if (!m.commit().startsWith(stage.commit()) && !stage.commit().startsWith(m.commit())) {
          problems.add(
              0,
              "service \""
                  + service
                  + "\" carries marker commit "
                  + m.shortCommit()
                  + " (version "
                  + m.version()
                  + "), not "
                  + expected
                  + ": compose did not replace its container with the "
                  + stage.name()
                  + " build");
        }
      }
    }
    if (problems.isEmpty()) {
      checks.add(
          CheckResult.pass(
              step,
              "service \""
                  + service
                  + "\" runs commit "
                  + shortId
                  + ", version "
                  + stage.version()
                  + ", environment "
                  + spec.environment(),
              raw));
      return true;
    }
    checks.add(CheckResult.fail(step, String.join("; ", problems), raw));
    for (String p : problems) {
      failures.add(capitalised(step) + " (" + expected + "): " + p);
    }
    return false;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
