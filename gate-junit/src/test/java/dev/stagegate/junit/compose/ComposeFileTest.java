package dev.stagegate.junit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeFileTest {
  @TempDir Path dir;

  private ComposeFile load(String yaml) throws IOException {
    Path file = dir.resolve("docker-compose.yml");
    Files.writeString(file, yaml);
    return ComposeFile.load(file);
  }

  @Test
  void readsServicesBuildsHealthchecksAndPorts() throws IOException {
    ComposeFile c =
        load(
            """
            services:
              api:
                build: ./api
                ports: ["127.0.0.1::8000", "9090:9091/tcp", {target: 7000, published: 7001}]
                healthcheck: {test: ["CMD", "true"]}
                networks: [backend, outside]
                volumes: ["data:/data"]
              worker:
                image: busybox
                healthcheck: {test: ["NONE"]}
            networks:
              backend: {}
              outside: {external: true}
            volumes:
              data: {}
            """);
    assertThat(c.services()).containsOnlyKeys("api", "worker");
    ComposeService api = c.service("api").orElseThrow();
    assertThat(api.builds()).isTrue();
    assertThat(api.hasHealthcheck()).isTrue();
    assertThat(api.publishedPorts()).containsExactlyInAnyOrder(8000, 9091, 7000);
    ComposeService worker = c.service("worker").orElseThrow();
    assertThat(worker.builds()).isFalse();
    assertThat(worker.hasHealthcheck()).as("test: [NONE] disables it").isFalse();
    assertThat(c.networks()).containsExactly("backend");
    assertThat(c.externalNetworks()).containsExactly("outside");
    assertThat(c.volumes()).containsExactly("data");
  }

  @Test
  void recognisesOneShotJobs() throws IOException {
    ComposeFile c =
        load(
            """
            services:
              migrate: {image: x, restart: "no"}
              seed: {image: x}
              flagged: {image: x, labels: ["dev.stagegate.one-shot=true"]}
              api:
                image: x
                depends_on:
                  seed: {condition: service_completed_successfully}
              worker: {image: x}
            """);
    assertThat(c.service("migrate").orElseThrow().oneShot()).isTrue();
    assertThat(c.service("seed").orElseThrow().oneShot()).isTrue();
    assertThat(c.service("flagged").orElseThrow().oneShot()).isTrue();
    assertThat(c.service("api").orElseThrow().oneShot()).isFalse();
    assertThat(c.service("worker").orElseThrow().oneShot())
        .as("no restart key is not an explicit one-shot")
        .isFalse();
  }

  @Test
  void noServicesIsAClearError() {
    assertThatThrownBy(() -> load("networks: {}\n"))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("declares no services");
  }

  @Test
  void invalidYamlSaysLineAndColumn() {
    assertThatThrownBy(() -> load("services:\n  api: [unclosed\n"))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("is not valid YAML at line");
  }

  @Test
  void overrideLabelsEverythingAndNamesBuiltImages() throws IOException {
    ComposeFile c =
        load(
            """
            services:
              api: {build: ./api, networks: [backend], volumes: ["data:/data"]}
              cache: {image: redis}
            networks: {backend: {}}
            volumes: {data: {}}
            """);
    RunLabels labels = new RunLabels("sgabc123", "host1", 42);
    String yaml = Files.readString(ComposeOverride.write(c, labels, dir.resolve("work")));
    assertThat(yaml)
        .contains("image: \"stagegate-sgabc123-api:gate\"")
        .doesNotContain("stagegate-sgabc123-cache")
        .contains("dev.stagegate.run: \"sgabc123\"")
        .contains("dev.stagegate.pid: \"42\"")
        .as("built images get one label: each label is a build step")
        .contains("dev.stagegate: \"sgabc123/host1/42\"")
        .contains("backend:")
        .contains("data:");
  }
}
