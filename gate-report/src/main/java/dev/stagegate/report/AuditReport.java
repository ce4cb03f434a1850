package dev.stagegate.report;

import java.time.Instant;
import java.util.List;

/**
 * The whole audit: every gate that ran in a module, rendered as {@code stability_audit.md} and
 * {@code stability_audit.json}.
 *
 * @param schemaVersion version of the JSON form; bumped on incompatible change
 * @param generatedAt when this audit was rendered
 * @param gates every gate, in the order run
 */
public record AuditReport(int schemaVersion, Instant generatedAt, List<GateResult> gates) {
  /** The schema version this library writes. */
  public static final int SCHEMA_VERSION = 1;

  public AuditReport {
    gates = List.copyOf(gates);
  }

  /** An audit of the given gates, stamped now. */
  public static AuditReport of(List<GateResult> gates) {
    return new AuditReport(SCHEMA_VERSION, Instant.now(), gates);
  }

  /** The worst verdict of all gates; INCOMPLETE when there are none. */
  public Verdict verdict() {
    return gates.stream()
        .map(GateResult::verdict)
        .reduce(Verdict::worst)
        .orElse(Verdict.INCOMPLETE);
  }
}
