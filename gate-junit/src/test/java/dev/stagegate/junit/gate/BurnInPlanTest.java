package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.fixtures.WatchAfterFailureGates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BurnInPlanTest {
  private static BurnInPlan plan(String method, Optional<String> key) throws Exception {
    BurnIn burnIn = WatchAfterFailureGates.class.getMethod(method).getAnnotation(BurnIn.class);
    GateSettings settings =
        GateSettings.read(k -> Optional.ofNullable(Map.<String, String>of().get(k)), List.of());
    return BurnInPlan.of(burnIn, settings, key);
  }

  @Test
  void aBurnInEndsAtItsFirstFailureUnlessAsked() throws Exception {
    assertThat(plan("plain", Optional.empty()).watchAfterFailure()).isZero();
  }

  @Test
  void theAnnotationWinsOverTheConfigurationParameter() throws Exception {
    assertThat(plan("drill", Optional.of("PT1M")).watchAfterFailure())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(plan("plain", Optional.of("PT1M")).watchAfterFailure())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(plan("endsAtOnce", Optional.of("PT1M")).watchAfterFailure()).isZero();
  }

  @Test
  void badValuesNameWhereTheyCameFromAndTheFix() {
    assertThatThrownBy(() -> plan("tooLong", Optional.empty()))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessage(
            "@BurnIn(watchAfterFailure) must be between PT0S (end at the first failure) and PT30M"
                + " but was PT31M.");
    assertThatThrownBy(() -> plan("malformed", Optional.empty()))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("@BurnIn(watchAfterFailure) must be an ISO-8601 duration")
        .hasMessageContaining("'30s'");
    assertThatThrownBy(() -> plan("plain", Optional.of("-PT5S")))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("Configuration parameter stagegate.burnin.watch-after-failure");
  }
}
