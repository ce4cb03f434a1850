package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.PreDeployCheck;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.policy.DeployPolicy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a {@link PreDeployCheck} needs, validated before anything is read.
 *
 * @param audit the reviewed audit (Markdown), absolute
 * @param approval the approval record, absolute
 * @param markerFile the prepared deployment marker, if checked
 * @param environment the environment the marker must name; empty: not checked
 * @param version the version the marker must name, if checked
 * @param commit the commit being deployed
 * @param policy the deploy policy ({@code stagegate.policy.*})
 * @param settings the gate settings (the report directory)
 */
public record PreDeploySpec(
    String id,
    String displayName,
    Path audit,
    Path approval,
    Optional<Path> markerFile,
    String environment,
    Optional<String> version,
    String commit,
    DeployPolicy policy,
    GateSettings settings) {
  public static final String AUDIT = "stagegate.approval.audit";
  public static final String APPROVAL = "stagegate.approval.file";
  public static final String MARKER_FILE = "stagegate.deploy.marker-file";

  /**
   * For a post-deploy watch: the audit of the {@code @PreDeployCheck} that allowed the deploy,
   * whose decision (deploy window, override) the deploy record's checklists show.
   */
  public static final String PRE_CHECK_AUDIT = "stagegate.deploy.pre-check-audit";

  /**
   * Reads and checks the annotation and the configuration.
   *
   * @throws GateConfigurationException naming the attribute or key and the fix
   */
  public static PreDeploySpec read(
      PreDeployCheck a, String id, String displayName, Function<String, Optional<String>> config) {
    Function<String, Optional<String>> lookup =
        key -> config.apply(key).map(String::trim).filter(v -> !v.isBlank());
    GateSettings settings = GateSettings.read(config, java.util.List.of());
    String auditText = lookup.apply(AUDIT).orElse(a.audit().trim());
    if (auditText.isBlank()) {
      throw new GateConfigurationException(
          "@PreDeployCheck needs the reviewed audit: set audit = \"target/stagegate/"
              + "stability_audit.md\" or the configuration parameter "
              + AUDIT
              + ".");
    }
    Path audit = Path.of(auditText).toAbsolutePath().normalize();
    Path reportDir = settings.reportDir().toAbsolutePath().normalize();
    if (reportDir.equals(audit.getParent())) {
      throw new GateConfigurationException(
          "@PreDeployCheck would write its own audit over the approved one in "
              + reportDir
              + ": set "
              + GateSettings.REPORT_DIR
              + " to another directory for the deploy step (e.g. target/stagegate-deploy).");
    }
    Path approval =
        lookup
            .apply(APPROVAL)
            .or(() -> Optional.of(a.approval().trim()).filter(s -> !s.isBlank()))
            .map(p -> Path.of(p).toAbsolutePath().normalize())
            .orElse(ApprovalRecord.defaultPath(audit));
    Optional<Path> markerFile =
        lookup
            .apply(MARKER_FILE)
            .or(() -> Optional.of(a.markerFile().trim()).filter(s -> !s.isBlank()))
            .map(p -> Path.of(p).toAbsolutePath().normalize());
    Optional<String> version =
        lookup
            .apply(PostDeploySpec.VERSION)
            .or(() -> Optional.of(a.version().trim()).filter(s -> !s.isBlank()));
    DeployPolicy policy;
    try {
      policy = DeployPolicy.fromConfig(lookup);
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(e.getMessage(), e);
    }
    return new PreDeploySpec(
        id,
        displayName,
        audit,
        approval,
        markerFile,
        a.environment().trim(),
        version,
        DeployCommit.resolve(lookup, "@PreDeployCheck"),
        policy,
        settings);
  }
}
