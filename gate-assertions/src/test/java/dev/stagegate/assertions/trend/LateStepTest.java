package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A level change in the last blocks of a short watch: undecidable when it is large, no trend when
 * it is smaller than one hour of the minimum effect (an idle service's CPU moving by a fraction of
 * a point, as seen in a 90-second CI burn-in).
 */
class LateStepTest {
  private static Series cpuWithLateStep(double step) {
    int n = 90;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      v[i] = 1.0 + 0.001 * i + (i >= 72 ? step : 0);
    }
    return Series.cpu(t, v);
  }

  private static final CpuTrendJudge JUDGE =
      CpuTrendJudge.defaults().withMinimumSpan(Duration.ofMinutes(1));

  @Test
  void aTinyLateStepIsNoTrend() {
    CpuTrendVerdict v = JUDGE.judge(cpuWithLateStep(0.3));
    assertThat(v.kind()).as(v.evidence()).isEqualTo(CpuTrendVerdict.Kind.STABLE);
    assertThat(v.evidence()).contains("less than one hour of the minimum effect");
  }

  @Test
  void aLargeLateStepIsUndecided() {
    CpuTrendVerdict v = JUDGE.judge(cpuWithLateStep(20));
    assertThat(v.kind()).as(v.evidence()).isEqualTo(CpuTrendVerdict.Kind.INCONCLUSIVE);
  }
}
