package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.HistoryBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The judges on {@link BoundedHistory} buckets instead of raw samples: the same verdicts, in the
 * memory of a few hundred buckets.
 */
class HistoryJudgingTest {
  private static final Path BENCH =
      Path.of(System.getProperty("user.dir")).resolve("../../shared/leak-bench").normalize();

  private static final double MB = 1_000_000;

  /** Every labelled leak-bench series, fed sample by sample through a small history. */
  @ParameterizedTest(name = "{0} buckets")
  @ValueSource(ints = {64, 256})
  void leakBenchVerdictsSurviveTheHistory(int maxBuckets) throws Exception {
    Path manifest = BENCH.resolve("manifest.csv");
    assumeTrue(Files.isRegularFile(manifest), "no leak-bench at " + BENCH);
    List<String> lines = Files.readAllLines(manifest);
    List<String> mismatches = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    int total = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", 4);
      Series raw = SeriesCsv.read(BENCH.resolve(fields[0]));
      BoundedHistory history = new BoundedHistory(maxBuckets);
      for (int i = 0; i < raw.size(); i++) {
        history.add(raw.tSeconds(i), raw.value(i));
      }
      Series series = Series.fromHistory(raw.metric(), history.buckets()).withLabel(fields[0]);
      String sentence;
      String actual;
      if (series.metric() == Metric.MEMORY_BYTES) {
        LeakVerdict verdict = MemoryLeakJudge.defaults().judge(series);
        actual = verdict.word();
        sentence = verdict.evidence();
      } else {
        CpuTrendVerdict verdict = CpuTrendJudge.defaults().judge(series);
        actual = verdict.word();
        sentence = verdict.evidence();
      }
      total++;
      verdicts.add(sentence);
      if (!actual.equals(fields[2])) {
        mismatches.add(fields[0] + ": expected " + fields[2] + " but was " + actual);
      }
    }
    assertThat(total).isPositive();
    assertThat(mismatches)
        .as("%d of %d wrong; verdicts:%n%s", mismatches.size(), total, String.join("\n", verdicts))
        .isEmpty();
  }

  @Test
  void aDayAt1HzWithA10MbPerHourLeakUnderASawtoothIsALeak() {
    BoundedHistory history = day(2, 10);
    LeakVerdict verdict =
        MemoryLeakJudge.defaults()
            .judge(Series.fromHistory(Metric.MEMORY_BYTES, history.buckets()).withLabel("worker"));
    assertThat(history.buckets()).hasSizeLessThanOrEqualTo(256);
    assertThat(verdict.kind()).as(verdict.evidence()).isEqualTo(LeakVerdict.Kind.LEAK);
    assertThat(verdict.slopeMibPerHour()).isBetween(8.0, 12.0);
  }

  @Test
  void aFlatDayAt1HzUnderASawtoothIsStable() {
    BoundedHistory history = day(3, 0);
    LeakVerdict verdict =
        MemoryLeakJudge.defaults()
            .judge(Series.fromHistory(Metric.MEMORY_BYTES, history.buckets()).withLabel("worker"));
    assertThat(verdict.kind()).as(verdict.evidence()).isEqualTo(LeakVerdict.Kind.STABLE);
  }

  @Test
  void aFlatDayOfNoisyCpuIsStableAndACreepIsATrend() {
    for (double creep : new double[] {0, 2}) {
      Random random = new Random(4);
      BoundedHistory history = new BoundedHistory(64);
      for (int t = 0; t < 86_400; t++) {
        double spike = t % 60 == 0 ? 60 : 0;
        history.add(t, 10 + creep * t / 3600.0 + 3 * random.nextGaussian() + spike);
      }
      CpuTrendVerdict verdict =
          CpuTrendJudge.defaults()
              .judge(Series.fromHistory(Metric.CPU_PERCENT, history.buckets()).withLabel("api"));
      assertThat(verdict.kind())
          .as(verdict.evidence())
          .isEqualTo(creep > 0 ? CpuTrendVerdict.Kind.TREND : CpuTrendVerdict.Kind.STABLE);
    }
  }

  @Test
  void memoryUsesTheBucketMinAndLeavesOutAPartialLastBucket() {
    List<HistoryBucket> buckets =
        List.of(
            new HistoryBucket(0, 9, 10, 100, 150, 200),
            new HistoryBucket(10, 19, 10, 110, 160, 210),
            new HistoryBucket(20, 29, 10, 120, 170, 220),
            new HistoryBucket(30, 31, 2, 180, 190, 200));
    Series memory = Series.fromHistory(Metric.MEMORY_BYTES, buckets);
    assertThat(memory.values()).containsExactly(100, 110, 120);
    assertThat(memory.tSeconds()).containsExactly(4.5, 14.5, 24.5);
    assertThat(memory.isAggregated()).isTrue();
    Series cpu = Series.fromHistory(Metric.CPU_PERCENT, buckets);
    assertThat(cpu.values()).containsExactly(150, 160, 170, 190);
    Series peaks = Series.fromHistory(Metric.MEMORY_BYTES, buckets, HistoryBucket::max);
    assertThat(peaks.values()).containsExactly(200, 210, 220, 200);
    assertThat(Series.memory(new double[] {0}, new double[] {1}).isAggregated()).isFalse();
  }

  /** 24 hours at 1 Hz of a 60 s, 30 MB sawtooth over a floor rising {@code leakMbPerHour}. */
  private static BoundedHistory day(long seed, double leakMbPerHour) {
    Random random = new Random(seed);
    BoundedHistory history = new BoundedHistory();
    for (int t = 0; t < 86_400; t++) {
      double mb = 200 + leakMbPerHour * t / 3600.0 + 30 * (t % 60) / 60.0;
      history.add(t, (mb + 0.5 * random.nextGaussian()) * MB);
    }
    assertThat(history.sampleCount()).isEqualTo(86_400);
    return history;
  }
}
