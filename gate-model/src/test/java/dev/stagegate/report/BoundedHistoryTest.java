package dev.stagegate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedHistoryTest {

  @Test
  void emptyHistoryHasNoBucketsAndNoLatest() {
    BoundedHistory history = new BoundedHistory();
    assertThat(history.buckets()).isEmpty();
    assertThat(history.sampleCount()).isZero();
    assertThat(history.latest()).isEmpty();
    assertThat(history.latestTSeconds()).isEmpty();
    assertThat(history.maxBuckets()).isEqualTo(256);
    assertThat(history.downsample(100)).isEmpty();
  }

  @Test
  void shortRunKeepsOneBucketPerSample() {
    BoundedHistory history = new BoundedHistory(8);
    for (int t = 0; t < 5; t++) {
      history.add(100 + t, t * 10);
    }
    List<HistoryBucket> buckets = history.buckets();
    assertThat(buckets).hasSize(5);
    assertThat(buckets.get(2)).isEqualTo(new HistoryBucket(102, 102, 1, 20, 20, 20));
    assertThat(history.latest()).hasValue(40);
    assertThat(history.latestTSeconds()).hasValue(104);
    assertThat(history.bucketWidthSeconds()).isEqualTo(1.0);
  }

  @Test
  void fullHistoryMergesAdjacentPairsAndDoublesTheWidth() {
    BoundedHistory history = new BoundedHistory(4);
    for (int t = 0; t < 4; t++) {
      history.add(t, t);
    }
    assertThat(history.buckets()).hasSize(4);
    history.add(4, 4);
    assertThat(history.bucketWidthSeconds()).isEqualTo(2.0);
    assertThat(history.buckets())
        .containsExactly(
            new HistoryBucket(0, 1, 2, 0, 0.5, 1),
            new HistoryBucket(2, 3, 2, 2, 2.5, 3),
            new HistoryBucket(4, 4, 1, 4, 4, 4));
  }

  @Test
  void aDayAt1HzStaysWithinTheBucketBoundAndSummarisesExactly() {
    BoundedHistory history = new BoundedHistory(256);
    Random random = new Random(1);
    double globalMin = Double.MAX_VALUE;
    double globalMax = -Double.MAX_VALUE;
    double total = 0;
    for (int t = 0; t < 86_400; t++) {
      double v = 1000 + random.nextGaussian() * 10;
      globalMin = Math.min(globalMin, v);
      globalMax = Math.max(globalMax, v);
      total += v;
      history.add(t, v);
    }
    List<HistoryBucket> buckets = history.buckets();
    assertThat(buckets).hasSizeBetween(128, 256);
    assertThat(history.sampleCount()).isEqualTo(86_400);
    assertThat(buckets.stream().mapToLong(HistoryBucket::count).sum()).isEqualTo(86_400);
    assertThat(buckets.stream().mapToDouble(HistoryBucket::min).min().orElseThrow())
        .isEqualTo(globalMin);
    assertThat(buckets.stream().mapToDouble(HistoryBucket::max).max().orElseThrow())
        .isEqualTo(globalMax);
    double weightedMean =
        buckets.stream().mapToDouble(b -> b.mean() * b.count()).sum() / history.sampleCount();
    assertThat(weightedMean).isCloseTo(total / 86_400, within(1e-9));
    assertThat(buckets.get(0).tStartSeconds()).isZero();
    assertThat(buckets.get(buckets.size() - 1).tEndSeconds()).isEqualTo(86_399);
    for (int i = 1; i < buckets.size(); i++) {
      assertThat(buckets.get(i).tStartSeconds()).isGreaterThan(buckets.get(i - 1).tEndSeconds());
    }
    // 86 400 s in <= 256 buckets: width 512 s (1 s doubled 9 times), all full but the last.
    assertThat(history.bucketWidthSeconds()).isEqualTo(512.0);
    assertThat(buckets.subList(0, buckets.size() - 1)).allMatch(b -> b.count() == 512);
  }

  @Test
  void gapsLeaveNoEmptyBucketsAndAFarSampleMergesAsOftenAsNeeded() {
    BoundedHistory history = new BoundedHistory(4);
    history.add(0, 1);
    history.add(1_000_000, 2);
    assertThat(history.buckets())
        .extracting(HistoryBucket::count, HistoryBucket::mean)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 1.0),
            org.assertj.core.groups.Tuple.tuple(1L, 2.0));
    assertThat(history.bucketWidthSeconds()).isGreaterThan(1_000_000 / 4.0);
  }

  @Test
  void outOfOrderSamplesLandInTheBucketOfTheirTime() {
    BoundedHistory history = new BoundedHistory(8);
    history.add(10, 1);
    history.add(12, 3);
    history.add(11, 2);
    history.add(5, 0);
    assertThat(history.buckets())
        .extracting(HistoryBucket::tStartSeconds)
        .containsExactly(5.0, 11.0, 12.0);
    assertThat(history.buckets().get(0).count()).isEqualTo(2);
    assertThat(history.latest()).hasValue(3);
  }

  @Test
  void downsampleMergesEqualSharesOfAdjacentBuckets() {
    BoundedHistory history = new BoundedHistory(256);
    for (int t = 0; t < 250; t++) {
      history.add(t, t);
    }
    List<HistoryBucket> points = history.downsample(100);
    assertThat(points).hasSize(100);
    assertThat(points.stream().mapToLong(HistoryBucket::count).sum()).isEqualTo(250);
    assertThat(points.get(0).tStartSeconds()).isZero();
    assertThat(points.get(99).tEndSeconds()).isEqualTo(249);
    assertThat(points).allMatch(p -> p.count() == 2 || p.count() == 3);
    assertThat(history.downsample(1000)).hasSize(250);
    HistoryBucket all = history.downsample(1).get(0);
    assertThat(all.count()).isEqualTo(250);
    assertThat(all.mean()).isCloseTo(124.5, within(1e-9));
    assertThat(all.tEndSeconds()).isEqualTo(249);
  }

  @Test
  void bucketsAreAnImmutableCopy() {
    BoundedHistory history = new BoundedHistory();
    history.add(0, 1);
    List<HistoryBucket> buckets = history.buckets();
    history.add(1, 2);
    assertThat(buckets).hasSize(1);
    assertThatThrownBy(() -> buckets.add(buckets.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new BoundedHistory(1)).hasMessageContaining("maxBuckets");
    assertThatThrownBy(() -> new BoundedHistory(8, 0)).hasMessageContaining("initialWidth");
    BoundedHistory history = new BoundedHistory();
    assertThatThrownBy(() -> history.add(0, Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> history.add(Double.POSITIVE_INFINITY, 1))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> history.downsample(0)).hasMessageContaining("maxPoints");
    assertThatThrownBy(() -> new HistoryBucket(0, 1, 0, 1, 1, 1)).hasMessageContaining("count");
    assertThatThrownBy(() -> new HistoryBucket(2, 1, 1, 1, 1, 1)).hasMessageContaining("after");
    assertThatThrownBy(() -> new HistoryBucket(0, 1, 1, 2, 1, 3)).hasMessageContaining("min");
  }
}
