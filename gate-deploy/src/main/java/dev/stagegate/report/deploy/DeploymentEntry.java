package dev.stagegate.report.deploy;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.change.CommitIds;
import dev.stagegate.report.text.UntrustedText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One deployment in the {@link DeploymentLog}.
 *
 * <pre>{@code
 * DeploymentEntry entry =
 *     new DeploymentEntry(
 *         Instant.now(), "1.2.3", headId, "production", "alice", Outcome.SUCCESS,
 *         Duration.ofSeconds(84),
 *         List.of(new HookResultSummary("health", HookResultSummary.PASS, Duration.ofMillis(420), "")),
 *         auditSha256, "");
 * String block = entry.toSeedText(); // "[2024-05-01 12:00:00] DEPLOYMENT\nVersion: 1.2.3\n..."
 * }</pre>
 *
 * @param when when the deployment finished
 * @param version the version deployed
 * @param commit the commit deployed: 7 to 64 hex digits, normally the full id
 * @param environment where, e.g. {@code production}
 * @param deployedBy who
 * @param outcome how it ended
 * @param duration how long it took
 * @param hooks the hooks run, in order; may be empty
 * @param auditSha256 SHA-256 (64 lowercase hex digits) of the gate's {@code stability_audit.json}
 *     that allowed it, or {@code null} when there was none
 * @param note free text, e.g. why it was rolled back; empty when there is none ({@code null} is
 *     taken as empty)
 * @param images the image every container of the deployment ran, by ID, with the approved tag when
 *     it was the approved image: what a rollback to this deployment brings back; empty when not
 *     recorded ({@code null}, or absent from entries written before, is taken as empty)
 */
public record DeploymentEntry(
    Instant when,
    String version,
    String commit,
    String environment,
    String deployedBy,
    Outcome outcome,
    Duration duration,
    List<HookResultSummary> hooks,
    String auditSha256,
    String note,
    // left out when empty, read as empty when absent: older entries keep their exact bytes
    @JsonProperty("images")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JacksonInject(value = "images", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
        List<TestedImage> images) {
  private static final DateTimeFormatter SEED_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Checks the fields and copies the hooks.
   *
   * @throws IllegalArgumentException naming the field that is missing or invalid
   */
  public DeploymentEntry {
    require(when != null, "when must not be null");
    require(version != null && !version.isBlank(), "version must not be null or blank");
    require(commit != null && CommitIds.isValid(commit), "commit must be 7 to 64 hex digits");
    require(environment != null && !environment.isBlank(), "environment must not be blank");
    require(deployedBy != null && !deployedBy.isBlank(), "deployedBy must not be blank");
    require(outcome != null, "outcome must not be null");
    require(duration != null && !duration.isNegative(), "duration must not be null or negative");
    require(hooks != null, "hooks must not be null (use an empty list)");
    hooks = List.copyOf(hooks);
    require(
        auditSha256 == null || auditSha256.matches("[0-9a-f]{64}"),
        "auditSha256 must be null or 64 lowercase hex digits");
    note = note == null ? "" : note;
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** An entry that records no images. */
  public DeploymentEntry(
      Instant when,
      String version,
      String commit,
      String environment,
      String deployedBy,
      Outcome outcome,
      Duration duration,
      List<HookResultSummary> hooks,
      String auditSha256,
      String note) {
    this(
        when,
        version,
        commit,
        environment,
        deployedBy,
        outcome,
        duration,
        hooks,
        auditSha256,
        note,
        List.of());
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The commit's first seven characters. */
  public String shortCommit() {
    return CommitIds.abbreviate(commit);
  }

  /**
   * Whether every hook passed. True when there are no hooks: the seed's format has no "not run",
   * and an entry without hooks claims no check failed.
   */
  public boolean hooksPassed() {
    return hooks.stream().allMatch(HookResultSummary::passed);
  }

  /**
   * The entry in the seed's text block format, ending in a newline; the time in UTC:
   *
   * <pre>
   * [2024-05-01 12:00:00] DEPLOYMENT
   * Version: 1.2.3
   * Commit: 5d6e7f8
   * Environment: production
   * Deployed by: alice
   * Status: SUCCESS
   * Health check: PASSED
   * Rollback: N/A
   * </pre>
   *
   * {@code Status} is {@code FAILED} for a rolled-back deployment too, whose {@code Rollback} line
   * says {@code ROLLED_BACK}. Values are cut to one clean line each, so a version or name cannot
   * add lines that look like another field.
   */
  public String toSeedText() {
    return "["
        + SEED_TIME.format(when)
        + "] DEPLOYMENT\n"
        + "Version: "
        + line(version)
        + "\nCommit: "
        + shortCommit()
        + "\nEnvironment: "
        + line(environment)
        + "\nDeployed by: "
        + line(deployedBy)
        + "\nStatus: "
        + (outcome == Outcome.SUCCESS ? "SUCCESS" : "FAILED")
        + "\nHealth check: "
        + (hooksPassed() ? "PASSED" : "FAILED")
        + "\nRollback: "
        + (outcome == Outcome.ROLLED_BACK ? "ROLLED_BACK" : "N/A")
        + "\n";
  }

  private static String line(String text) {
    return UntrustedText.cleanLine(text).strip();
  }
}
