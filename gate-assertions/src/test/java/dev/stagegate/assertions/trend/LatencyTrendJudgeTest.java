package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.HistoryBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class LatencyTrendJudgeTest {
  /** One p95 per minute for {@code minutes}, as a load run's intervals give them. */
  private static Series perMinute(int minutes, IntToDoubleFunction p95) {
    List<HistoryBucket> intervals = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      double v = p95.applyAsDouble(m);
      intervals.add(new HistoryBucket(m * 60, m * 60 + 60, 1200, v, v, v));
    }
    return Series.fromHistory(Metric.LATENCY_MS, intervals, HistoryBucket::mean).withLabel("api");
  }

  @Test
  void latencyThatKeepsRisingIsCreep() {
    Random noise = new Random(7);
    Series s = perMinute(40, m -> 20 + 1.5 * m + noise.nextGaussian() * 2);

    LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(s);

    assertThat(v.kind()).as(v.evidence()).isEqualTo(LatencyTrendVerdict.Kind.CREEP);
    assertThat(v.slopeMsPerHour()).isBetween(60.0, 120.0);
    assertThat(v.evidence()).startsWith("Latency of \"api\"");
  }

  @Test
  void noisyButLevelLatencyIsStable() {
    Random noise = new Random(11);
    Series s = perMinute(40, m -> 20 + noise.nextGaussian() * 3 + (m % 9 == 0 ? 40 : 0));

    LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(s);

    assertThat(v.kind()).as(v.evidence()).isEqualTo(LatencyTrendVerdict.Kind.STABLE);
  }

  @Test
  void aRiseSmallerThanTheShareOfTheLevelIsNoCreep() {
    // 200 ms service rising 0.3 ms a minute: 18 ms/hour, under 25 % of 200 ms per hour
    Series s = perMinute(40, m -> 200 + 0.3 * m);

    LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(s);

    assertThat(v.kind()).as(v.evidence()).isNotEqualTo(LatencyTrendVerdict.Kind.CREEP);
    assertThat(v.minimumSlopeMsPerHour()).isGreaterThan(50);
  }

  @Test
  void aRunShorterThanTheMinimumSpanIsNotJudged() {
    Series s = perMinute(3, m -> 20 + 10 * m);

    LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(s);

    assertThat(v.kind()).isEqualTo(LatencyTrendVerdict.Kind.NOT_JUDGED);
    assertThat(v.word()).isEqualTo("not-judged");
    assertThat(v.evidence()).startsWith("not judged (").contains("less than the 5 min");
  }

  @Test
  void warmUpIsLeftOut() {
    Series s = perMinute(40, m -> m < 10 ? 200 - 15 * m : 20);

    LatencyTrendVerdict v =
        LatencyTrendJudge.defaults().withWarmUp(Duration.ofMinutes(10)).judge(s);

    assertThat(v.kind()).as(v.evidence()).isEqualTo(LatencyTrendVerdict.Kind.STABLE);
  }
}
