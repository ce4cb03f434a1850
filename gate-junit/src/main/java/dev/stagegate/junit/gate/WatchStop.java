package dev.stagegate.junit.gate;

import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Why a burn-in's watch ended.
 *
 * @param verdict {@code PASS} when it ran its course (the end checks may still fail it), {@code
 *     FAIL} for a restart, exit, OOM kill or log finding, {@code INCONCLUSIVE} when the evidence
 *     stream broke or the engine itself went away
 * @param reason one sentence, e.g. {@code completed} or {@code service "worker" died (exit code 3)}
 * @param detectedAt when the watch decided to stop: the fail-fast latency is measured to here
 * @param interruption what showed that the engine stopped or became unreachable ({@code null}
 *     otherwise); not yet whether and when it came back
 * @param watchedAfter how long the watch went on after the failure ({@code
 *     BurnIn#watchAfterFailure}); zero when it ended at once
 * @param afterwards the failures seen in that time, each once, in the order seen
 */
record WatchStop(
    Verdict verdict,
    String reason,
    Instant detectedAt,
    EngineInterruption interruption,
    Duration watchedAfter,
    List<String> afterwards) {
  static final String COMPLETED = "completed";

  WatchStop {
    afterwards = List.copyOf(afterwards);
  }

  private WatchStop(
      Verdict verdict, String reason, Instant detectedAt, EngineInterruption interruption) {
    this(verdict, reason, detectedAt, interruption, Duration.ZERO, List.of());
  }

  static WatchStop completed() {
    return new WatchStop(Verdict.PASS, COMPLETED, Instant.now(), null);
  }

  static WatchStop failed(String reason) {
    return new WatchStop(Verdict.FAIL, reason, Instant.now(), null);
  }

  static WatchStop inconclusive(String reason) {
    return new WatchStop(Verdict.INCONCLUSIVE, reason, Instant.now(), null);
  }

  /** The engine went away: nothing the services did from then on is theirs. */
  static WatchStop engineInterrupted(EngineInterruption interruption, String reason) {
    return new WatchStop(Verdict.INCONCLUSIVE, reason, Instant.now(), interruption);
  }

  /** This failure, after the watch went on for {@code watched} and saw {@code failures}. */
  WatchStop watchedOn(Duration watched, List<String> failures) {
    return new WatchStop(verdict, reason, detectedAt, interruption, watched, failures);
  }

  /** How the watch ended, for the audit: the reason, and what it watched afterwards. */
  String ending() {
    if (watchedAfter.isZero()) {
      return reason;
    }
    return reason
        + "; then watched "
        + BurnInClock.human(watchedAfter)
        + " more for the other services' reactions (watchAfterFailure): "
        + (afterwards.isEmpty() ? "no further failure" : afterwards.size() + " further failures");
  }

  boolean isCompleted() {
    return verdict == Verdict.PASS && COMPLETED.equals(reason);
  }

  /** The engine's interruption, when that is why the watch ended. */
  Optional<EngineInterruption> engineInterruption() {
    return Optional.ofNullable(interruption);
  }
}
