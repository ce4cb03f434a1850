package dev.stagegate.report;

import java.util.List;

/**
 * The resource history of one service over a gate, as {@link BoundedHistory} buckets: the data of
 * its charts.
 *
 * <pre>{@code
 * ServiceSeries api = new ServiceSeries(memoryHistory.buckets(), cpuHistory.buckets());
 * }</pre>
 *
 * @param memoryBytes memory in use, in bytes, per bucket; may be empty
 * @param cpuPercent CPU use in percent of one core, per bucket; may be empty
 */
public record ServiceSeries(List<HistoryBucket> memoryBytes, List<HistoryBucket> cpuPercent) {
  public ServiceSeries {
    memoryBytes = memoryBytes == null ? List.of() : List.copyOf(memoryBytes);
    cpuPercent = cpuPercent == null ? List.of() : List.copyOf(cpuPercent);
  }

  /** Whether there is nothing to chart. */
  public boolean isEmpty() {
    return memoryBytes.isEmpty() && cpuPercent.isEmpty();
  }
}
