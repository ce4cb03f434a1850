package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.assertions.trend.LeakVerdict.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryLeakJudgeTest {
  private static final MemoryLeakJudge JUDGE = MemoryLeakJudge.defaults();

  private static Kind judge(Series series) {
    return JUDGE.judge(series).kind();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void flatNoiseIsStable(long seed) {
    assertThat(judge(Shapes.memory(seed, 600, 1, 2, t -> 160))).isEqualTo(Kind.STABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void gcSawtoothIsStable(long seed) {
    assertThat(judge(Shapes.memory(seed, 900, 1, 1.5, Shapes.sawtooth(45 + 5 * seed, 30))))
        .isEqualTo(Kind.STABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void warmUpThenPlateauIsStable(long seed) {
    Series series = Shapes.memory(seed, 1800, 1, 2, t -> 160 + 60 * (1 - Math.exp(-t / 60)));
    assertThat(judge(series)).isEqualTo(Kind.STABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void singlePoolGrowthStepIsStable(long seed) {
    double at = 200 + 150 * seed;
    assertThat(judge(Shapes.memory(seed, 1200, 1, 1.5, t -> t < at ? 160 : 185)))
        .isEqualTo(Kind.STABLE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void slowLinearGrowthIsALeak(long seed) {
    LeakVerdict verdict = JUDGE.judge(Shapes.memory(seed, 900, 1, 2, t -> 160 + 0.5 * t / 60));
    assertThat(verdict.kind()).isEqualTo(Kind.LEAK);
    assertThat(verdict.slopeMibPerHour()).isBetween(15.0, 45.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void risingFloorUnderSawtoothIsALeak(long seed) {
    Series series =
        Shapes.memory(seed, 900, 1, 1.5, t -> Shapes.sawtooth(48, 30).applyAsDouble(t) + t / 60);
    LeakVerdict verdict = JUDGE.judge(series);
    assertThat(verdict.kind()).isEqualTo(Kind.LEAK);
    assertThat(verdict.evidence()).contains("post-GC floor");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void repeatedStepsAreALeak(long seed) {
    assertThat(judge(Shapes.memory(seed, 900, 1, 2, t -> 160 + 4 * Math.floor(t / 70))))
        .isEqualTo(Kind.LEAK);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void growthThatStartsLateIsALeak(long seed) {
    Series series = Shapes.memory(seed, 1200, 1, 2, t -> 160 + 3 * Math.max(0, t - 600) / 60);
    LeakVerdict verdict = JUDGE.judge(series);
    assertThat(verdict.kind()).isEqualTo(Kind.LEAK);
    // the reported rate is the current one, not diluted by the flat first half
    assertThat(verdict.slopeMibPerHour()).isBetween(120.0, 240.0);
  }

  @Test
  void longCoarseSeriesAreJudgedOnTheirFloor() {
    // 24 hours every 10 s with a daily wobble
    Series flat =
        Shapes.memory(7, 86_400, 10, 2, t -> 160 + 5 * Math.sin(2 * Math.PI * t / 86_400));
    Series leaking = Shapes.memory(7, 86_400, 10, 2, t -> 160 + 10 * t / 3600);
    assertThat(judge(flat)).isEqualTo(Kind.STABLE);
    LeakVerdict verdict = JUDGE.judge(leaking);
    assertThat(verdict.kind()).isEqualTo(Kind.LEAK);
    assertThat(verdict.slopeMibPerHour()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void hundredThousandPointsAreFast() {
    Series series = Shapes.memory(3, 100_000, 1, 2, t -> 160 + 2 * t / 3600);
    long start = System.nanoTime();
    LeakVerdict verdict = JUDGE.judge(series);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(verdict.kind()).isEqualTo(Kind.LEAK);
  }

  @Test
  void tooShortIsNotJudgedAndGivesNoSlope() {
    LeakVerdict verdict = JUDGE.judge(Shapes.memory(1, 120, 1, 2, t -> 160 + t));
    assertThat(verdict.kind()).isEqualTo(Kind.NOT_JUDGED);
    assertThat(verdict.word()).isEqualTo("not-judged");
    assertThat(verdict.slopeMibPerHour()).isZero();
    assertThat(verdict.evidence())
        .startsWith("not judged (2 min < 5 min): ")
        .contains("would be an extrapolation");
  }

  @Test
  void aJudgedSlopeIsInMibPerHourWithItsShareOfTheBaselineAndItsSignificanceLevel() {
    // 160 MB floor growing 20 MB/hour over 20 min: 19.07 MiB/hour on a 152.6 MiB floor
    LeakVerdict verdict = JUDGE.judge(Shapes.memory(1, 1200, 1, 0.5, t -> 160 + 20 * t / 3600));
    assertThat(verdict.kind()).as(verdict.evidence()).isEqualTo(Kind.LEAK);
    assertThat(verdict.slopeMibPerHour()).isBetween(17.0, 21.0);
    assertThat(verdict.baselineMib()).isBetween(150.0, 157.0);
    assertThat(verdict.slopePercentPerHour())
        .isCloseTo(
            100 * verdict.slopeMibPerHour() / verdict.baselineMib(),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(verdict.evidence())
        .contains("MiB/hour")
        .doesNotContain(" MB")
        .contains("%/hour of its")
        .contains("< α=0.01")
        .contains("extrapolated from 20 min");
  }

  @Test
  void aFlatSeriesPrintsItsPValueAgainstTheSignificanceLevel() {
    LeakVerdict verdict = JUDGE.judge(Shapes.memory(2, 7200, 5, 0.5, t -> 160));
    assertThat(verdict.kind()).as(verdict.evidence()).isEqualTo(Kind.STABLE);
    assertThat(verdict.evidence()).containsPattern("p=0\\.\\d{4} ≥ α=0\\.01");
    assertThat(verdict.evidence()).doesNotContain("extrapolated");
  }

  @Test
  void tooFewPointsIsInconclusive() {
    LeakVerdict verdict = JUDGE.judge(Shapes.memory(1, 600, 60, 2, t -> 160 + t));
    assertThat(verdict.kind()).isEqualTo(Kind.INCONCLUSIVE);
  }

  @Test
  void growthBelowTheMinimumEffectIsStable() {
    Series series = Shapes.memory(1, 7200, 1, 0.2, t -> 160 + 1.2 * t / 3600);
    assertThat(
            JUDGE
                .withMinimumSlopeMibPerHour(0.5)
                .withMinimumRelativeSlopePercentPerHour(0)
                .judge(series)
                .kind())
        .isEqualTo(Kind.LEAK);
    LeakVerdict verdict = JUDGE.judge(series); // 1 % of 160 MB is 1.6 MB/hour
    assertThat(verdict.kind()).isEqualTo(Kind.STABLE);
    assertThat(verdict.evidence()).contains("below the minimum effect");
  }

  @Test
  void warmUpCanBeExcluded() {
    Series series = Shapes.memory(1, 900, 1, 1, t -> t < 120 ? 160 + t / 2 : 220);
    assertThat(JUDGE.withWarmUp(Duration.ofMinutes(3)).judge(series).kind()).isEqualTo(Kind.STABLE);
  }

  @Test
  void rejectsACpuSeries() {
    Series cpu = Shapes.cpu(1, 600, 1, t -> 5);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> JUDGE.judge(cpu));
  }
}
