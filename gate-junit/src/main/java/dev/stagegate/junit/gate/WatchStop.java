package dev.stagegate.junit.gate;

import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.Verdict;
import java.time.Instant;
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
 */
record WatchStop(
    Verdict verdict, String reason, Instant detectedAt, EngineInterruption interruption) {
  static final String COMPLETED = "completed";

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

  boolean isCompleted() {
    return verdict == Verdict.PASS && COMPLETED.equals(reason);
  }

  /** The engine's interruption, when that is why the watch ended. */
  Optional<EngineInterruption> engineInterruption() {
    return Optional.ofNullable(interruption);
  }
}
