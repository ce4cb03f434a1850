package dev.stagegate.junit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Compose v2 on this machine, and refusing v1 or a command that does not run. */
class ComposeCommandTest {
  @TempDir Path dir;

  @Test
  void thePluginIsFoundFirst() {
    ComposeCommand c = ComposeCommand.resolve(Optional.empty());
    assertThat(c.argv()).containsExactly("docker", "compose");
    assertThat(c.isDockerPlugin()).isTrue();
    assertThat(ComposeCommand.isV2(c.version())).as(c.version()).isTrue();
  }

  @Test
  void aConfiguredV2CommandIsUsed() {
    ComposeCommand c = ComposeCommand.resolve(Optional.of("  docker   compose "));
    assertThat(c.argv()).containsExactly("docker", "compose");
  }

  @Test
  void aConfiguredV1BinaryIsRefusedNamingTheFix() throws IOException {
    Path v1 = script("fake-compose-v1", "echo 1.29.2");
    assertThatThrownBy(() -> ComposeCommand.resolve(Optional.of(v1.toString())))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("Only Compose 1.29.2 was found")
        .hasMessageContaining("Install the Compose v2 plugin");
  }

  @Test
  void aConfiguredCommandThatDoesNotRunNamesTheKey() {
    assertThatThrownBy(() -> ComposeCommand.resolve(Optional.of("/nonexistent/compose")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("'/nonexistent/compose' (stagegate.compose.command) does not run")
        .hasMessageContaining("cannot be started");
  }

  @Test
  void versionsAreReadWithOrWithoutV() {
    assertThat(ComposeCommand.isV2("2.26.1-4")).isTrue();
    assertThat(ComposeCommand.isV2("v2.40.3")).isTrue();
    assertThat(ComposeCommand.isV2("1.29.2")).isFalse();
  }

  private Path script(String name, String body) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }
}
