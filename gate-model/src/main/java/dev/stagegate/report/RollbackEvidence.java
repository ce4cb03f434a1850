package dev.stagegate.report;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.time.Duration;
import java.time.Instant;

/**
 * What a rollback drill proved: the stack was taken from the current commit back to an earlier one
 * and forward again, in one compose project, and each time came up healthy with the marker of the
 * commit it was built from.
 *
 * <pre>{@code
 * RollbackEvidence r = gate.rollback();
 * if (r != null && r.proven()) {
 *   System.out.println("way back, proven: " + r.command());
 * }
 * }</pre>
 *
 * @param previousRef the ref rolled back to, as given or chosen, e.g. {@code v1.2.2} or {@code
 *     HEAD~1}
 * @param previousCommit the full id of the commit rolled back to
 * @param previousVersion the version written into that build's marker, e.g. {@code 1.2.2}
 * @param currentCommit the full id of the commit rolled back from (HEAD)
 * @param project the compose project name the drill kept across every step
 * @param command the shell equivalent of what the drill ran to roll back
 * @param proven whether the rollback and the return to current both came up healthy (and, when
 *     checked, with the right marker)
 * @param drilledAt when the drill started
 * @param rollbackHealthyAfter from the start of the rollback's build to every service healthy;
 *     {@code null} when it never became healthy
 * @param markerVersion the version the marker showed after the rollback; {@code null} when the
 *     marker was not checked or not readable
 * @param target where the rollback target came from, as a reader checks it: {@code the last
 *     deployment to production at 2026-12-07 10:14 UTC (version 1.2.2, commit abc1234), from …}, or
 *     why no recorded deployment was used; {@code null} in drills recorded before it was kept
 */
public record RollbackEvidence(
    String previousRef,
    String previousCommit,
    String previousVersion,
    String currentCommit,
    String project,
    String command,
    boolean proven,
    Instant drilledAt,
    Duration rollbackHealthyAfter,
    String markerVersion,
    // left out when null, read as null when absent: older audits keep their exact bytes
    @JsonProperty("target")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JacksonInject(value = "target", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
        String target) {

  /** Evidence that does not say where the target came from (recorded before it was kept). */
  public RollbackEvidence(
      String previousRef,
      String previousCommit,
      String previousVersion,
      String currentCommit,
      String project,
      String command,
      boolean proven,
      Instant drilledAt,
      Duration rollbackHealthyAfter,
      String markerVersion) {
    this(
        previousRef,
        previousCommit,
        previousVersion,
        currentCommit,
        project,
        command,
        proven,
        drilledAt,
        rollbackHealthyAfter,
        markerVersion,
        null);
  }
}
