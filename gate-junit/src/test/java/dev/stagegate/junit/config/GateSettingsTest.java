package dev.stagegate.junit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateSettingsTest {
  private static GateSettings read(Map<String, String> values) {
    return GateSettings.read(k -> Optional.ofNullable(values.get(k)), List.of("worker"));
  }

  @Test
  void defaults() {
    GateSettings s = read(Map.of());
    assertThat(s.reportDir()).isEqualTo(Path.of("target/stagegate"));
    assertThat(s.startupTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.buildTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.smokeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.settle()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.logLines()).isEqualTo(1000);
    assertThat(s.logAllow()).isEmpty();
    assertThat(s.engineWait()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void theEngineWaitIsConfigurableAndMustBePositive() {
    assertThat(read(Map.of("stagegate.teardown.engine-wait", "PT15S")).engineWait())
        .isEqualTo(Duration.ofSeconds(15));
    assertThatThrownBy(() -> read(Map.of("stagegate.teardown.engine-wait", "soon")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining(
            "Configuration parameter stagegate.teardown.engine-wait must be an ISO-8601 duration"
                + " such as PT30S");
  }

  @Test
  void readsEveryKey() {
    GateSettings s =
        read(
            Map.of(
                "stagegate.report.dir", "out",
                "stagegate.startup.timeout", "PT30S",
                "stagegate.logs.allow", "x",
                "stagegate.logs.allow.worker", "y",
                "stagegate.logs.lines", "50"));
    assertThat(s.reportDir()).isEqualTo(Path.of("out"));
    assertThat(s.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.logAllow()).containsEntry("*", "x").containsEntry("worker", "y");
    assertThat(s.logLines()).isEqualTo(50);
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> read(Map.of("stagegate.build.timeout", "-PT1S")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("stagegate.build.timeout must be a positive duration");
    assertThatThrownBy(() -> read(Map.of("stagegate.logs.lines", "many")))
        .hasMessageContaining("stagegate.logs.lines must be a positive whole number");
  }
}
