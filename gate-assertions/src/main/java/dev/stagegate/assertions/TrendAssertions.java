package dev.stagegate.assertions;

import dev.stagegate.assertions.trend.Series;
import dev.stagegate.assertions.trend.SeriesAssert;

/**
 * Entry point for trend assertions.
 *
 * <pre>{@code
 * import static dev.stagegate.assertions.TrendAssertions.assertThat;
 *
 * assertThat(Series.memory(t, bytes).withLabel("worker")).hasNoLeak();
 * assertThat(Series.cpu(t, percent).withLabel("api")).hasNoUpwardTrend();
 * }</pre>
 */
public final class TrendAssertions {
  private TrendAssertions() {}

  /** Assertions on {@code series}. */
  public static SeriesAssert assertThat(Series series) {
    return new SeriesAssert(series);
  }
}
