package dev.stagegate.report.redact;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.load.LoadEvidence;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Applies a {@link Redactor} to every free-text field of an audit, giving a new audit that is safe
 * to write ({@code stability_audit.md}, {@code stability_audit.json}, a CI summary).
 *
 * <p>Redacted: failures, check names, details and raw outputs, healthcheck outputs, log findings'
 * lines and each service's last log lines (as one log, so a PEM key spread over lines is masked
 * whole). Kept as they are: identifiers and names that the test code or the engine chose (gate id
 * and display name, compose file and project, service and container names, states, rule names,
 * engine versions) and all numbers and times, so the audit keeps its shape and can be matched with
 * the run.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.defaults().withEnvSecrets(EnvSecrets.fromCompose(compose));
 * AuditFiles.write(ReportRedaction.redact(report, redactor), dir);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportRedaction {
  private ReportRedaction() {}

  /**
   * The report with every gate redacted; schema version, time, change summary and risk assessment
   * unchanged (the risk assessment masks the lines it quotes itself).
   */
  public static AuditReport redact(AuditReport report, Redactor redactor) {
    return new AuditReport(
        report.schemaVersion(),
        report.generatedAt(),
        report.gates().stream().map(g -> redact(g, redactor)).toList(),
        report.changeSummary(),
        report.riskAssessment(),
        report.source());
  }

  /** One gate with its free text redacted. */
  public static GateResult redact(GateResult gate, Redactor redactor) {
    return gate.toBuilder()
        .checks(gate.checks().stream().map(c -> redact(c, redactor)).toList())
        .services(gate.services().stream().map(s -> redact(s, redactor)).toList())
        .failures(redactAll(gate.failures(), redactor))
        .burnIn(gate.burnIn() == null ? null : redact(gate.burnIn(), redactor))
        .build();
  }

  /** A burn-in's free text: why it ended and the trend sentences. */
  private static BurnInEvidence redact(BurnInEvidence b, Redactor redactor) {
    return new BurnInEvidence(
        b.requested(),
        b.planned(),
        b.actual(),
        b.endedAt(),
        redactor.redact(b.endedBecause()),
        b.timeline(),
        b.timelineDropped(),
        b.trends().stream()
            .map(
                t ->
                    t.withEvidence(
                        redactor.redact(t.memoryEvidence()), redactor.redact(t.cpuEvidence())))
            .toList(),
        b.loads().stream().map(l -> redact(l, redactor)).toList(),
        b.baseline() == null ? null : redact(b.baseline(), redactor),
        b.engineInterruption());
  }

  /** The baseline's own run is redacted as a gate; the comparisons carry numbers and names. */
  private static BaselineEvidence redact(BaselineEvidence b, Redactor redactor) {
    return new BaselineEvidence(
        b.ref(),
        b.label(),
        redactor.redact(b.mode()),
        redactor.redact(b.verdict()),
        b.comparisons(),
        b.baselineRun() == null ? null : redact(b.baselineRun(), redactor));
  }

  /** A load's target (a query string may carry a token) and its trend sentence. */
  private static LoadEvidence redact(LoadEvidence l, Redactor redactor) {
    return new LoadEvidence(
        l.service(),
        redactor.redact(l.target()),
        l.requestedRate(),
        l.achievedRate(),
        l.sent(),
        l.completed(),
        l.errors(),
        l.errorKinds(),
        l.p50Ms(),
        l.p95Ms(),
        l.p99Ms(),
        l.maxMs(),
        l.maxErrorRate(),
        l.p99CeilingMs(),
        l.latencyVerdict(),
        redactor.redact(l.latencyEvidence()),
        l.intervals());
  }

  private static CheckResult redact(CheckResult check, Redactor redactor) {
    return new CheckResult(
        redactor.redact(check.name()),
        check.status(),
        redactor.redact(check.detail()),
        redactor.redact(check.rawOutput()));
  }

  private static ServiceEvidence redact(ServiceEvidence s, Redactor redactor) {
    return new ServiceEvidence(
        s.service(),
        s.container(),
        s.oneShot(),
        s.state(),
        s.health(),
        s.restartCount(),
        s.exitCode(),
        s.oomKilled(),
        s.healthLog().stream()
            .map(p -> new HealthProbe(p.start(), p.exitCode(), redactor.redact(p.output())))
            .toList(),
        s.stats(),
        s.findings().stream().map(f -> redact(f, redactor)).toList(),
        s.findingsTotal(),
        redactor.redactLines(s.lastLogLines()),
        s.totalLogLines());
  }

  private static LogFinding redact(LogFinding f, Redactor redactor) {
    return new LogFinding(
        f.service(), f.lineNumber(), f.rule(), redactor.redact(f.line()), f.blockLines());
  }

  /** Each entry on its own: failures are separate sentences, no state runs between them. */
  private static List<String> redactAll(List<String> texts, Redactor redactor) {
    return texts.stream().map(redactor::redact).toList();
  }
}
