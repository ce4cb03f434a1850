package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * Checks that this JVM's gates left nothing behind. Scoped to this process's pid label, because
 * other gate runs (a developer's, a benchmark's) may share the engine.
 */
final class OwnLeftovers {
  private OwnLeftovers() {}

  static void assertNone() {
    assertNoneBut(List.of());
  }

  /** As {@link #assertNone()}, except the images a passing gate kept on purpose. */
  static void assertNoneBut(List<String> keptImageIds) {
    var client = DockerClientFactory.instance().client();
    Map<String, String> ours =
        Map.of("dev.stagegate.pid", Long.toString(ProcessHandle.current().pid()));
    assertThat(client.listContainersCmd().withShowAll(true).withLabelFilter(ours).exec())
        .as("containers this JVM's gates left behind")
        .isEmpty();
    assertThat(
            client
                .listNetworksCmd()
                .withFilter(
                    "label",
                    java.util.List.of("dev.stagegate.pid=" + ours.get("dev.stagegate.pid")))
                .exec())
        .as("networks this JVM's gates left behind")
        .isEmpty();
    String pid = ours.get("dev.stagegate.pid");
    // built images carry one label, dev.stagegate=<run>/<host>/<pid>
    assertThat(
            client
                .listImagesCmd()
                .withShowAll(true)
                .withLabelFilter("dev.stagegate")
                .exec()
                .stream()
                .filter(i -> i.getLabels() != null)
                .filter(i -> String.valueOf(i.getLabels().get("dev.stagegate")).endsWith("/" + pid))
                .map(i -> i.getId())
                .filter(id -> !keptImageIds.contains(id))
                .toList())
        .as("images this JVM's gates left behind")
        .isEmpty();
    assertThat(
            client
                .listVolumesCmd()
                .withFilter("label", List.of("dev.stagegate.pid=" + pid))
                .exec()
                .getVolumes())
        .as("volumes this JVM's gates left behind")
        .isNullOrEmpty();
  }
}
