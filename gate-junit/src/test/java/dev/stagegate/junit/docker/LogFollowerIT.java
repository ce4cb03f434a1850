package dev.stagegate.junit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * A followed log across restarts: the engine replays the whole log of a restarted container, and
 * {@link LogFollower#reattach()} must hand on each line exactly once.
 */
class LogFollowerIT {
  @Test
  void reattachingAcrossRestartsLosesAndRepeatsNothing() throws Exception {
    DockerClient client = DockerClientFactory.instance().client();
    String id =
        client
            .createContainerCmd("stagegate/busybox-base:1")
            .withCmd(
                "sh",
                "-c",
                "echo run-start; echo line-$(cut -d' ' -f1 /proc/uptime); sleep 1; exit 1")
            .withLabels(
                Map.of(
                    "dev.stagegate",
                    "1",
                    "dev.stagegate.pid",
                    Long.toString(ProcessHandle.current().pid())))
            .withHostConfig(
                HostConfig.newHostConfig().withRestartPolicy(RestartPolicy.onFailureRestart(2)))
            .exec()
            .getId();
    List<String> lines = new CopyOnWriteArrayList<>();
    try {
      client.startContainerCmd(id).exec();
      LogFollower follower = new LogFollower(client, id, lines::add).start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        var state = client.inspectContainerCmd(id).exec();
        boolean done =
            !Boolean.TRUE.equals(state.getState().getRunning())
                && !Boolean.TRUE.equals(state.getState().getRestarting())
                && state.getRestartCount() != null
                && state.getRestartCount() >= 2;
        if (follower.ended()) {
          if (done) {
            break;
          }
          follower.reattach();
        }
        Thread.sleep(100);
      }
      follower.reattach(); // once more after the last run: must add nothing new twice
      Thread.sleep(500);
      follower.close();
      assertThat(lines.stream().filter("run-start"::equals).count())
          .as("three runs, each start line once: %s", lines)
          .isEqualTo(3);
      assertThat(lines.stream().filter(l -> l.startsWith("line-")).distinct().count())
          .as("three distinct lines: %s", lines)
          .isEqualTo(3);
      assertThat(lines).hasSize(6);
    } finally {
      client.removeContainerCmd(id).withForce(true).exec();
    }
  }
}
