package dev.stagegate.junit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The engine's stats JSON as cgroup v1 and v2 hosts send it, read the way the gate reads it. */
class StatsReadingTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static Statistics stats(String memoryStats) throws Exception {
    return JSON.readValue("{\"memory_stats\": " + memoryStats + "}", Statistics.class);
  }

  @Test
  void cgroupV1AnonymousMemoryIsTheHierarchicalAnonLruWithoutAnyPageCache() throws Exception {
    Statistics s =
        stats(
            """
            {"usage": 74018816, "limit": 25769803776, "stats": {
              "total_active_anon": 68000000, "total_inactive_anon": 800000,
              "total_active_file": 1703936, "total_inactive_file": 2000000,
              "total_rss": 68796000, "total_cache": 3703936,
              "active_anon": 1, "inactive_anon": 1}}
            """);

    assertThat(StatsReading.anonymous(s.getMemoryStats())).isEqualTo(OptionalLong.of(68_800_000));
    // docker stats leaves out the inactive file pages only: the active ones are in its figure
    assertThat(StatsReading.memoryUsed(s.getMemoryStats())).isEqualTo(72_018_816);
  }

  @Test
  void cgroupV2AnonymousMemoryIsActivePlusInactiveAnon() throws Exception {
    Statistics s =
        stats(
            """
            {"usage": 30000000, "limit": 25769803776, "stats": {
              "anon": 20000000, "file": 9000000, "active_anon": 19000000,
              "inactive_anon": 1000000, "active_file": 6000000, "inactive_file": 3000000}}
            """);

    assertThat(StatsReading.anonymous(s.getMemoryStats())).isEqualTo(OptionalLong.of(20_000_000));
    assertThat(StatsReading.memoryUsed(s.getMemoryStats())).isEqualTo(27_000_000);
  }

  @Test
  void withoutTheAnonCountersThereIsNoAnonymousFigure() throws Exception {
    assertThat(StatsReading.anonymous(stats("{\"usage\": 5}").getMemoryStats())).isEmpty();
    assertThat(StatsReading.anonymous(null)).isEmpty();
  }
}
