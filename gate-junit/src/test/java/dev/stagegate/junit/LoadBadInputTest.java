package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.LoadBadRateGate;
import dev.stagegate.junit.fixtures.LoadUnknownServiceGate;
import dev.stagegate.junit.fixtures.LoadWithoutBurnInGate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad {@code @Load} fails before Docker is touched, saying what is wrong. No engine needed. */
class LoadBadInputTest {
  @TempDir Path reports;

  @Test
  void loadWithoutBurnInIsRefused() {
    assertThat(GateKit.onlyFailure(GateKit.run(LoadWithoutBurnInGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("has @Load but no @BurnIn");
  }

  @Test
  void aRateOfZeroIsRefused() {
    assertThat(GateKit.onlyFailure(GateKit.run(LoadBadRateGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("rate must be requests per second above 0")
        .hasMessageContaining("but was 0.0");
  }

  @Test
  void loadOnAnUnknownServiceListsTheServicesThereAre() {
    assertThat(GateKit.onlyFailure(GateKit.run(LoadUnknownServiceGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("@Load(service = \"web\"")
        .hasMessageContaining("Services there: api, worker");
  }
}
