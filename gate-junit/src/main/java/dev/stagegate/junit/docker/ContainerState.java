package dev.stagegate.junit.docker;

import dev.stagegate.report.HealthProbe;
import java.util.List;

/**
 * What {@code docker inspect} says of a container at one moment.
 *
 * @param status {@code running}, {@code exited}, {@code restarting}, …
 * @param health {@code healthy}, {@code unhealthy}, {@code starting}, or {@code none}
 * @param restartCount restarts the engine made
 * @param exitCode the last exit code, {@code null} while it never exited
 * @param oomKilled whether the OOM killer killed it
 * @param healthLog the last healthcheck runs
 */
public record ContainerState(
    String status,
    String health,
    int restartCount,
    Integer exitCode,
    boolean oomKilled,
    List<HealthProbe> healthLog) {
  public ContainerState {
    healthLog = List.copyOf(healthLog);
  }

  public boolean running() {
    return "running".equals(status);
  }

  public boolean exited() {
    return "exited".equals(status) || "dead".equals(status);
  }

  /** The last healthcheck output, trimmed, or an empty string. */
  public String lastProbeOutput() {
    return healthLog.isEmpty() ? "" : healthLog.get(healthLog.size() - 1).output().strip();
  }
}
