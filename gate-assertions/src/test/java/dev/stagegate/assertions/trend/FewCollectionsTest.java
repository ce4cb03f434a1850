package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A few collection-sized drops in a short watch (an idle shell service whose page cache is
 * reclaimed now and then, as seen in a 90-second CI burn-in): a post-GC floor of three points
 * cannot be judged, so the plain floor of the whole window is, and a leak under the same few drops
 * is still found.
 */
class FewCollectionsTest {
  private static final MemoryLeakJudge JUDGE =
      MemoryLeakJudge.defaults().withMinimumSpan(Duration.ofMinutes(1));

  /** 90 s at 1 Hz around 1.2 MB, with three 60 KB drops that are refilled within seconds. */
  private static Series idleWithDrops(double leakBytesPerSecond) {
    int n = 90;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      double jitter = ((i * 7919) % 13 - 6) * 500.0; // deterministic ±3 KB
      boolean dropped = i % 30 == 20 || i % 30 == 21;
      v[i] = 1_200_000 + jitter + leakBytesPerSecond * i - (dropped ? 60_000 : 0);
    }
    return Series.memory(t, v);
  }

  @Test
  void anIdleServiceWithAFewDropsIsStableNotUndecided() {
    LeakVerdict v = JUDGE.judge(idleWithDrops(0));
    assertThat(v.kind()).as(v.evidence()).isEqualTo(LeakVerdict.Kind.STABLE);
  }

  @Test
  void aLeakUnderAFewDropsIsStillALeak() {
    LeakVerdict v = JUDGE.judge(idleWithDrops(20_000)); // 20 KB/s: 72 MB an hour
    assertThat(v.kind()).as(v.evidence()).isEqualTo(LeakVerdict.Kind.LEAK);
  }
}
