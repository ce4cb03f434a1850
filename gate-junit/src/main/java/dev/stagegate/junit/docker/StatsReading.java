package dev.stagegate.junit.docker;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import dev.stagegate.report.StatsSnapshot;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns the engine's raw stats into the numbers {@code docker stats} prints: CPU percent from the
 * delta to the previous reading, memory without the page cache.
 */
final class StatsReading {
  private StatsReading() {}

  static StatsSnapshot toSnapshot(Statistics s) {
    return new StatsSnapshot(
        cpuPercent(s.getCpuStats(), s.getPreCpuStats()),
        memoryUsed(s.getMemoryStats()),
        s.getMemoryStats() == null || s.getMemoryStats().getLimit() == null
            ? 0
            : s.getMemoryStats().getLimit(),
        StackInspector.sum(s.getNetworks(), true),
        StackInspector.sum(s.getNetworks(), false),
        s.getPidsStats() == null || s.getPidsStats().getCurrent() == null
            ? 0
            : s.getPidsStats().getCurrent());
  }

  /** Same formula as the docker CLI: container delta / system delta × online CPUs × 100. */
  static double cpuPercent(CpuStatsConfig cpu, CpuStatsConfig pre) {
    if (cpu == null || pre == null || cpu.getCpuUsage() == null || pre.getCpuUsage() == null) {
      return 0;
    }
    Long total = cpu.getCpuUsage().getTotalUsage();
    Long preTotal = pre.getCpuUsage().getTotalUsage();
    Long system = cpu.getSystemCpuUsage();
    Long preSystem = pre.getSystemCpuUsage();
    if (total == null || preTotal == null || system == null || preSystem == null) {
      return 0;
    }
    double cpuDelta = total - preTotal;
    double systemDelta = system - preSystem;
    if (cpuDelta <= 0 || systemDelta <= 0) {
      return 0;
    }
    long cpus =
        cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0
            ? cpu.getOnlineCpus()
            : cpu.getCpuUsage().getPercpuUsage() == null
                ? 1
                : cpu.getCpuUsage().getPercpuUsage().size();
    return cpuDelta / systemDelta * cpus * 100.0;
  }

  /**
   * The processes' anonymous memory (heap, stacks, {@code mmap(MAP_ANONYMOUS)}): where a leak
   * grows. Neither page cache (also not the part on the active list that {@code docker stats}
   * counts: a process that keeps reading more files grows it without leaking, and the kernel drops
   * it under pressure) nor shared memory (a database's buffer pool filling up to its configured
   * size, or tmpfs, bounded by {@code shm_size}). cgroup v2: {@code anon}; v1: {@code total_rss}
   * (else {@code rss}). Empty when the engine reports neither.
   */
  static OptionalLong anonymous(Statistics s) {
    MemoryStatsConfig m = s == null ? null : s.getMemoryStats();
    StatsConfig st = m == null ? null : m.getStats();
    if (st == null) {
      return OptionalLong.empty();
    }
    // docker-java maps only cgroup v1's names; the engine's whole answer is in the raw values
    if (s.getRawValues().get("memory_stats") instanceof Map<?, ?> memory
        && memory.get("stats") instanceof Map<?, ?> stats
        && stats.get("anon") instanceof Number anon) {
      return OptionalLong.of(anon.longValue());
    }
    if (st.getTotalRss() != null) {
      return OptionalLong.of(st.getTotalRss());
    }
    if (st.getRss() != null) {
      return OptionalLong.of(st.getRss());
    }
    return OptionalLong.empty();
  }

  /** Usage minus inactive file pages (cgroup v2 and newer CLIs) or minus cache (cgroup v1). */
  static long memoryUsed(MemoryStatsConfig m) {
    if (m == null || m.getUsage() == null) {
      return 0;
    }
    long usage = m.getUsage();
    StatsConfig st = m.getStats();
    if (st != null) {
      if (st.getTotalInactiveFile() != null && st.getTotalInactiveFile() < usage) {
        return usage - st.getTotalInactiveFile();
      }
      if (st.getInactiveFile() != null && st.getInactiveFile() < usage) {
        return usage - st.getInactiveFile();
      }
      if (st.getCache() != null && st.getCache() < usage) {
        return usage - st.getCache();
      }
    }
    return usage;
  }
}
