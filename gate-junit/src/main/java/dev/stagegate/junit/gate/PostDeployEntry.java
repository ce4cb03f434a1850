package dev.stagegate.junit.gate;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.approval.AuditDigest;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.HookResultSummary;
import dev.stagegate.report.deploy.MarkerFactory;
import dev.stagegate.report.deploy.Outcome;
import dev.stagegate.report.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a post-deploy watch records of the deployment it watched, as one deployment history entry.
 *
 * @param spec the watch
 * @param marker the deployment marker read from the target; {@code null} when none was
 * @param hooks the hook results the watch recorded
 * @param ranImages the images the target's containers ran
 * @param redactor masks every text field as the audit is masked
 */
record PostDeployEntry(
    PostDeploySpec spec,
    DeploymentMarker marker,
    List<HookResultSummary> hooks,
    List<TestedImage> ranImages,
    Redactor redactor) {
  private static final int NOTE_CHARS = 2000;

  /**
   * This watch as a deployment: SUCCESS when it passed, else FAILED, with the hooks and the
   * marker's version and commit. Every text field is masked as the audit is, so the seed block the
   * deploy record shows and the one {@code deployments.log} gets are the same and hold no secret.
   *
   * @param auditJson the audit that now holds the result, whose SHA-256 the entry keeps
   */
  DeploymentEntry of(GateResult result, Path auditJson) throws IOException {
    String version = marker != null ? marker.version() : spec.version().orElse("unknown");
    String commit = marker != null ? marker.commit() : expectedOrHead();
    String environment =
        marker != null
            ? marker.environment()
            : spec.environment().isBlank() ? "unknown" : spec.environment();
    String deployedBy =
        marker != null ? marker.deployedBy() : MarkerFactory.defaultDeployedBy(System.getenv());
    String note =
        result.verdict().nothingFailed()
            ? "post-deploy watch " + result.verdictText()
            : "post-deploy watch "
                + result.verdictText()
                + ": "
                + String.join("; ", result.failures());
    if (note.length() > NOTE_CHARS) {
      note = note.substring(0, NOTE_CHARS) + "…";
    }
    return new DeploymentEntry(
        Instant.now(),
        redactor.redact(version),
        commit,
        redactor.redact(environment),
        redactor.redact(deployedBy),
        result.verdict().nothingFailed() ? Outcome.SUCCESS : Outcome.FAILED,
        result.duration(),
        hooks.stream()
            .map(
                h ->
                    new HookResultSummary(
                        h.name(), h.status(), h.took(), redactor.redact(h.detail())))
            .toList(),
        Files.isRegularFile(auditJson) ? AuditDigest.sha256(auditJson) : null,
        redactor.redact(note),
        ranImages);
  }

  /** Without a marker, the log names the commit the gate expected (or HEAD). */
  private String expectedOrHead() {
    if (!spec.expectedCommit().isBlank()) {
      return spec.expectedCommit();
    }
    try {
      return MarkerFactory.headCommit(Path.of("").toAbsolutePath());
    } catch (IOException e) {
      return "0000000"; // no repository: the entry still needs a commit; the note explains
    }
  }
}
