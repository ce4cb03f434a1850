package dev.stagegate.assertions.trend;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Series}; start from {@code
 * dev.stagegate.assertions.TrendAssertions.assertThat(series)}.
 *
 * <pre>{@code
 * assertThat(Series.memory(t, bytes).withLabel("worker")).hasNoLeak();
 * assertThat(Series.cpu(t, percent).withLabel("api"))
 *     .withJudge(CpuTrendJudge.defaults().withMinimumSlopePointsPerHour(5))
 *     .hasNoUpwardTrend();
 * }</pre>
 *
 * <p>An {@code INCONCLUSIVE} verdict fails too: a gate that passes for lack of evidence is no gate.
 * Lower the judge's minimum span, or record longer, when that is the wrong trade-off.
 */
public class SeriesAssert extends AbstractAssert<SeriesAssert, Series> {
  private MemoryLeakJudge memoryJudge = MemoryLeakJudge.defaults();
  private CpuTrendJudge cpuJudge = CpuTrendJudge.defaults();

  public SeriesAssert(Series actual) {
    super(actual, SeriesAssert.class);
  }

  /** Judge memory series with {@code judge} instead of the defaults. */
  public SeriesAssert withJudge(MemoryLeakJudge judge) {
    this.memoryJudge = Objects.requireNonNull(judge, "judge");
    return myself;
  }

  /** Judge CPU series with {@code judge} instead of the defaults. */
  public SeriesAssert withJudge(CpuTrendJudge judge) {
    this.cpuJudge = Objects.requireNonNull(judge, "judge");
    return myself;
  }

  /** Verifies that a memory series shows no leak (and could be judged). */
  public SeriesAssert hasNoLeak() {
    isNotNull();
    if (actual.metric() != Metric.MEMORY_BYTES) {
      failWithMessage("Expecting a memory series to judge for leaks but got %s", actual);
    }
    LeakVerdict verdict = memoryJudge.judge(actual);
    String subject = subject();
    switch (verdict.kind()) {
      case LEAK ->
          failWithMessage(
              "%s",
              ShouldShowNoLeak.shouldShowNoLeak(
                  subject, verdict.slopeMibPerHour(), verdict.evidence()));
      case INCONCLUSIVE, NOT_JUDGED ->
          failWithMessage("%s", ShouldShowNoLeak.shouldBeJudged(subject, verdict.evidence()));
      case STABLE -> {
        // passes
      }
    }
    return myself;
  }

  /**
   * Verifies that the series does not trend upward: a CPU series shows no {@code TREND}, a memory
   * series no {@code LEAK}. Either also fails when inconclusive.
   */
  public SeriesAssert hasNoUpwardTrend() {
    isNotNull();
    if (actual.metric() == Metric.MEMORY_BYTES) {
      return hasNoLeak();
    }
    CpuTrendVerdict verdict = cpuJudge.judge(actual);
    String subject = subject();
    switch (verdict.kind()) {
      case TREND ->
          failWithMessage(
              "%s",
              ShouldShowNoUpwardTrend.shouldShowNoUpwardTrend(
                  subject, verdict.slopePointsPerHour(), verdict.evidence()));
      case INCONCLUSIVE, NOT_JUDGED ->
          failWithMessage(
              "%s", ShouldShowNoUpwardTrend.shouldBeJudged(subject, verdict.evidence()));
      case STABLE -> {
        // passes
      }
    }
    return myself;
  }

  private String subject() {
    String noun = actual.metric().noun();
    return actual.label() == null ? noun : noun + " of \"" + actual.label() + "\"";
  }
}
