package dev.stagegate.assertions.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.baseline.MetricComparison.Outcome;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionJudgeTest {
  private static double[] latencies(long seed, int n, double base, double spread) {
    Random r = new Random(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = base + Math.abs(r.nextGaussian()) * spread;
    }
    return out;
  }

  @Test
  void fiftyMillisecondsMoreIsARegressionWithItsSentence() {
    double[] baseline = latencies(1, 600, 20, 5);
    double[] release = latencies(2, 600, 70, 5);

    MetricComparison c =
        RegressionJudge.defaults()
            .compare("api", "p95 latency", "ms", release, baseline, RegressionJudge::p95);

    assertThat(c.outcome()).as(c.evidence()).isEqualTo(Outcome.REGRESSION);
    assertThat(c.sentence()).matches("api p95 latency \\+\\d+ % \\(p < 0\\.001\\)");
    assertThat(c.superiority()).isEqualTo(1.0);
  }

  @Test
  void theSameDistributionIsNoRegression() {
    MetricComparison c =
        RegressionJudge.defaults()
            .compare(
                "api",
                "p95 latency",
                "ms",
                latencies(3, 600, 20, 5),
                latencies(4, 600, 20, 5),
                RegressionJudge::p95);

    assertThat(c.outcome()).as(c.evidence()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(c.superiority()).isBetween(0.4, 0.6);
  }

  @Test
  void aBetterReleaseNeverRegresses() {
    MetricComparison c =
        RegressionJudge.defaults()
            .compare("api", "memory", "MiB", latencies(5, 60, 10, 1), latencies(6, 60, 40, 1));

    assertThat(c.outcome()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(c.changePercent()).isLessThan(-50);
    assertThat(c.pValue()).isGreaterThan(0.99);
  }

  @Test
  void aSignificantButSmallDifferenceIsBelowTheMinimumEffect() {
    // 2 % slower on every one of 5,000 requests: significant, not material at 10 %
    double[] baseline = latencies(7, 5000, 100, 1);
    double[] release = baseline.clone();
    for (int i = 0; i < release.length; i++) {
      release[i] *= 1.02;
    }

    MetricComparison c =
        RegressionJudge.defaults().compare("api", "median latency", "ms", release, baseline);

    assertThat(c.pValue()).isLessThan(0.001);
    assertThat(c.outcome()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(c.evidence()).contains("not worse by the minimum effect");
    assertThat(
            RegressionJudge.defaults()
                .withMinimumEffect(0.01)
                .compare("api", "median latency", "ms", release, baseline)
                .outcome())
        .isEqualTo(Outcome.REGRESSION);
  }

  @Test
  void aLargeEffectOnFewNoisyValuesIsNotSignificant() {
    double[] baseline = {10, 30, 12, 28, 11, 29, 13, 27};
    double[] release = {12, 33, 14, 30, 13, 31, 15, 29};

    MetricComparison c =
        RegressionJudge.defaults().compare("worker", "CPU", "%", release, baseline);

    assertThat(c.outcome()).as(c.evidence()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(c.evidence()).contains("not significantly worse");
  }

  @Test
  void tooFewValuesAreInconclusive() {
    MetricComparison c =
        RegressionJudge.defaults()
            .compare("api", "memory", "MiB", new double[] {1, 2, 3}, latencies(8, 60, 1, 1));

    assertThat(c.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(c.evidence()).contains("3 release and 60 baseline values, at least 8 each");
  }
}
