package dev.stagegate.junit.gate;

import dev.stagegate.report.Verdict;

/**
 * Why a burn-in's watch ended.
 *
 * @param verdict {@code PASS} when it ran its course (the end checks may still fail it), {@code
 *     FAIL} for a restart, exit, OOM kill or log finding, {@code INCONCLUSIVE} when the evidence
 *     stream broke
 * @param reason one sentence, e.g. {@code completed} or {@code service "worker" died (exit code 3)}
 */
record WatchStop(Verdict verdict, String reason) {
  static WatchStop completed() {
    return new WatchStop(Verdict.PASS, "completed");
  }

  static WatchStop failed(String reason) {
    return new WatchStop(Verdict.FAIL, reason);
  }

  static WatchStop inconclusive(String reason) {
    return new WatchStop(Verdict.INCONCLUSIVE, reason);
  }
}
