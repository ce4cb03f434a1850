package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code docker stats} snapshot of each running service at the end of the gate. */
final class ResourceUsageSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    List<List<String>> rows = new ArrayList<>();
    for (ServiceEvidence s : gate.services()) {
      StatsSnapshot stats = s.stats();
      if (stats == null) {
        continue;
      }
      rows.add(
          List.of(
              MarkdownText.cell(s.service()),
              String.format(Locale.ROOT, "%.1f", stats.cpuPercent()),
              ByteSize.mib(stats.memoryBytes())
                  + " / "
                  + ByteSize.mib(stats.memoryLimitBytes())
                  + percentOf(stats.memoryBytes(), stats.memoryLimitBytes()),
              ByteSize.human(stats.networkRxBytes())
                  + " / "
                  + ByteSize.human(stats.networkTxBytes()),
              String.valueOf(stats.pids())));
    }
    if (rows.isEmpty()) {
      return;
    }
    doc.heading(3, "Resource usage");
    doc.table(
        List.of("Service", "CPU %", "Memory used / limit (MiB)", "Net rx / tx", "PIDs"), rows);
  }

  /** How close to its limit a service ran: the number that predicts an OOM kill. */
  private static String percentOf(long used, long limit) {
    if (limit <= 0) {
      return "";
    }
    return String.format(Locale.ROOT, " (%.1f %%)", 100.0 * used / limit);
  }
}
