package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeService;
import dev.stagegate.junit.docker.ContainerState;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits until every long-running service is healthy (or running, without a healthcheck) and every
 * one-shot job has exited 0; stops early at the first sign that this cannot happen (a service
 * unhealthy, exited or restarting).
 */
final class HealthWait {
  private static final Duration POLL = Duration.ofMillis(250);

  private final ComposeFile compose;
  private final StackInspector inspector;

  HealthWait(ComposeFile compose, StackInspector inspector) {
    this.compose = compose;
    this.inspector = inspector;
  }

  /** Empty when the stack is ready; otherwise, per service that is not, one sentence saying why. */
  Map<String, String> await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, String> waiting = new LinkedHashMap<>();
      Map<String, String> broken = new LinkedHashMap<>();
      classify(waiting, broken);
      if (!broken.isEmpty()) {
        return broken;
      }
      if (waiting.isEmpty()) {
        return Map.of();
      }
      if (System.nanoTime() > deadline) {
        Map<String, String> late = new LinkedHashMap<>();
        waiting.forEach(
            (service, why) ->
                late.put(
                    service,
                    "Expecting service \""
                        + service
                        + "\" to become healthy within "
                        + timeout.toSeconds()
                        + " s but it was still "
                        + why));
        return late;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The state of every service once, without waiting: what is wrong, if anything. */
  Map<String, String> diagnose() {
    Map<String, String> waiting = new LinkedHashMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    classify(waiting, broken);
    waiting.forEach(
        (service, why) ->
            broken.putIfAbsent(service, "Service \"" + service + "\" was not ready: " + why));
    return broken;
  }

  private void classify(Map<String, String> waiting, Map<String, String> broken) {
    List<ServiceContainer> containers = inspector.containers();
    for (ComposeService service : compose.services().values()) {
      String name = service.name();
      Optional<ServiceContainer> c =
          containers.stream().filter(x -> x.service().equals(name)).findFirst();
      if (c.isEmpty()) {
        waiting.put(name, "without a container (compose did not create it)");
        continue;
      }
      ContainerState s = inspector.state(c.get().id());
      if (service.oneShot()) {
        if (s.exited()) {
          if (s.exitCode() != null && s.exitCode() != 0) {
            broken.put(
                name,
                "Expecting one-shot job \""
                    + name
                    + "\" to exit with code 0 but it exited with code "
                    + s.exitCode());
          }
        } else {
          waiting.put(name, s.status() + " (one-shot job not finished)");
        }
        continue;
      }
      if (s.restartCount() > 0 || "restarting".equals(s.status())) {
        broken.put(
            name,
            "Expecting service \""
                + name
                + "\" to start without restarts but it restarted "
                + s.restartCount()
                + (s.restartCount() == 1 ? " time" : " times")
                + (s.exitCode() == null ? "" : " (last exit code " + s.exitCode() + ")")
                + (s.oomKilled() ? " (OOMKilled)" : ""));
      } else if (s.exited()) {
        broken.put(
            name,
            "Expecting service \""
                + name
                + "\" to be running but it exited with code "
                + s.exitCode()
                + (s.oomKilled() ? " (OOMKilled)" : ""));
      } else if ("unhealthy".equals(s.health())) {
        broken.put(
            name,
            "Expecting service \""
                + name
                + "\" to be healthy but its healthcheck failed; last probe output: "
                + (s.lastProbeOutput().isEmpty() ? "(none)" : s.lastProbeOutput()));
      } else if (!s.running()) {
        waiting.put(name, s.status());
      } else if (!"healthy".equals(s.health()) && !"none".equals(s.health())) {
        waiting.put(name, s.health());
      }
    }
  }
}
