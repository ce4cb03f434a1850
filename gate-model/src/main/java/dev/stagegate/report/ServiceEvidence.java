package dev.stagegate.report;

import java.util.List;

/**
 * What a gate saw of one compose service, captured before teardown.
 *
 * @param service the compose service name
 * @param container the container name, e.g. {@code sgabc123_api_1}
 * @param oneShot whether the service is a one-shot job (see the README: {@code restart: "no"} and
 *     exited 0, or labelled {@code dev.stagegate.one-shot})
 * @param state the container state, e.g. {@code running}, {@code exited}
 * @param health the healthcheck status ({@code healthy}, {@code unhealthy}, {@code starting}) or
 *     {@code none} without a healthcheck
 * @param restartCount restarts the engine counted during the gate
 * @param exitCode the last exit code, or {@code null} when it never exited
 * @param oomKilled whether the kernel OOM killer killed it
 * @param healthLog the last healthcheck runs (raw output)
 * @param stats the {@code docker stats} snapshot at the end, or {@code null} when not running
 * @param findings log findings, capped; see {@code findingsTotal}
 * @param findingsTotal how many findings there were in all (may exceed {@code findings.size()})
 * @param lastLogLines the last lines of the service's log (stdout and stderr)
 * @param totalLogLines how many log lines the service printed in all
 */
public record ServiceEvidence(
    String service,
    String container,
    boolean oneShot,
    String state,
    String health,
    int restartCount,
    Integer exitCode,
    boolean oomKilled,
    List<HealthProbe> healthLog,
    StatsSnapshot stats,
    List<LogFinding> findings,
    long findingsTotal,
    List<String> lastLogLines,
    long totalLogLines) {
  public ServiceEvidence {
    healthLog = List.copyOf(healthLog);
    findings = List.copyOf(findings);
    lastLogLines = List.copyOf(lastLogLines);
  }
}
