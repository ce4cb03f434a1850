package dev.stagegate.junit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLabelsTest {
  @Test
  void roundTripsThroughLabels() {
    RunLabels l = new RunLabels("sgx", "h", 7);
    assertThat(RunLabels.from(l.asMap())).contains(l);
    assertThat(RunLabels.from(Map.of("other", "1"))).isEmpty();
    assertThat(RunLabels.from(l.asImageLabel())).as("packed image label").contains(l);
  }

  @Test
  void aContainerOrNetworkIsARunsOnlyByTheRunsOwnLabelsNeverByAnInheritedImageLabel() {
    RunLabels l = new RunLabels("sgx", "h", 7);
    assertThat(RunLabels.ofRunResource(l.asMap())).contains(l);
    assertThat(RunLabels.ofRunResource(l.asImageLabel()))
        .as("a deployed container inherits the packed label of the image a gate kept")
        .isEmpty();
    assertThat(RunLabels.ofRunResource(null)).isEmpty();
  }

  @Test
  void ownerIsDeadOnlyOnTheSameHostWhenItsProcessIsGone() {
    long me = ProcessHandle.current().pid();
    assertThat(new RunLabels("a", "here", me).ownerIsDeadOn("here")).isFalse();
    assertThat(new RunLabels("a", "elsewhere", Long.MAX_VALUE).ownerIsDeadOn("here"))
        .as("another host's run is never ours to sweep")
        .isFalse();
    assertThat(new RunLabels("a", "here", Long.MAX_VALUE).ownerIsDeadOn("here")).isTrue();
  }
}
