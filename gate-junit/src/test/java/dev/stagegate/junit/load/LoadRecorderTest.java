package dev.stagegate.junit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadRecorderTest {
  @Test
  void aQuantileSampleKeepsTheShapeOfTheDistribution() {
    Histogram h = new Histogram(1, 3_600_000_000L, 3);
    for (int i = 1; i <= 10_000; i++) {
      h.recordValue(i * 1000L); // 1 ms .. 10 s, evenly
    }
    double[] sample = LoadRecorder.quantileSample(h, 100);

    assertThat(sample).hasSize(100);
    assertThat(sample[0]).isCloseTo(50, within(1.0));
    assertThat(sample[49]).isCloseTo(4950, within(10.0));
    assertThat(sample[99]).isCloseTo(9950, within(10.0));
    for (int i = 1; i < sample.length; i++) {
      assertThat(sample[i]).isGreaterThanOrEqualTo(sample[i - 1]);
    }
  }

  @Test
  void aSmallRunIsSampledWhole() {
    Histogram h = new Histogram(1, 3_600_000_000L, 3);
    h.recordValue(2000);
    h.recordValue(2000);
    h.recordValue(9000);

    // values come back as HdrHistogram's median equivalent: within its 3 significant digits
    assertThat(LoadRecorder.quantileSample(h, 2000))
        .containsExactly(new double[] {2.0, 2.0, 9.0}, within(0.01));
    assertThat(LoadRecorder.quantileSample(new Histogram(3), 10)).isEmpty();
  }
}
