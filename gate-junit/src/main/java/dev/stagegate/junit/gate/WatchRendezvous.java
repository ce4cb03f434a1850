package dev.stagegate.junit.gate;

import java.util.concurrent.Phaser;

/**
 * Lets runs that are compared side by side start their watches, and so their loads, at the same
 * moment. Without it one stack is measured while the other still builds or starts, which on a small
 * host costs the first one latency and CPU that have nothing to do with its code.
 *
 * <p>A run that will never watch (its build or start failed) leaves, so the others do not wait for
 * it.
 */
final class WatchRendezvous {
  private final Phaser phaser;

  WatchRendezvous(int parties) {
    this.phaser = new Phaser(parties);
  }

  /** One run's place at the rendezvous; not shared between threads. */
  Party party() {
    return new Party();
  }

  final class Party {
    private boolean done;

    private Party() {}

    /** Waits until every other party is ready to watch or has left. */
    void ready() throws InterruptedException {
      if (done) {
        return;
      }
      done = true;
      phaser.awaitAdvanceInterruptibly(phaser.arrive());
    }

    /** Leaves without watching; does nothing after {@link #ready()}. */
    void leave() {
      if (!done) {
        done = true;
        phaser.arriveAndDeregister();
      }
    }
  }
}
