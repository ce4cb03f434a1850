package dev.stagegate.junit.gate;

import dev.stagegate.report.EngineSign;
import dev.stagegate.report.StackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Tells a daemon's shutdown from a service's own death. A Docker daemon that stops (or restarts)
 * first sends SIGTERM to every container it runs — the engine reports {@code kill}, then {@code
 * die} with exit 143, or 137 once it uses force — while it already refuses new requests (measured:
 * its {@code /_ping} failed within 70 ms of its SIGTERM, the kills came 10 ms after it). So a kill
 * or a 137/143 exit is held, and the engine is pinged for a short window: if it stops answering,
 * what was held is the engine's doing; if it answers throughout, the held events are the services'
 * own failures, reported as before. While a check runs, every other failure (a crash of a service
 * whose database just went away, a log line about it) is held with it. Other exits (3, 1, …) and
 * OOM kills are never held: they fail the watch at once.
 */
final class EngineTroubleCheck {
  /** How long the engine is pinged before a held kill counts as the service's own. */
  static final Duration CONFIRM_WINDOW = Duration.ofSeconds(2);

  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * How long a failed periodic ping waits for the daemon's shutdown kills before deciding: a daemon
   * that stops refuses new requests first and kills its containers some milliseconds later, so a
   * ping that falls in between must not decide "unreachable" before the kills arrive.
   */
  static final Duration KILLS_AFTER_PING = Duration.ofMillis(500);

  private static final Set<Integer> SIGNAL_EXITS = Set.of(137, 143);

  /** A failure that waits for the engine's answer. */
  record Held(StackEvent event, Duration intoWatch, String failure) {}

  /**
   * What a check decided.
   *
   * @param engineGone whether the engine stopped answering
   * @param held what was held, in order; the engine's when {@code engineGone}, else the services'
   * @param signs what showed the engine's trouble (empty when it answered)
   * @param at when the first held event happened (or the engine was found gone)
   * @param intoWatch how long the watch had run at {@code at}
   */
  record Outcome(
      boolean engineGone, List<Held> held, List<EngineSign> signs, Instant at, Duration intoWatch) {
    Outcome {
      held = List.copyOf(held);
      signs = List.copyOf(signs);
    }

    /** The container events among what was held. */
    List<StackEvent> events() {
      return held.stream().map(Held::event).filter(e -> e != null).toList();
    }

    /** The first failure among the held ones, for a watch whose engine answered. */
    java.util.Optional<String> firstFailure() {
      return held.stream().map(Held::failure).filter(f -> f != null).findFirst();
    }
  }

  private final BooleanSupplier engineAnswers;
  private final Executor background;
  private final Consumer<Outcome> decided;
  private final List<Held> held = new ArrayList<>();
  private boolean checking;
  private boolean over;

  /**
   * @param engineAnswers a ping on a new request (see {@code EnginePing})
   * @param background where the check's pings run, off the event callback's thread
   * @param decided receives each check's outcome
   */
  EngineTroubleCheck(
      BooleanSupplier engineAnswers, Executor background, Consumer<Outcome> decided) {
    this.engineAnswers = engineAnswers;
    this.background = background;
    this.decided = decided;
  }

  /**
   * Whether an event looks like a daemon's shutdown kill: a kill, or an exit by SIGTERM/SIGKILL.
   */
  static boolean shutdownLike(StackEvent e) {
    return "kill".equals(e.action())
        || ("die".equals(e.action())
            && e.exitCode() != null
            && SIGNAL_EXITS.contains(e.exitCode()));
  }

  /**
   * Offers an event; returns whether it is held (the outcome decides what it means), so the caller
   * must not act on it now.
   *
   * @param failure the sentence that fails the watch if it is the service's own ({@code null} when
   *     the event fails nothing by itself, e.g. a one-shot job's kill)
   */
  synchronized boolean offer(StackEvent e, Duration intoWatch, String failure) {
    if (over) {
      return true; // the engine is gone: nothing after that is a service's
    }
    if (!checking && !shutdownLike(e)) {
      return false;
    }
    held.add(new Held(e, intoWatch, failure));
    if (!checking) {
      checking = true;
      background.execute(this::check);
    }
    return true;
  }

  /** Offers a failure without an event (a log finding): held only while a check runs. */
  synchronized boolean offer(Duration intoWatch, String failure) {
    if (over) {
      return true;
    }
    if (!checking) {
      return false;
    }
    held.add(new Held(null, intoWatch, failure));
    return true;
  }

  /** Whether a check is running (its first held event is the moment that matters). */
  synchronized boolean checking() {
    return checking;
  }

  /**
   * The engine was found gone some other way (the event stream broke and a ping failed): decides at
   * once, taking along whatever is held.
   */
  void engineGone(List<EngineSign> signs, Duration intoWatch) {
    decide(true, signs, Instant.now(), intoWatch);
  }

  /**
   * The watch's periodic ping failed: holds what comes in for {@link #KILLS_AFTER_PING} (a stopping
   * daemon's kills come just after its first refused request), then decides that the engine is
   * gone, with the shutdown kills among the signs when they came.
   */
  void pingFailed(Duration intoWatch) {
    Instant at = Instant.now();
    synchronized (this) {
      if (over || checking) {
        return;
      }
      checking = true;
    }
    background.execute(
        () -> {
          try {
            Thread.sleep(KILLS_AFTER_PING.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          decide(true, List.of(EngineSign.PING_FAILED), at, intoWatch);
        });
  }

  private void check() {
    long deadline = System.nanoTime() + CONFIRM_WINDOW.toNanos();
    boolean gone = false;
    while (System.nanoTime() < deadline) {
      if (!engineAnswers.getAsBoolean()) {
        gone = true;
        break;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    decide(
        gone,
        gone ? List.of(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED) : List.of(),
        null,
        null);
  }

  private void decide(boolean gone, List<EngineSign> signs, Instant at, Duration intoWatch) {
    Outcome outcome;
    synchronized (this) {
      if (over) {
        return;
      }
      List<Held> taken = List.copyOf(held);
      held.clear();
      checking = false;
      over = gone;
      List<EngineSign> seen = new ArrayList<>(signs);
      if (gone && !taken.isEmpty() && !seen.contains(EngineSign.SHUTDOWN_KILLS)) {
        if (taken.stream().anyMatch(h -> h.event() != null && shutdownLike(h.event()))) {
          seen.add(0, EngineSign.SHUTDOWN_KILLS);
        }
      }
      Held first = taken.isEmpty() ? null : taken.get(0);
      outcome =
          new Outcome(
              gone,
              taken,
              seen,
              first != null && first.event() != null ? first.event().at() : at,
              first != null ? first.intoWatch() : intoWatch);
    }
    decided.accept(outcome);
  }
}
