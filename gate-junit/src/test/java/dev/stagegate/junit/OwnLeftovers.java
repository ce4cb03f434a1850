package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * Checks that this JVM's gates left nothing behind. Scoped to this process's pid label, because
 * other gate runs (a developer's, a benchmark's) may share the engine.
 */
final class OwnLeftovers {
  private OwnLeftovers() {}

  static void assertNone() {
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
    assertThat(client.listImagesCmd().withLabelFilter(ours).exec())
        .as("images this JVM's gates left behind")
        .isEmpty();
  }
}
