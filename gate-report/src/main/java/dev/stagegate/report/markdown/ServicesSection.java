package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The state of each service at the end of the gate, with its {@code docker stats} snapshot (memory
 * used of the limit, CPU, network, PIDs): one row per service, one table rather than two listing
 * the same services.
 */
final class ServicesSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    doc.heading(3, "Services");
    if (gate.services().isEmpty()) {
      doc.paragraph("No services were seen.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ServiceEvidence s : gate.services()) {
      StatsSnapshot stats = s.stats();
      rows.add(
          List.of(
              MarkdownText.cell(s.service()) + (s.oneShot() ? " (one-shot)" : ""),
              MarkdownText.cell(s.container()),
              MarkdownText.cell(s.state()),
              MarkdownText.cell(s.health()),
              String.valueOf(s.restartCount()),
              s.exitCode() == null ? "–" : String.valueOf(s.exitCode()),
              s.oomKilled() ? "**yes**" : "no",
              stats == null ? "–" : memory(stats),
              stats == null ? "–" : String.format(Locale.ROOT, "%.1f %%", stats.cpuPercent()),
              stats == null
                  ? "–"
                  : ByteSize.human(stats.networkRxBytes())
                      + " / "
                      + ByteSize.human(stats.networkTxBytes()),
              stats == null ? "–" : String.valueOf(stats.pids())));
    }
    doc.table(
        List.of(
            "Service",
            "Container",
            "State",
            "Health",
            "Restarts",
            "Exit code",
            "OOMKilled",
            "Memory used / limit (MiB)",
            "CPU",
            "Net rx / tx",
            "PIDs"),
        rows);
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
