package dev.stagegate.examples.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.docker.BuiltImages;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Checks that this JVM's gates left nothing behind: containers, networks, volumes and built images
 * carrying this process's pid label (other gate runs may share the engine).
 */
final class OwnLeftovers {
  private OwnLeftovers() {}

  static void assertNone() {
    var client = DockerClientFactory.instance().client();
    String pid = Long.toString(ProcessHandle.current().pid());
    String label = "dev.stagegate.pid=" + pid;
    assertThat(client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec())
        .as("containers this JVM's gates left behind")
        .isEmpty();
    assertThat(client.listNetworksCmd().withFilter("label", List.of(label)).exec())
        .as("networks this JVM's gates left behind")
        .isEmpty();
    assertThat(client.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes())
        .as("volumes this JVM's gates left behind")
        .isNullOrEmpty();
    // built images carry one label, dev.stagegate=<run>/<host>/<pid>; a passing gate keeps its
    // tested images under <project>/<service>:<commit> for the deploy (stagegate.images.keep), so
    // only images with nothing but a run's temporary stagegate-<run>-<service> name are leftovers
    assertThat(
            client
                .listImagesCmd()
                .withShowAll(true)
                .withLabelFilter("dev.stagegate")
                .exec()
                .stream()
                .filter(i -> i.getLabels() != null)
                .filter(i -> String.valueOf(i.getLabels().get("dev.stagegate")).endsWith("/" + pid))
                .filter(i -> !BuiltImages.named(i))
                .map(i -> i.getId())
                .toList())
        .as("images this JVM's gates left behind")
        .isEmpty();
  }
}
