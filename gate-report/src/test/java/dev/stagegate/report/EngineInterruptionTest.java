package dev.stagegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineInterruptionTest {
  private static final Instant AT = Instant.parse("2026-12-07T11:00:50Z");
  private static final List<StackEvent> KILLS =
      List.of(
          new StackEvent(AT, "worker", "kill", null),
          new StackEvent(AT.plusMillis(90), "worker", "die", 143));

  @Test
  void aRestartNamesTheEngineHowLongItWasGoneAndTheExitsItCaused() {
    EngineInterruption i =
        new EngineInterruption(
                AT,
                Duration.ofSeconds(50),
                List.of(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED),
                KILLS,
                null,
                "77461a0c-5bf9",
                "")
            .back(AT.plusSeconds(11), "77461a0c-5bf9");
    assertThat(i.unreachable()).contains(Duration.ofSeconds(11));
    assertThat(i.sentence("burn-in"))
        .startsWith("The Docker engine stopped 50 s into the burn-in and was back 11 s later (")
        .contains("the engine killed the containers as it shut down")
        .contains("engine ID 77461a0c unchanged")
        .contains("worker kill, worker die (exit code 143)) are the engine's, not theirs")
        .endsWith("; the burn-in is not judged");
  }

  @Test
  void anEngineThatNeverAnsweredAgainSaysSo() {
    EngineInterruption i =
        new EngineInterruption(
            AT,
            Duration.ofSeconds(3),
            List.of(EngineSign.EVENT_STREAM_BROKE, EngineSign.PING_FAILED),
            List.of(),
            null,
            "a",
            "");
    assertThat(i.unreachable()).isEmpty();
    assertThat(i.stopped()).isFalse();
    assertThat(i.sentence("post-deploy watch"))
        .isEqualTo(
            "The Docker engine became unreachable 3 s into the post-deploy watch and did not"
                + " answer again (seen: the Docker event stream broke; the engine did not answer"
                + " /_ping); the post-deploy watch is not judged");
  }

  @Test
  void aNewEngineIdIsASignOfItsOwn() {
    EngineInterruption i =
        new EngineInterruption(
                AT,
                Duration.ofSeconds(5),
                List.of(EngineSign.PING_FAILED),
                List.of(),
                null,
                "old-id",
                "")
            .back(AT.plusSeconds(4), "new-engine-id");
    assertThat(i.signs()).containsExactly(EngineSign.PING_FAILED, EngineSign.ENGINE_ID_CHANGED);
    assertThat(i.stopped()).isTrue();
    assertThat(i.sentence("burn-in")).contains("engine ID old-id → new-engi");
  }

  @Test
  void theJsonTwinCarriesIt() throws Exception {
    AuditReport report =
        new AuditReport(
            AuditReport.SCHEMA_VERSION,
            AuditFixtures.T0,
            List.of(AuditFixtures.engineInterruptedBurnIn()));
    String json = AuditJson.write(report);
    assertThat(AuditJson.readReport(json, "mem")).isEqualTo(report);
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.at("/gates/0/verdict").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(node.at("/gates/0/burnIn/engineInterruption/signs/0").asText())
        .isEqualTo("SHUTDOWN_KILLS");
    assertThat(node.at("/gates/0/burnIn/engineInterruption/engineEvents/1/exitCode").asInt())
        .isEqualTo(143);
  }

  @Test
  void theMarkdownSaysTheEngineNotAService() {
    String md =
        AuditMarkdown.standard()
            .render(
                new AuditReport(
                    AuditReport.SCHEMA_VERSION,
                    AuditFixtures.T0,
                    List.of(AuditFixtures.engineInterruptedBurnIn())));
    assertThat(md)
        .contains("**Docker engine interrupted:** The Docker engine stopped 50 s into the burn-in")
        .contains("INCONCLUSIVE")
        .doesNotContain("Expecting service");
  }
}
