package dev.stagegate.report;

import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.risk.RiskAssessment;
import java.time.Instant;
import java.util.List;

/**
 * The whole audit: every gate that ran in a module, rendered as {@code stability_audit.md} and
 * {@code stability_audit.json}; optionally with the change under review and its risk.
 *
 * <pre>{@code
 * AuditReport plain = AuditReport.of(gates);
 * AuditReport reviewed = AuditReport.of(gates, change, risk);
 * }</pre>
 *
 * @param schemaVersion version of the JSON form; bumped on incompatible change
 * @param generatedAt when this audit was rendered
 * @param gates every gate, in the order run
 * @param changeSummary what changed since the base; {@code null} when not collected
 * @param riskAssessment how risky that change is; {@code null} when not assessed
 * @param source the repository, branch and commit the gates tested; {@code null} when not read
 */
public record AuditReport(
    int schemaVersion,
    Instant generatedAt,
    List<GateResult> gates,
    ChangeSummary changeSummary,
    RiskAssessment riskAssessment,
    SourceRevision source) {
  /**
   * The schema version this library writes. 2: verdict {@code PASS_SHORTENED}; trend slopes in MiB
   * with baseline, significance and window. Version 1 audits are still read (migrated).
   */
  public static final int SCHEMA_VERSION = 2;

  public AuditReport {
    gates = List.copyOf(gates);
  }

  /** An audit without change summary or risk assessment. */
  public AuditReport(int schemaVersion, Instant generatedAt, List<GateResult> gates) {
    this(schemaVersion, generatedAt, gates, null, null, null);
  }

  /** An audit whose source revision was not read. */
  public AuditReport(
      int schemaVersion,
      Instant generatedAt,
      List<GateResult> gates,
      ChangeSummary changeSummary,
      RiskAssessment riskAssessment) {
    this(schemaVersion, generatedAt, gates, changeSummary, riskAssessment, null);
  }

  /** This audit naming the repository, branch and commit its gates tested. */
  public AuditReport withSource(SourceRevision revision) {
    return new AuditReport(
        schemaVersion, generatedAt, gates, changeSummary, riskAssessment, revision);
  }

  /** An audit of the given gates, stamped now. */
  public static AuditReport of(List<GateResult> gates) {
    return new AuditReport(SCHEMA_VERSION, Instant.now(), gates);
  }

  /**
   * An audit of the given gates with the change they tested and its risk, stamped now.
   *
   * @param changeSummary may be null
   * @param riskAssessment may be null
   */
  public static AuditReport of(
      List<GateResult> gates, ChangeSummary changeSummary, RiskAssessment riskAssessment) {
    return new AuditReport(SCHEMA_VERSION, Instant.now(), gates, changeSummary, riskAssessment);
  }

  /**
   * The worst verdict of all gates; INCOMPLETE when there are none. One {@link
   * Verdict#PASS_SHORTENED} gate makes the audit PASS_SHORTENED, never PASS.
   */
  public Verdict verdict() {
    return gates.stream()
        .map(GateResult::verdict)
        .reduce(Verdict::worst)
        .orElse(Verdict.INCOMPLETE);
  }

  /**
   * The images a deploy of this audit runs: for each service, the image the last gate (in audit
   * order) kept under its tag. Gates that keep an image under the same {@code
   * <project>/<service>:<commit>} tag move the tag, so the last one holds it; the approval binds
   * these.
   */
  public List<TestedImage> keptImages() {
    java.util.Map<String, TestedImage> kept = new java.util.LinkedHashMap<>();
    for (GateResult gate : gates) {
      for (TestedImage image : gate.images()) {
        if (image.kept()) {
          kept.put(image.service(), image);
        }
      }
    }
    return List.copyOf(kept.values());
  }
}
