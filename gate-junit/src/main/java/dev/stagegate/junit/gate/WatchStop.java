package dev.stagegate.junit.gate;

import dev.stagegate.report.Verdict;
import java.time.Instant;

/**
 * Why a burn-in's watch ended.
 *
 * @param verdict {@code PASS} when it ran its course (the end checks may still fail it), {@code
 *     FAIL} for a restart, exit, OOM kill or log finding, {@code INCONCLUSIVE} when the evidence
 *     stream broke
 * @param reason one sentence, e.g. {@code completed} or {@code service "worker" died (exit code 3)}
 * @param detectedAt when the watch decided to stop: the fail-fast latency is measured to here
 */
record WatchStop(Verdict verdict, String reason, Instant detectedAt) {
  static final String COMPLETED = "completed";

  static WatchStop completed() {
    return new WatchStop(Verdict.PASS, COMPLETED, Instant.now());
  }

  static WatchStop failed(String reason) {
    return new WatchStop(Verdict.FAIL, reason, Instant.now());
  }

  static WatchStop inconclusive(String reason) {
    return new WatchStop(Verdict.INCONCLUSIVE, reason, Instant.now());
  }

  boolean isCompleted() {
    return verdict == Verdict.PASS && COMPLETED.equals(reason);
  }
}
