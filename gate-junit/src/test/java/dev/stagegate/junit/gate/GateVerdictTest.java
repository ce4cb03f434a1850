package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.Verdict;
import java.util.List;
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
}
