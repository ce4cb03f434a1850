package dev.stagegate.report.markdown;

import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A gate's verdict, what ran where (compose file, project, engine), and its failures. */
final class GateOverviewSection implements GateSection {
  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    doc.paragraph(
        "**Verdict: "
            + MarkdownText.text(gate.verdictText())
            + "** · "
            + MarkdownText.text(gate.displayName()));
    EngineInfo engine = gate.engine() == null ? EngineInfo.unknown() : gate.engine();
    // two lines, not seven: the same facts, and every gate of an audit has them
    doc.bullets(
        List.of(
            // a post-deploy watch reads a deployed target: what it holds is the engine's URL
            (gate.kind() == GateKind.POST_DEPLOY_WATCH ? "Docker host: " : "Compose file: ")
                + MarkdownText.code(gate.composeFile())
                + " · project "
                + MarkdownText.code(gate.project())
                + " · "
                + gate.kind()
                + " · started "
                + MarkdownText.text(
                    String.valueOf(
                        gate.startedAt() == null
                            ? null
                            : gate.startedAt().truncatedTo(ChronoUnit.SECONDS)))
                + " · took "
                + HumanDuration.format(gate.duration()),
            "Engine: Docker "
                + MarkdownText.text(engine.engineVersion())
                + " (API "
                + MarkdownText.text(engine.apiVersion())
                + ") · "
                + MarkdownText.text(engine.composeVersion())));
    if (!gate.failures().isEmpty()) {
      // a shortened pass lists why it is not PASS, which are no failures
      doc.heading(
          3,
          gate.verdict() == dev.stagegate.report.Verdict.PASS_SHORTENED
              ? "Why not PASS"
              : "Failures");
      doc.bullets(gate.failures().stream().map(MarkdownText::text).toList());
    }
  }
}
