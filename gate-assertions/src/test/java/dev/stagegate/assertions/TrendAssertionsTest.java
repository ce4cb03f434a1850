package dev.stagegate.assertions;

import static dev.stagegate.assertions.TrendAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.assertions.trend.CpuTrendJudge;
import dev.stagegate.assertions.trend.Series;
import org.junit.jupiter.api.Test;

class TrendAssertionsTest {
  private static Series memory(double mbPerMinute) {
    double[] t = new double[3601];
    double[] v = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      v[i] = (152 + mbPerMinute * i / 60 + (i * 7919 % 13) / 10.0) * 1e6;
    }
    return Series.memory(t, v).withLabel("worker");
  }

  private static Series cpu(double pointsPerMinute) {
    double[] t = new double[1801];
    double[] v = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      v[i] = 5 + pointsPerMinute * i / 60 + (i * 7919 % 11) / 5.0;
    }
    return Series.cpu(t, v).withLabel("api");
  }

  @Test
  void stableMemoryPasses() {
    assertThat(memory(0)).hasNoLeak().hasNoUpwardTrend();
  }

  @Test
  void leakFailsWithASentenceCarryingTheNumbers() {
    assertThatThrownBy(() -> assertThat(memory(0.5)).hasNoLeak())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting memory of \"worker\" to show no leak but it grew 2")
        .hasMessageContaining("MiB/hour: Memory of \"worker\" grows ")
        .hasMessageContaining("(from 145.")
        .hasMessageContaining("Mann-Kendall p<0.0001 < α=0.01)")
        .hasMessageContaining("over 60 min");
  }

  @Test
  void cpuTrendFails() {
    assertThatThrownBy(() -> assertThat(cpu(1)).hasNoUpwardTrend())
        .hasMessageStartingWith("Expecting CPU of \"api\" to show no upward trend but it rose ");
  }

  @Test
  void judgeIsConfigurable() {
    assertThat(cpu(1))
        .withJudge(CpuTrendJudge.defaults().withMinimumSlopePointsPerHour(1000))
        .hasNoUpwardTrend();
  }

  @Test
  void inconclusiveFails() {
    Series brief = Series.memory(new double[] {0, 1, 2}, new double[] {1e8, 1e8, 1e8});
    assertThatThrownBy(() -> assertThat(brief).hasNoLeak())
        .hasMessageContaining("could not be judged");
  }

  @Test
  void hasNoLeakNeedsAMemorySeries() {
    assertThatThrownBy(() -> assertThat(cpu(0)).hasNoLeak())
        .hasMessageContaining("Expecting a memory series");
  }
}
