package dev.stagegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTrendTest {
  private static ServiceTrend trend(String verdict, Duration window) {
    return new ServiceTrend(
        "worker",
        verdict,
        3.6,
        70.1,
        "",
        verdict,
        0.1,
        "",
        0.01,
        window,
        Duration.ofMinutes(5),
        List.of(),
        List.of());
  }

  @Test
  void aSlopeIsShownInMibPerHourAndAsAShareOfTheBaseline() {
    assertThat(trend("stable", Duration.ofHours(4)).memorySlopeShown())
        .isEqualTo("+3.60 MiB/h (+5.1 %/h of 70.1 MiB)");
    assertThat(trend("stable", Duration.ofHours(4)).cpuSlopeShown()).isEqualTo("+0.10 points/h");
  }

  @Test
  void aWindowShorterThanAnHourSaysTheSlopeIsAnExtrapolation() {
    ServiceTrend t = trend("stable", Duration.ofMinutes(12));
    assertThat(t.extrapolated()).isTrue();
    assertThat(t.memorySlopeShown()).endsWith(", extrapolated from 12 min");
    assertThat(t.cpuSlopeShown()).endsWith(", extrapolated from 12 min");
  }

  @Test
  void aWindowBelowTheMinimumSpanIsNotJudgedAndShowsNoSlope() {
    ServiceTrend t = trend(ServiceTrend.NOT_JUDGED, Duration.ofSeconds(90));
    assertThat(t.memoryShown()).isEqualTo("not judged (1.5 min < 5 min)");
    assertThat(t.cpuShown()).isEqualTo("not judged (1.5 min < 5 min)");
    assertThat(t.memorySlopeShown()).isEqualTo("–");
  }
}
