package dev.stagegate.junit.gate;

import dev.stagegate.report.GateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Gate} run left: its result, the audit it went into, and what failed.
 *
 * @param result the gate's result, as the audit has it
 * @param report the audit ({@code stability_audit.md}) the result was added to
 * @param bodyFailure what the method's body threw, or null: the cause of the gate's error
 * @param afterAudit failures found after the audit was written (e.g. recording the deployment);
 *     they fail the test too
 */
public record GateOutcome(
    GateResult result, Path report, Throwable bodyFailure, List<String> afterAudit) {
  public GateOutcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(report, "report");
    afterAudit = List.copyOf(afterAudit);
  }
}
