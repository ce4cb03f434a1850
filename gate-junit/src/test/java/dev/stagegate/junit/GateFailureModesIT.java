package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.BenignErrorsGate;
import dev.stagegate.junit.fixtures.BuildFailsGate;
import dev.stagegate.junit.fixtures.ErrorLineGate;
import dev.stagegate.junit.fixtures.ExitsGate;
import dev.stagegate.junit.fixtures.GoodGate;
import dev.stagegate.junit.fixtures.MetaAnnotatedGate;
import dev.stagegate.junit.fixtures.NoPublishedPortGate;
import dev.stagegate.junit.fixtures.OneShotOkGate;
import dev.stagegate.junit.fixtures.RestartingGate;
import dev.stagegate.junit.fixtures.Smoke500Gate;
import dev.stagegate.junit.fixtures.SmokeJsonMismatchGate;
import dev.stagegate.junit.fixtures.StackBodyGate;
import dev.stagegate.junit.fixtures.TracebackGate;
import dev.stagegate.junit.fixtures.UnhealthyDependencyGate;
import dev.stagegate.junit.fixtures.UnhealthyGate;
import dev.stagegate.junit.gate.GateFailedError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * Every failure mode on a real engine: a fixture stack per mode, run through EngineTestKit; each
 * must fail with a message naming the service and the cause, and the good stacks must pass.
 */
class GateFailureModesIT {
  @TempDir Path reports;

  @AfterEach
  void nothingOfOursIsLeft() {
    OwnLeftovers.assertNone();
  }

  private String failureOf(Class<?> gate) {
    Throwable t = GateKit.onlyFailure(GateKit.run(gate, reports));
    assertThat(t).isInstanceOf(GateFailedError.class);
    assertThat(t.getMessage()).contains("Evidence: " + reports.toAbsolutePath());
    return t.getMessage();
  }

  private String audit() throws IOException {
    return Files.readString(reports.resolve("stability_audit.md"));
  }

  @Test
  void goodStackPasses() throws IOException {
    Events events = GateKit.run(GoodGate.class, reports);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    assertThat(audit()).contains("PASS").contains("\"db_ready\":true");
    assertThat(reports.resolve("stability_audit.json")).exists();
  }

  @Test
  void benignErrorWordsPass() {
    GateKit.run(BenignErrorsGate.class, reports).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void oneShotJobThatExitsZeroPasses() {
    GateKit.run(OneShotOkGate.class, reports).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void metaAnnotatedGatePasses() {
    GateKit.run(MetaAnnotatedGate.class, reports).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void gateStackServesTheMethodBodyAndItsAssertionsCount() {
    Events events = GateKit.run(StackBodyGate.class, reports);
    events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    assertThat(GateKit.failures(events).get(0))
        .hasMessageContaining("The gate method failed")
        .hasMessageContaining("no-such-agent")
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void unhealthyServiceFails() throws IOException {
    assertThat(failureOf(UnhealthyGate.class)).contains("service \"api\"").contains("healthy");
    assertThat(audit()).contains("FAIL");
  }

  @Test
  void unhealthyDependencyNamesTheUnhealthyServiceNotJustComposeUp() {
    assertThat(failureOf(UnhealthyDependencyGate.class))
        .contains("service \"api\" to be healthy")
        .contains("\"worker\"")
        .contains("Compose could not start the stack of")
        .contains("docker compose up -d exited with code 1");
  }

  @Test
  void serviceThatExitsAndRestartsFails() {
    assertThat(failureOf(RestartingGate.class))
        .contains("service \"worker\"")
        .containsPattern("restart(s|ed)")
        .contains("exit code 3");
  }

  @Test
  void longRunningServiceThatExitsFails() {
    assertThat(failureOf(ExitsGate.class)).contains("\"worker\"").contains("exited with code 1");
  }

  @Test
  void tracebackInALogFailsAsOneFinding() {
    assertThat(failureOf(TracebackGate.class))
        .contains("service \"worker\" to log no errors")
        .contains("python-traceback")
        .contains("ValueError: task payload is empty");
  }

  @Test
  void errorLineInALogFails() {
    assertThat(failureOf(ErrorLineGate.class))
        .contains("service \"worker\" to log no errors")
        .contains("could not connect to broker");
  }

  @Test
  void smokeStatus500Fails() {
    assertThat(failureOf(Smoke500Gate.class))
        .contains("GET api:8000/health")
        .contains("expected status 200 but got 500");
  }

  @Test
  void smokeJsonMismatchFails() {
    assertThat(failureOf(SmokeJsonMismatchGate.class))
        .contains("GET api:8000/health")
        .contains("db_ready")
        .contains("false");
  }

  @Test
  void missingPublishedPortFails() {
    assertThat(failureOf(NoPublishedPortGate.class))
        .contains("service \"api\" to publish container port 8000")
        .contains("127.0.0.1::8000");
  }

  @Test
  void buildFailureQuotesTheBuildOutput() {
    assertThat(failureOf(BuildFailsGate.class))
        .contains("No-cache build")
        .contains("compiling agents");
  }
}
