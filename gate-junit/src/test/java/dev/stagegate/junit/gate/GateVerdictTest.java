package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.EngineSign;
import dev.stagegate.report.StackEvent;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateVerdictTest {
  private static final List<String> SHORT = List.of("Watched 1.5 min of the 4 h requested");

  @Test
  void aShortenedWatchWithNothingFailedIsPassShortenedNeverPass() {
    GateVerdict v = GateVerdict.of(List.of(), List.of(), SHORT);
    assertThat(v.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    assertThat(v.reasons()).isEqualTo(SHORT);
  }

  @Test
  void aFailureOrAnUndecidedPointOutranksTheShortening() {
    assertThat(GateVerdict.of(List.of("api died"), List.of("x"), SHORT).verdict())
        .isEqualTo(Verdict.FAIL);
    assertThat(GateVerdict.of(List.of(), List.of("event stream broke"), SHORT).verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void aFullRunWithNothingFailedIsPass() {
    assertThat(GateVerdict.of(List.of(), List.of()).verdict()).isEqualTo(Verdict.PASS);
    assertThat(GateVerdict.of(List.of(), List.of(), List.of()).verdict()).isEqualTo(Verdict.PASS);
  }

  private static final Instant AT = Instant.parse("2026-12-07T11:00:50Z");
  private static final EngineInterruption RESTART =
      new EngineInterruption(
              AT,
              Duration.ofSeconds(50),
              List.of(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED),
              List.of(new StackEvent(AT, "worker", "die", 143)),
              null,
              "id-1",
              "")
          .back(AT.plusSeconds(11), "id-1");

  @Test
  void anEngineInterruptionIsInconclusiveNamingTheEngineNeverPassShortened() {
    GateVerdict v =
        GateVerdict.of(
            List.of(), List.of("trend not judged"), SHORT, Optional.of(RESTART), "burn-in");
    assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(v.reasons().get(0))
        .startsWith("The Docker engine stopped 50 s into the burn-in and was back 11 s later")
        .contains("worker die (exit code 143)) are the engine's, not theirs");
    assertThat(v.reasons()).noneMatch(r -> r.startsWith("Expecting service"));
  }

  @Test
  void aServiceFailureBeforeTheInterruptionStillFails() {
    GateVerdict v =
        GateVerdict.of(
            List.of("Expecting service \"api\" to log no errors but found 1 problem: line 3"),
            List.of(),
            SHORT,
            Optional.of(RESTART),
            "burn-in");
    assertThat(v.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(v.reasons())
        .containsExactly("Expecting service \"api\" to log no errors but found 1 problem: line 3");
  }
}
