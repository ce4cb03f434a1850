package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricHookTest {
  private static final String METRICS =
      """
      # HELP system_state_status 0 when the system is consistent.
      # TYPE system_state_status gauge
      system_state_status 0
      # HELP db_pool_ready Whether a pool has idle connections.
      # TYPE db_pool_ready gauge
      db_pool_ready{pool="primary",note="say \\"hi\\", {ok}"} 1
      db_pool_ready{pool="replica",note=""} 0 1395066363000
      queue_lag_seconds NaN
      request_duration_seconds_bucket{le="+Inf"} 1.027e3
      """;

  private static LocalHttp http;

  @BeforeAll
  static void serve() throws IOException {
    http =
        new LocalHttp()
            .answer("/metrics", 200, METRICS)
            .answer("/broken", 200, "system_state_status{ 0\n")
            .answer("/down", 503, "starting");
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static HookResult run(MetricHook hook) {
    return HookRunner.of(hook.named("state")).run().results().get(0);
  }

  @Test
  void anExpectedValuePasses() {
    HookResult r =
        run(MetricHook.prometheus(http.uri("/metrics")).expect("system_state_status", 0));

    assertThat(r.status()).isEqualTo(HookStatus.PASS);
    assertThat(r.detail()).isEqualTo("metric system_state_status is 0");
    assertThat(r.evidence()).isEqualTo("system_state_status 0");
  }

  @Test
  void aMissingMetricListsTheMetricsPresent() {
    HookResult r = run(MetricHook.prometheus(http.uri("/metrics")).expect("system_state", 0));

    assertThat(r.sentence())
        .isEqualTo(
            "hook \"state\" failed: metric system_state not found; metrics present:"
                + " system_state_status, db_pool_ready, queue_lag_seconds,"
                + " request_duration_seconds_bucket");
  }

  @Test
  void labelMatchersSelectSeriesWithTrickyLabels() {
    HookResult primary =
        run(
            MetricHook.prometheus(http.uri("/metrics"))
                .expect("db_pool_ready{note=\"say \\\"hi\\\", {ok}\"}", 1));
    assertThat(primary.status()).isEqualTo(HookStatus.PASS);

    HookResult replica =
        run(
            MetricHook.prometheus(http.uri("/metrics"))
                .expect("db_pool_ready{pool=\"replica\"}", 1));
    assertThat(replica.detail())
        .isEqualTo("metric db_pool_ready{pool=\"replica\",note=\"\"} expected 1 but was 0");

    HookResult absent =
        run(MetricHook.prometheus(http.uri("/metrics")).expect("db_pool_ready{pool=\"x\"}", 1));
    assertThat(absent.detail())
        .isEqualTo(
            "metric db_pool_ready{pool=\"x\"} not found; series of db_pool_ready present:"
                + " db_pool_ready{pool=\"primary\",note=\"say \\\"hi\\\", {ok}\"},"
                + " db_pool_ready{pool=\"replica\",note=\"\"}");
  }

  @Test
  void everyMatchingSeriesMustHaveTheValue() {
    HookResult r = run(MetricHook.prometheus(http.uri("/metrics")).expect("db_pool_ready", 1));

    assertThat(r.status()).isEqualTo(HookStatus.FAIL);
    assertThat(r.detail())
        .isEqualTo("metric db_pool_ready{pool=\"replica\",note=\"\"} expected 1 but was 0");
  }

  @Test
  void nanAndInfinityCompareAsValues() {
    HookResult nanExpected =
        run(
            MetricHook.prometheus(http.uri("/metrics"))
                .expect("queue_lag_seconds", Double.NaN)
                .expect("request_duration_seconds_bucket{le=\"+Inf\"}", 1027));
    assertThat(nanExpected.detail())
        .isEqualTo(
            "metric queue_lag_seconds is NaN; metric"
                + " request_duration_seconds_bucket{le=\"+Inf\"} is 1027");

    HookResult nanActual =
        run(MetricHook.prometheus(http.uri("/metrics")).expect("queue_lag_seconds", 0));
    assertThat(nanActual.detail()).isEqualTo("metric queue_lag_seconds expected 0 but was NaN");
  }

  @Test
  void aDifferentValueFails() {
    HookResult r =
        run(MetricHook.prometheus(http.uri("/metrics")).expect("system_state_status", 2));

    assertThat(r.sentence())
        .isEqualTo("hook \"state\" failed: metric system_state_status expected 2 but was 0");
  }

  @Test
  void aMalformedBodyOrABadStatusFails() {
    assertThat(run(MetricHook.prometheus(http.uri("/broken")).expect("x", 0)).detail())
        .startsWith(
            "metrics at "
                + http.uri("/broken")
                + " are not Prometheus text: line 1: expected a label name but found '0'");
    assertThat(run(MetricHook.prometheus(http.uri("/down")).expect("x", 0)).detail())
        .isEqualTo("GET " + http.uri("/down") + " expected status 200 but was 503 with <starting>");
  }

  @Test
  void withoutExpectationsWellFormedMetricsPass() {
    assertThat(run(MetricHook.prometheus(http.uri("/metrics"))).detail())
        .isEqualTo("GET " + http.uri("/metrics") + " returned 5 samples of 4 metrics");
  }
}
