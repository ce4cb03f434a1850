package dev.stagegate.assertions.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.assertions.trend.LatencyTrendJudge;
import dev.stagegate.assertions.trend.LatencyTrendVerdict;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadJudgeTest {
  private static LoadEvidence evidence(
      double achieved, long completed, long errors, double p99, double ceiling, String verdict) {
    return new LoadEvidence(
        "api",
        "GET api:8000/list",
        20,
        achieved,
        completed,
        completed,
        errors,
        errors == 0 ? Map.of() : Map.of("status 503", errors),
        5,
        9,
        p99,
        p99 * 2,
        0.01,
        ceiling,
        verdict,
        "Latency of \"GET api:8000/list\" grows 90.0 ms/hour.",
        List.of());
  }

  @Test
  void aHealthyRunHasNoProblem() {
    LoadEvidence ok = evidence(20, 1200, 1, 30, 500, "stable");

    assertThat(LoadJudge.failures(ok)).isEmpty();
    assertThat(LoadJudge.inconclusive(ok)).isEmpty();
  }

  @Test
  void tooManyErrorsFailWithTheShareAndTheKinds() {
    assertThat(LoadJudge.failures(evidence(20, 1200, 36, 30, 0, "stable")))
        .containsExactly(
            "Expecting at most 1.00 % of GET api:8000/list to fail under load but 3.00 % did (36"
                + " of 1200 requests: status 503 × 36)");
  }

  @Test
  void aP99OverTheCeilingFailsWithThePercentiles() {
    assertThat(LoadJudge.failures(evidence(20, 1200, 0, 612.5, 500, "stable")))
        .containsExactly(
            "Expecting p99 latency of GET api:8000/list to be at most 500.0 ms under 20"
                + " requests/s but it was 612.5 ms (p50 5.0 ms, p95 9.0 ms, max 1225.0 ms over 1200"
                + " requests)");
  }

  @Test
  void creepFailsAndAnUndecidedTrendOrAThinLoadIsInconclusive() {
    assertThat(LoadJudge.failures(evidence(20, 1200, 0, 30, 0, "creep")))
        .singleElement()
        .asString()
        .startsWith("Expecting latency of GET api:8000/list to show no upward trend");
    assertThat(LoadJudge.inconclusive(evidence(15, 900, 0, 30, 0, "inconclusive")))
        .hasSize(2)
        .anySatisfy(s -> assertThat(s).contains("sent 15.00 requests/s").contains("less than 95 %"))
        .anySatisfy(
            s -> assertThat(s).startsWith("Latency trend of GET api:8000/list is inconclusive"));
    assertThat(LoadJudge.inconclusive(evidence(20, 0, 0, 0, 0, "stable")))
        .contains(
            "No request of GET api:8000/list completed: the load says nothing about the stack");
  }

  @Test
  void theTrendFollowsEachIntervalsMedianAndLeavesOutAPartialLastInterval() {
    List<LoadInterval> intervals = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      // medians rise 30 ms per interval; p95s jump around and the last, cut interval is huge
      intervals.add(
          new LoadInterval(
              i * 2, i * 2 + 2, 40, 40, 0, 20 + 30 * i, i % 2 == 0 ? 900 : 40, 950, 990));
    }
    intervals.add(new LoadInterval(30, 30.05, 1, 1, 0, 1, 1, 1, 1));

    LatencyTrendVerdict v =
        LoadJudge.latencyTrend(
            intervals, "api", LatencyTrendJudge.defaults().withMinimumSpan(Duration.ofSeconds(20)));

    assertThat(v.kind()).as(v.evidence()).isEqualTo(LatencyTrendVerdict.Kind.CREEP);
    assertThat(v.endMs()).isGreaterThan(400);
  }
}
