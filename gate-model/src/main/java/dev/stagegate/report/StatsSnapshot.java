package dev.stagegate.report;

/**
 * One {@code docker stats} reading of a container.
 *
 * @param cpuPercent CPU use in percent of one core (may exceed 100 on several cores)
 * @param memoryBytes memory in use, cache excluded, as {@code docker stats} shows it
 * @param memoryLimitBytes the container's memory limit (the host's memory when unlimited)
 * @param networkRxBytes bytes received over all interfaces
 * @param networkTxBytes bytes sent over all interfaces
 * @param pids number of processes
 */
public record StatsSnapshot(
    double cpuPercent,
    long memoryBytes,
    long memoryLimitBytes,
    long networkRxBytes,
    long networkTxBytes,
    long pids) {}
