package dev.stagegate.junit.gate;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.report.GateKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a gate run needs, validated before anything starts.
 *
 * @param id {@code <test class>#<method>}
 * @param displayName the test's display name
 * @param kind which annotation drove it
 * @param composeAttribute the compose path as written in the annotation
 * @param compose the parsed compose file
 * @param startupTimeout how long services may take to become healthy
 * @param settle how long to keep watching once healthy and smoke-checked
 * @param smokeChecks the smoke checks, in annotation order
 * @param logAudit the log rules with the allowlist applied
 * @param settings the configuration parameters
 * @param burnIn the burn-in's duration, for a {@code @BurnIn} gate
 * @param loads the {@code @Load}s put on the stack during a burn-in's watch
 */
public record GateSpec(
    String id,
    String displayName,
    GateKind kind,
    String composeAttribute,
    ComposeFile compose,
    Duration startupTimeout,
    Duration settle,
    List<SmokeSpec> smokeChecks,
    LogAudit logAudit,
    GateSettings settings,
    Optional<BurnInPlan> burnIn,
    List<LoadSpec> loads) {
  public GateSpec {
    smokeChecks = List.copyOf(smokeChecks);
    loads = List.copyOf(loads);
  }

  /** A gate without load. */
  public GateSpec(
      String id,
      String displayName,
      GateKind kind,
      String composeAttribute,
      ComposeFile compose,
      Duration startupTimeout,
      Duration settle,
      List<SmokeSpec> smokeChecks,
      LogAudit logAudit,
      GateSettings settings,
      Optional<BurnInPlan> burnIn) {
    this(
        id,
        displayName,
        kind,
        composeAttribute,
        compose,
        startupTimeout,
        settle,
        smokeChecks,
        logAudit,
        settings,
        burnIn,
        List.of());
  }
}
