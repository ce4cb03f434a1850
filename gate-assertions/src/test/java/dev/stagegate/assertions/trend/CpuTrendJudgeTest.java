package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.assertions.trend.CpuTrendVerdict.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpuTrendJudgeTest {
  private static final CpuTrendJudge JUDGE = CpuTrendJudge.defaults();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void flatNoiseIsStable(long seed) {
    assertThat(JUDGE.judge(Shapes.cpu(seed, 900, 1.5, t -> 5)).kind()).isEqualTo(Kind.STABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void creepIsATrend(long seed) {
    CpuTrendVerdict verdict = JUDGE.judge(Shapes.cpu(seed, 1800, 4, t -> 5 + 0.5 * t / 60));
    assertThat(verdict.kind()).isEqualTo(Kind.TREND);
    assertThat(verdict.slopePointsPerHour()).isBetween(20.0, 40.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void periodicSchedulerSpikesAreNoTrend(long seed) {
    Series series = Shapes.cpu(seed, 900, 1, t -> t % 60 < 3 ? 45 : 5);
    assertThat(JUDGE.judge(series).kind()).isEqualTo(Kind.STABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void idleAndBusyPhasesAreNoTrend(long seed) {
    double phase = 60 + 20 * seed;
    Series series = Shapes.cpu(seed, 1800, 2, t -> (t / phase) % 2 < 1 ? 5 : 60);
    assertThat(JUDGE.judge(series).kind()).isEqualTo(Kind.STABLE);
  }

  @Test
  void oneChangeOfLoadIsNoTrend() {
    Series series = Shapes.cpu(1, 1800, 2, t -> t < 600 ? 10 : 40);
    assertThat(JUDGE.judge(series).kind()).isEqualTo(Kind.STABLE);
  }

  @Test
  void tooShortIsNotJudged() {
    assertThat(JUDGE.judge(Shapes.cpu(1, 60, 1, t -> t)).kind()).isEqualTo(Kind.NOT_JUDGED);
  }

  @Test
  void minimumSlopeIsConfigurable() {
    Series series = Shapes.cpu(2, 1800, 2, t -> 5 + 0.5 * t / 60);
    assertThat(JUDGE.withMinimumSlopePointsPerHour(100).judge(series).kind())
        .isEqualTo(Kind.STABLE);
  }
}
