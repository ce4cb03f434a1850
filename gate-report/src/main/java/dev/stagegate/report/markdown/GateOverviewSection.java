package dev.stagegate.report.markdown;

import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A gate's verdict, what ran where (compose file, project, engine), and its failures. The engine
 * line is left out when every gate of the audit ran on the same engine: the table of gates says it
 * once ({@link #withSharedEngine}).
 */
final class GateOverviewSection implements GateSection {
  private final EngineInfo shared;

  GateOverviewSection() {
    this(null);
  }

  private GateOverviewSection(EngineInfo shared) {
    this.shared = shared;
  }

  /** This section without the engine line of a gate that ran on {@code engine} (null: always). */
  GateOverviewSection withSharedEngine(EngineInfo engine) {
    return new GateOverviewSection(engine);
  }

  /** The engine of a gate as the audit shows it: {@link EngineInfo#unknown()} when not recorded. */
  static EngineInfo engineOf(GateResult gate) {
    return gate.engine() == null ? EngineInfo.unknown() : gate.engine();
  }

  /** {@code Docker 26.1.5 (API 1.45) · docker compose 2.26.1}. */
  static String engineText(EngineInfo engine) {
    return "Docker "
        + MarkdownText.text(engine.engineVersion())
        + " (API "
        + MarkdownText.text(engine.apiVersion())
        + ") · "
        + MarkdownText.text(engine.composeVersion());
  }

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    doc.paragraph(
        "**Verdict: "
            + MarkdownText.text(gate.verdictText())
            + "** · "
            + MarkdownText.text(gate.displayName()));
    EngineInfo engine = engineOf(gate);
    String where =
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
            + HumanDuration.format(gate.duration());
    // two lines, not seven: the same facts, and every gate of an audit has them; the engine once
    // under the table of gates when every gate ran on it
    doc.bullets(
        engine.equals(shared) ? List.of(where) : List.of(where, "Engine: " + engineText(engine)));
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
