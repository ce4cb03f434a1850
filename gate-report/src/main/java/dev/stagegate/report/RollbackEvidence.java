package dev.stagegate.report;

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
    String markerVersion) {}
