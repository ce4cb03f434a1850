package dev.stagegate.junit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project model as Compose v2 resolves it (the real {@code docker compose config}; no engine
 * needed): the layouts service repositories use.
 */
class ComposeLayoutsTest {
  @TempDir Path dir;

  private static final ComposeCommand COMPOSE = ComposeCommand.resolve(Optional.empty());

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void filesAreMergedInOrder() throws IOException {
    Path base = write("compose.yml", "services:\n  api: {image: x, ports: [\"8000\"]}\n");
    Path ci =
        write(
            "compose.ci.yml",
            "services:\n  api: {healthcheck: {test: [CMD, 'true']}}\n  extra: {image: y}\n");
    ComposeFile c = ComposeFile.load(List.of(base, ci), List.of(), COMPOSE);
    assertThat(c.files()).containsExactly(base, ci);
    assertThat(c.services()).containsOnlyKeys("api", "extra");
    assertThat(c.service("api").orElseThrow().hasHealthcheck()).isTrue();
  }

  @Test
  void dotEnvNextToTheFileAndDefaultsAreInterpolated() throws IOException {
    write(".env", "API_PORT=8123\n");
    Path f =
        write(
            "compose.yml",
            "services:\n"
                + "  api: {image: x, ports: [\"127.0.0.1::${API_PORT:-8000}\"]}\n"
                + "  worker: {image: x, ports: [\"127.0.0.1::${WORKER_PORT:-9000}\"]}\n");
    ComposeFile c = ComposeFile.load(List.of(f), List.of(), COMPOSE);
    assertThat(c.service("api").orElseThrow().publishedPorts()).containsExactly(8123);
    assertThat(c.service("worker").orElseThrow().publishedPorts()).containsExactly(9000);
  }

  @Test
  void onlyTheServicesOfActiveProfilesAreRun() throws IOException {
    Path f =
        write(
            "compose.yaml",
            "services:\n  api: {image: x}\n  jobs: {image: x, profiles: [batch]}\n");
    assertThat(ComposeFile.load(List.of(f), List.of(), COMPOSE).services()).containsOnlyKeys("api");
    assertThat(ComposeFile.load(List.of(f), List.of("batch"), COMPOSE).services())
        .containsOnlyKeys("api", "jobs");
  }

  @Test
  void includeExtendsAnchorsAndExtensionFieldsAreResolved() throws IOException {
    write("common/base.yml", "services:\n  base: {image: x, restart: \"no\"}\n");
    write("cache.yml", "services:\n  cache: {image: x}\n");
    Path f =
        write(
            "compose.yml",
            """
            include: [cache.yml]
            x-health: &health
              healthcheck: {test: [CMD, "true"]}
            services:
              api:
                image: x
                <<: *health
              migrate:
                extends: {file: common/base.yml, service: base}
            """);
    ComposeFile c = ComposeFile.load(List.of(f), List.of(), COMPOSE);
    assertThat(c.services()).containsOnlyKeys("api", "migrate", "cache");
    assertThat(c.service("api").orElseThrow().hasHealthcheck()).isTrue();
    assertThat(c.service("migrate").orElseThrow().oneShot()).as("restart: no, extended").isTrue();
  }

  @Test
  void discoveryFollowsComposesOwnNamesAndOverrideFile() throws IOException {
    Path module = Files.createDirectories(dir.resolve("module/sub"));
    write("module/docker-compose.yml", "services: {a: {image: x}}\n");
    write("module/docker-compose.override.yml", "services: {a: {labels: [k=v]}}\n");
    write("module/compose.yaml", "services: {b: {image: x}}\n");
    assertThat(ComposeFile.discover(module.getParent()))
        .containsExactly(dir.resolve("module/compose.yaml"));
    Files.delete(dir.resolve("module/compose.yaml"));
    assertThat(ComposeFile.discover(module))
        .as("from a subdirectory, like compose: the parents are searched")
        .containsExactly(
            dir.resolve("module/docker-compose.yml"),
            dir.resolve("module/docker-compose.override.yml"));
  }

  @Test
  void noComposeFileAnywhereNamesWhatWasLookedFor() {
    assertThatThrownBy(() -> ComposeFile.discover(Path.of("/proc/self")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("No compose file found")
        .hasMessageContaining("compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml");
  }

  @Test
  void whatComposeRejectsIsQuotedAfterTheGatesSentence() throws IOException {
    Path f = write("compose.yml", "services:\n  api: {image: x, depends_on: [nowhere]}\n");
    assertThatThrownBy(() -> ComposeFile.load(List.of(f), List.of(), COMPOSE))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageStartingWith("Compose cannot read " + f)
        .hasMessageContaining("Fix what compose says:")
        .hasMessageContaining("nowhere");
  }

  @Test
  void fixedContainerNamesAndExternalResourcesAreKnown() throws IOException {
    Path f =
        write(
            "compose.yml",
            """
            services:
              api: {image: x, container_name: my-api, networks: [edge], volumes: ["shared:/s"]}
            networks: {edge: {external: true, name: proxy-edge}}
            volumes: {shared: {external: true}}
            """);
    ComposeFile c = ComposeFile.load(List.of(f), List.of(), COMPOSE);
    assertThat(c.setsContainerName()).isTrue();
    assertThat(c.externalNetworks()).containsExactly("proxy-edge");
    assertThat(c.externalVolumes()).containsExactly("shared");
    assertThat(c.networks()).isEmpty();
  }
}
