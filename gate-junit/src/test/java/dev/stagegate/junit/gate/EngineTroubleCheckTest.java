package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.EngineSign;
import dev.stagegate.report.StackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The classification of kills and exits: the engine's shutdown or the service's own failure. */
class EngineTroubleCheckTest {
  private static final Instant T = Instant.parse("2026-12-07T11:00:50Z");
  private final List<EngineTroubleCheck.Outcome> outcomes = new ArrayList<>();
  private final List<Runnable> pending = new ArrayList<>();

  /** A check whose background runs only when the test says so; pings answer per {@code answers}. */
  private EngineTroubleCheck check(boolean... answers) {
    AtomicInteger i = new AtomicInteger();
    return new EngineTroubleCheck(
        () -> answers[Math.min(i.getAndIncrement(), answers.length - 1)],
        pending::add,
        outcomes::add);
  }

  private void runBackground() {
    List<Runnable> now = List.copyOf(pending);
    pending.clear();
    now.forEach(Runnable::run);
  }

  private static StackEvent kill(String service, int ms) {
    return new StackEvent(T.plusMillis(ms), service, "kill", null);
  }

  private static StackEvent die(String service, int ms, int code) {
    return new StackEvent(T.plusMillis(ms), service, "die", code);
  }

  @Test
  void onlyKillsAndSignalExitsLookLikeAShutdown() {
    assertThat(EngineTroubleCheck.shutdownLike(kill("w", 0))).isTrue();
    assertThat(EngineTroubleCheck.shutdownLike(die("w", 0, 143))).isTrue();
    assertThat(EngineTroubleCheck.shutdownLike(die("w", 0, 137))).isTrue();
    assertThat(EngineTroubleCheck.shutdownLike(die("w", 0, 3))).isFalse();
    assertThat(EngineTroubleCheck.shutdownLike(die("w", 0, 0))).isFalse();
    assertThat(EngineTroubleCheck.shutdownLike(new StackEvent(T, "w", "oom", null))).isFalse();
  }

  @Test
  void killsFollowedByAnEngineThatStopsAnsweringAreTheEngines() {
    EngineTroubleCheck c = check(false);
    assertThat(c.offer(kill("api", 0), Duration.ofSeconds(50), "api was killed")).isTrue();
    assertThat(c.offer(kill("worker", 1), Duration.ofSeconds(50), "worker was killed")).isTrue();
    assertThat(c.offer(die("api", 90, 143), Duration.ofSeconds(50), "api died")).isTrue();
    // while the engine is asked, even an ordinary exit waits: its database may just have gone
    assertThat(c.offer(die("worker", 95, 1), Duration.ofSeconds(50), "worker died (1)")).isTrue();
    assertThat(outcomes).isEmpty();
    runBackground();
    EngineTroubleCheck.Outcome o = outcomes.get(0);
    assertThat(o.engineGone()).isTrue();
    assertThat(o.signs()).containsExactly(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED);
    assertThat(o.at()).isEqualTo(T);
    assertThat(o.intoWatch()).isEqualTo(Duration.ofSeconds(50));
    assertThat(o.events())
        .extracting(StackEvent::describe)
        .containsExactly(
            "api kill", "worker kill", "api die (exit code 143)", "worker die (exit code 1)");
    // once the engine is gone, nothing after is a service's
    assertThat(c.offer(die("worker", 10_000, 137), Duration.ofSeconds(60), "worker died")).isTrue();
    assertThat(c.offer(Duration.ofSeconds(60), "worker logged an error")).isTrue();
    assertThat(outcomes).hasSize(1);
  }

  @Test
  void killsThatArriveJustAfterAFailedPingAreTakenAsTheShutdownTheyAre() {
    // a stopping daemon refuses the periodic ping first; its kills reach the events a moment later
    EngineTroubleCheck c = check(false);
    c.pingFailed(Duration.ofSeconds(6));
    assertThat(c.checking()).isTrue();
    assertThat(c.offer(kill("api", 10), Duration.ofSeconds(6), "api was killed")).isTrue();
    assertThat(c.offer(die("api", 40, 143), Duration.ofSeconds(6), "api died")).isTrue();
    assertThat(outcomes).as("decided only after the wait for the kills").isEmpty();
    runBackground();
    EngineTroubleCheck.Outcome o = outcomes.get(0);
    assertThat(o.engineGone()).isTrue();
    assertThat(o.signs()).containsExactly(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED);
    assertThat(o.events())
        .extracting(StackEvent::describe)
        .containsExactly("api kill", "api die (exit code 143)");
    assertThat(o.firstFailure()).contains("api was killed");
  }

  @Test
  void aFailedPingWithNoKillsAfterItIsAnUnreachableEngine() {
    EngineTroubleCheck c = check(false);
    c.pingFailed(Duration.ofSeconds(6));
    runBackground();
    EngineTroubleCheck.Outcome o = outcomes.get(0);
    assertThat(o.engineGone()).isTrue();
    assertThat(o.signs()).containsExactly(EngineSign.PING_FAILED);
    assertThat(o.events()).isEmpty();
    assertThat(o.intoWatch()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void aKillWhileTheEngineKeepsAnsweringIsTheServicesOwnFailure() {
    EngineTroubleCheck c = check(true);
    assertThat(c.offer(kill("worker", 0), Duration.ofSeconds(20), "worker was killed")).isTrue();
    runBackground(); // pings for the whole confirmation window, every one answered
    EngineTroubleCheck.Outcome o = outcomes.get(0);
    assertThat(o.engineGone()).isFalse();
    assertThat(o.firstFailure()).contains("worker was killed");
    assertThat(c.checking()).isFalse();
  }

  @Test
  void anOrdinaryExitOrALogFindingOutsideACheckFailsAtOnce() {
    EngineTroubleCheck c = check(false);
    assertThat(c.offer(die("worker", 0, 3), Duration.ofSeconds(20), "worker died (3)")).isFalse();
    assertThat(c.offer(Duration.ofSeconds(20), "worker logged an error")).isFalse();
    assertThat(pending).as("no ping was needed").isEmpty();
  }

  @Test
  void aServiceFailureBeforeTheEngineWentAwayIsNotTakenByIt() {
    EngineTroubleCheck c = check(true, false);
    // 20 s in: the service crashes on its own; the engine answers
    assertThat(c.offer(die("worker", 0, 3), Duration.ofSeconds(20), "worker died (3)")).isFalse();
    // 50 s in: the engine goes away some other way (its event stream broke, a ping failed)
    c.engineGone(
        List.of(EngineSign.EVENT_STREAM_BROKE, EngineSign.PING_FAILED), Duration.ofSeconds(50));
    EngineTroubleCheck.Outcome o = outcomes.get(0);
    assertThat(o.engineGone()).isTrue();
    assertThat(o.events()).as("the crash at 20 s stays the service's").isEmpty();
    assertThat(o.intoWatch()).isEqualTo(Duration.ofSeconds(50));
    assertThat(o.signs()).containsExactly(EngineSign.EVENT_STREAM_BROKE, EngineSign.PING_FAILED);
  }
}
