package dev.stagegate.junit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The engine's stats JSON as cgroup v1 and v2 hosts send it, read the way the gate reads it. */
class StatsReadingTest {
  /** The mapper docker-java's transport reads the engine's answers with (raw values kept). */
  private static final ObjectMapper JSON =
      DefaultDockerClientConfig.createDefaultConfigBuilder().build().getObjectMapper();

  private static Statistics stats(String memoryStats) throws Exception {
    return JSON.readValue("{\"memory_stats\": " + memoryStats + "}", Statistics.class);
  }

  @Test
  void cgroupV1AnonymousMemoryIsTheHierarchicalRssWithoutPageCacheOrSharedMemory()
      throws Exception {
    Statistics s =
        stats(
            """
            {"usage": 74018816, "limit": 25769803776, "stats": {
              "total_active_anon": 68000000, "total_inactive_anon": 800000,
              "total_active_file": 1703936, "total_inactive_file": 2000000,
              "total_rss": 54000000, "total_shmem": 14800000, "total_cache": 18503936,
              "rss": 1}}
            """);

    // a database's shared buffers (shmem) are on the anon lists, but are no process's heap
    assertThat(StatsReading.anonymous(s)).isEqualTo(OptionalLong.of(54_000_000));
    // docker stats leaves out the inactive file pages only: the active ones are in its figure
    assertThat(StatsReading.memoryUsed(s.getMemoryStats())).isEqualTo(72_018_816);
  }

  @Test
  void cgroupV2AnonymousMemoryIsAnonWithoutShmem() throws Exception {
    Statistics s =
        stats(
            """
            {"usage": 30000000, "limit": 25769803776, "stats": {
              "anon": 20000000, "file": 9000000, "shmem": 4000000, "active_anon": 23000000,
              "inactive_anon": 1000000, "active_file": 2000000, "inactive_file": 3000000}}
            """);

    assertThat(StatsReading.anonymous(s)).isEqualTo(OptionalLong.of(20_000_000));
    assertThat(StatsReading.memoryUsed(s.getMemoryStats())).isEqualTo(27_000_000);
    assertThat(s.getMemoryStats().getStats().getRss()).as("v2 has no rss").isNull();
  }

  @Test
  void withoutAnonOrRssThereIsNoAnonymousFigure() throws Exception {
    assertThat(StatsReading.anonymous(stats("{\"usage\": 5}"))).isEmpty();
    assertThat(StatsReading.anonymous(null)).isEmpty();
  }
}
