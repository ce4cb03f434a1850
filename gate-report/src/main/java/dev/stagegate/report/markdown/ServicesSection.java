package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.text.ByteSize;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The state of each service at the end of the gate, with its {@code docker stats} snapshot (memory
 * used of the limit, CPU, network, PIDs): one row per service, one table rather than two listing
 * the same services. A limit every service shares is said once in the header. Restarts, exit codes,
 * OOM kills and container names are columns when any service had trouble; otherwise one sentence
 * says there was none, and a one-shot job's exit code 0 stands by its state.
 */
final class ServicesSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    doc.heading(3, "Services");
    if (gate.services().isEmpty()) {
      doc.paragraph("No services were seen.");
      return;
    }
    // restarts, exit codes and OOM kills are columns only when one of them is not 0 / – / no
    boolean quiet =
        gate.services().stream()
            .allMatch(
                s ->
                    s.restartCount() == 0
                        && !s.oomKilled()
                        && (s.exitCode() == null || s.exitCode() == 0));
    // one memory limit for every service (docker stats gives the host's memory when none is set):
    // in the header once, not in every row
    long limit = sharedLimit(gate.services());
    List<List<String>> rows = new ArrayList<>();
    for (ServiceEvidence s : gate.services()) {
      StatsSnapshot stats = s.stats();
      List<String> row = new ArrayList<>();
      row.add(MarkdownText.cell(s.service()) + (s.oneShot() ? " (one-shot)" : ""));
      if (!quiet) {
        row.add(MarkdownText.cell(s.container()));
      }
      row.add(
          MarkdownText.cell(s.state())
              + (quiet && s.exitCode() != null ? " (exit code " + s.exitCode() + ")" : ""));
      row.add(MarkdownText.cell(s.health()));
      if (!quiet) {
        row.add(String.valueOf(s.restartCount()));
        row.add(s.exitCode() == null ? "–" : String.valueOf(s.exitCode()));
        row.add(s.oomKilled() ? "**yes**" : "no");
      }
      row.add(stats == null ? "–" : limit > 0 ? ByteSize.mib(stats.memoryBytes()) : memory(stats));
      row.add(stats == null ? "–" : String.format(Locale.ROOT, "%.1f %%", stats.cpuPercent()));
      row.add(
          stats == null
              ? "–"
              : ByteSize.human(stats.networkRxBytes())
                  + " / "
                  + ByteSize.human(stats.networkTxBytes()));
      row.add(stats == null ? "–" : String.valueOf(stats.pids()));
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("Service"));
    if (!quiet) {
      header.add("Container"); // the name to look for in the engine's own logs
    }
    header.addAll(List.of("State", "Health"));
    if (!quiet) {
      header.addAll(List.of("Restarts", "Exit code", "OOMKilled"));
    }
    header.addAll(
        List.of(
            limit > 0
                ? "Memory used (MiB, limit " + ByteSize.mib(limit) + " each)"
                : "Memory used / limit (MiB)",
            "CPU",
            "Net rx / tx",
            "PIDs"));
    if (quiet) {
      doc.paragraph(
          "No restart, no OOM kill, no nonzero exit (container names: JSON twin →"
              + " `services[].container`).");
    }
    doc.table(header, rows);
  }

  /**
   * The memory limit in bytes that every service with stats shares, when at least two have stats;
   * else 0 (each row then gives its own limit and the share of it used).
   */
  static long sharedLimit(List<ServiceEvidence> services) {
    long limit = 0;
    int withStats = 0;
    for (ServiceEvidence s : services) {
      if (s.stats() == null) {
        continue;
      }
      long l = s.stats().memoryLimitBytes();
      if (l <= 0 || (limit > 0 && l != limit)) {
        return 0;
      }
      limit = l;
      withStats++;
    }
    return withStats >= 2 ? limit : 0;
  }

  private static String memory(StatsSnapshot stats) {
    long limit = stats.memoryLimitBytes();
    return ByteSize.mib(stats.memoryBytes())
        + " / "
        + ByteSize.mib(limit)
        + (limit <= 0
            ? ""
            : String.format(Locale.ROOT, " (%.1f %%)", 100.0 * stats.memoryBytes() / limit));
  }
}
