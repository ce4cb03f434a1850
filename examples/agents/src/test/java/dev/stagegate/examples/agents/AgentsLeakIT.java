package dev.stagegate.examples.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.examples.agents.gates.ApiLeakGate;
import dev.stagegate.junit.gate.GateFailedError;
import dev.stagegate.report.ServiceTrend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The api leaking 256 KB per request under the burn-in's smoke traffic must fail on the memory
 * trend of "api" (from docker stats) and of no other service. Not in {@code mvn verify}: the leak
 * judge decides on five minutes or more. Run: {@code mvn -pl examples/agents verify
 * -Dit.test=AgentsLeakIT}.
 */
class AgentsLeakIT {
  private final Path reports = Path.of("target/stagegate/leak");

  @AfterEach
  void nothingOfOursIsLeft() {
    OwnLeftovers.assertNone();
  }

  @Test
  void apiLeakingPerRequestFailsOnItsMemoryTrend() {
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(ApiLeakGate.class, reports, Map.of("stagegate.burnin.duration", "PT6M")));
    assertThat(t)
        .isInstanceOf(GateFailedError.class)
        .hasMessageContaining("memory of service \"api\" to show no leak");
    ServiceTrend api =
        GateKit.onlyGate(reports).burnIn().trends().stream()
            .filter(trend -> trend.service().equals("api"))
            .findFirst()
            .orElseThrow();
    assertThat(api.memoryVerdict()).isEqualTo("leak");
    System.out.printf(
        "[agents] api memory %s at %.1f MiB/hour: %s%n",
        api.memoryVerdict(), api.memorySlopeMibPerHour(), api.memoryEvidence());
  }
}
