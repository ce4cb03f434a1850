package dev.stagegate.report;

import java.util.List;

/**
 * The memory and CPU verdicts of one service after a burn-in, with the numbers behind them and the
 * bounded history they were judged on.
 *
 * @param service the compose service
 * @param memoryVerdict {@code leak}, {@code stable} or {@code inconclusive}
 * @param memorySlopeMbPerHour the memory slope the verdict rests on, MB/hour
 * @param memoryEvidence one sentence with the numbers
 * @param cpuVerdict {@code trend}, {@code stable} or {@code inconclusive}
 * @param cpuSlopePointsPerHour the CPU slope, percentage points/hour
 * @param cpuEvidence one sentence with the numbers
 * @param memory memory in bytes over time (bounded buckets)
 * @param cpu CPU percent over time (bounded buckets)
 */
public record ServiceTrend(
    String service,
    String memoryVerdict,
    double memorySlopeMbPerHour,
    String memoryEvidence,
    String cpuVerdict,
    double cpuSlopePointsPerHour,
    String cpuEvidence,
    List<HistoryBucket> memory,
    List<HistoryBucket> cpu) {
  public ServiceTrend {
    memory = List.copyOf(memory);
    cpu = List.copyOf(cpu);
  }
}
