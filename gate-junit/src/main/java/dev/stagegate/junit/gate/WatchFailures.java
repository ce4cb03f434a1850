package dev.stagegate.junit.gate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The failures that end a watch: the first completes {@link #stop()}, the future the watch waits
 * on, so a failure ends it within milliseconds; when the watch goes on after it ({@code
 * watchAfterFailure}), the later failures are kept, each once, up to {@link #AFTERWARDS_KEPT}.
 */
final class WatchFailures {
  /** Failures kept from the watch after the first one: each is said once, and a loop says a lot. */
  static final int AFTERWARDS_KEPT = 20;

  private final CompletableFuture<WatchStop> stop = new CompletableFuture<>();
  // failures after the first, when the watch goes on after it (watchAfterFailure)
  private final Set<String> afterwards = new java.util.LinkedHashSet<>();
  private int afterwardsDropped;

  /**
   * Why the watch ends: completed by the first failure, a broken stream or the engine's trouble.
   */
  CompletableFuture<WatchStop> stop() {
    return stop;
  }

  /** Ends the watch with {@code failure}, or keeps it among the later ones. */
  void fail(String failure) {
    if (!stop.complete(WatchStop.failed(failure))) {
      afterwards(failure);
    }
  }

  void afterwards(String failure) {
    synchronized (afterwards) {
      if (afterwards.size() < AFTERWARDS_KEPT) {
        afterwards.add(failure);
      } else if (!afterwards.contains(failure)) {
        afterwardsDropped++;
      }
    }
  }

  /** {@code first}, with the failures seen since {@code firstAt} (a {@link System#nanoTime()}). */
  WatchStop watchedOn(WatchStop first, long firstAt) {
    List<String> later;
    synchronized (afterwards) {
      later = new java.util.ArrayList<>(afterwards);
      later.remove(first.reason());
      if (afterwardsDropped > 0) {
        later.add(
            "… and "
                + afterwardsDropped
                + " more failures after the first (only the first "
                + AFTERWARDS_KEPT
                + " are kept)");
      }
    }
    return first.watchedOn(Duration.ofNanos(System.nanoTime() - firstAt), later);
  }
}
