package dev.stagegate.examples.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.examples.agents.gates.AgentsBurnInGate;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/**
 * The good stack's burn-in, for {@code agents.burnin.duration} (CI: 60 s; the recorded run: {@code
 * -Dit.test=AgentsBurnInIT -Dagents.burnin.duration=PT10M}). The trend judges decide only on five
 * minutes or more ({@code stagegate.trend.min-span}, left at its default): a shorter run must end
 * PASS_SHORTENED with nothing failed and its trends "not judged"; a run of five minutes or more
 * must end PASS_SHORTENED too (it is still shorter than the 4 h requested) with stable memory and
 * CPU for every long-running service.
 */
class AgentsBurnInIT {
  private static final Duration TREND_MIN_SPAN = Duration.ofMinutes(5);
  private final Path reports = Path.of("target/stagegate/burn-in");

  @AfterEach
  void nothingOfOursIsLeft() {
    OwnLeftovers.assertNone();
  }

  @Test
  void goodStackSurvivesTheBurnIn() {
    Duration duration = Duration.parse(System.getProperty("agents.burnin.duration", "PT60S"));
    Events events =
        GateKit.run(
            AgentsBurnInGate.class,
            reports,
            // the approved audit's images: kept as agents/<service>:<commit> for the deploy
            // (the module's other gates run with stagegate.images.keep=false, see pom.xml)
            Map.of(
                "stagegate.burnin.duration", duration.toString(), "stagegate.images.keep", "true"));
    GateResult gate = GateKit.onlyGate(reports, events);
    assertThat(gate.verdictText()).startsWith("PASS_SHORTENED (");
    assertThat(gate.burnIn().trends())
        .extracting(ServiceTrend::service)
        .containsExactlyInAnyOrder("db", "redis", "api", "worker", "beat");
    // every run here is shorter than the 4 h requested: PASS_SHORTENED at best, never PASS
    assertThat(GateKit.failureMessages(events)).isEmpty();
    assertThat(gate.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    // what scripts/agents-deploy-flow.sh deploys, without a rebuild, once the audit is approved
    assertThat(gate.images())
        .as("the images the burn-in kept for the deploy")
        .extracting(TestedImage::service)
        .containsExactlyInAnyOrder("migrate", "api", "worker", "beat");
    assertThat(gate.images())
        .allSatisfy(i -> assertThat(i.tag()).startsWith("agents/" + i.service() + ":"));
    if (duration.compareTo(TREND_MIN_SPAN) >= 0) {
      assertThat(gate.burnIn().trends())
          .allSatisfy(
              t -> {
                assertThat(t.memoryVerdict()).as("memory of %s", t.service()).isEqualTo("stable");
                assertThat(t.cpuVerdict()).as("CPU of %s", t.service()).isEqualTo("stable");
              });
    } else {
      // honest about what a short run cannot tell: the trends are not judged, with the reason
      assertThat(gate.burnIn().trends())
          .allSatisfy(
              t -> {
                assertThat(t.memoryVerdict()).isEqualTo("not-judged");
                assertThat(t.cpuVerdict()).isEqualTo("not-judged");
              });
    }
  }
}
