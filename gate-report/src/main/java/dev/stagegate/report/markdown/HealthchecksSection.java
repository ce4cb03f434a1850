package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.ServiceEvidence;
import java.util.ArrayList;
import java.util.List;

/** The last healthcheck runs the engine kept, per service: why a service was (un)healthy. */
final class HealthchecksSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    List<List<String>> rows = new ArrayList<>();
    for (ServiceEvidence s : gate.services()) {
      for (HealthProbe probe : s.healthLog()) {
        rows.add(
            List.of(
                MarkdownText.cell(s.service()),
                MarkdownText.cell(String.valueOf(probe.start())),
                String.valueOf(probe.exitCode()),
                MarkdownText.cell(probe.output())));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    doc.heading(3, "Healthchecks");
    doc.table(List.of("Service", "Started", "Exit code", "Output"), rows);
  }
}
