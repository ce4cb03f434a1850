package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.LeftoverSweeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * Containers of an image a gate built inherit its label, which names the gate's run: the deployed
 * containers of a kept image do too. The next gate's leftover sweep must leave them alone, and
 * still remove what a dead run itself left (by the run's own labels) and its build steps. Real
 * engine.
 */
class SweepSparesDeployedContainersIT {
  private static final String BASE = "stagegate/busybox-base:1";

  private final DockerClient client = DockerClientFactory.instance().client();
  private final String host = RunLabels.localHost();
  private final String repo = "sgsweep" + Long.toHexString(System.nanoTime());
  private final List<String> containers = new ArrayList<>();
  private final List<String> images = new ArrayList<>();

  @AfterEach
  void removeEverything() {
    containers.forEach(
        id -> {
          try {
            client.removeContainerCmd(id).withForce(true).exec();
          } catch (NotFoundException e) {
            // swept, as some must be
          }
        });
    images.forEach(
        id -> {
          try {
            client.removeImageCmd(id).withForce(true).exec();
          } catch (NotFoundException e) {
            // gone
          }
        });
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor(10, TimeUnit.SECONDS);
    return p.pid();
  }

  /** An image as a gate builds it: the packed label of a run that is over. */
  private String gateBuiltImage(RunLabels run) {
    String builder = client.createContainerCmd(BASE).withCmd("true").exec().getId();
    containers.add(builder);
    String id = client.commitCmd(builder).withLabels(run.asImageLabel()).exec();
    images.add(id);
    return id;
  }

  private String container(String image, Map<String, String> labels, boolean running) {
    String id =
        client.createContainerCmd(image).withCmd("sleep", "600").withLabels(labels).exec().getId();
    containers.add(id);
    if (running) {
      client.startContainerCmd(id).exec();
    }
    return id;
  }

  private boolean exists(String id) {
    try {
      client.inspectContainerCmd(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void deployedContainersOfAKeptImageOutliveTheSweepAndARunsOwnLeftoversDoNot() throws Exception {
    RunLabels over = new RunLabels("sgover" + System.nanoTime(), host, deadPid());
    String kept = gateBuiltImage(over);
    client.tagImageCmd(kept, repo + "/api", "c0ffee").exec();
    images.add(repo + "/api:c0ffee");
    String deployed =
        container(repo + "/api:c0ffee", Map.of("com.docker.compose.project", repo), true);
    String stoppedByHand = container(repo + "/api:c0ffee", Map.of(), false);
    String runLeftover = container(BASE, over.asMap(), false);
    String unnamed = gateBuiltImage(over);
    String buildStep = container(unnamed, Map.of(), false);

    new LeftoverSweeper(client, host).sweep();

    assertThat(exists(deployed)).as("the deployed container of the kept image").isTrue();
    assertThat(exists(stoppedByHand)).as("a stopped container of the kept image").isTrue();
    assertThat(exists(runLeftover)).as("what the run left, by its own labels").isFalse();
    assertThat(exists(buildStep)).as("a build step of the run's unnamed image").isFalse();
  }
}
