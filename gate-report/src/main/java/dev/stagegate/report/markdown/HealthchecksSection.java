package dev.stagegate.report.markdown;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/**
 * The healthcheck runs the engine kept, summarised: how many per service and whether all exited 0;
 * a failed run is quoted in a table with its output (why a service was unhealthy). Passing runs are
 * counted, not listed: their rows said nothing a count does not, and the JSON twin keeps each one.
 */
final class HealthchecksSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    int runs = 0;
    List<String> perService = new ArrayList<>();
    List<List<String>> failed = new ArrayList<>();
    for (ServiceEvidence s : gate.services()) {
      if (s.healthLog().isEmpty()) {
        continue;
      }
      runs += s.healthLog().size();
      int bad = 0;
      for (HealthProbe probe : s.healthLog()) {
        if (probe.exitCode() != 0) {
          bad++;
          failed.add(
              List.of(
                  MarkdownText.cell(s.service()),
                  MarkdownText.cell(String.valueOf(probe.start())),
                  String.valueOf(probe.exitCode()),
                  MarkdownText.cell(probe.output())));
        }
      }
      perService.add(
          MarkdownText.text(s.service())
              + " "
              + s.healthLog().size()
              + (bad == 0 ? "" : " (" + bad + " failed)"));
    }
    if (runs == 0) {
      return;
    }
    doc.heading(3, "Healthchecks");
    String counted =
        runs
            + (runs == 1 ? " healthcheck run" : " healthcheck runs")
            + " kept by the engine ("
            + String.join(", ", perService)
            + ")";
    if (failed.isEmpty()) {
      doc.paragraph(counted + ": all exited 0.");
      return;
    }
    doc.paragraph(
        counted + ": " + failed.size() + " of " + runs + " failed (nonzero exit), quoted here:");
    doc.table(List.of("Service", "Started", "Exit code", "Output"), failed);
  }
}
