package dev.stagegate.assertions.trend;

/** What a {@link Series} measures; decides which judge applies and in which unit slopes read. */
public enum Metric {
  /** Resident or heap memory in bytes; judged by {@link MemoryLeakJudge}, slopes in MiB/hour. */
  MEMORY_BYTES("memory_bytes", "memory"),
  /** CPU usage in percent; judged by {@link CpuTrendJudge}, slopes in percentage points/hour. */
  CPU_PERCENT("cpu_percent", "CPU"),
  /** Request latency in milliseconds; judged by {@link LatencyTrendJudge}, slopes in ms/hour. */
  LATENCY_MS("latency_ms", "latency");

  private final String csvHeader;
  private final String noun;

  Metric(String csvHeader, String noun) {
    this.csvHeader = csvHeader;
    this.noun = noun;
  }

  /** The value column name in a {@code t_seconds,<column>} CSV file. */
  public String csvHeader() {
    return csvHeader;
  }

  /** How the metric reads in a sentence ("memory", "CPU"). */
  public String noun() {
    return noun;
  }
}
