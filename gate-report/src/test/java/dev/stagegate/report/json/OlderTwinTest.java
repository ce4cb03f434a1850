package dev.stagegate.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A twin written before burn-ins recorded {@code engineInterruption} (same schema version 2, e.g.
 * the example's CI runs of 7 Dec 2026, 07:07 UTC) still reads, as the schema's note promises; any
 * other missing property still fails, naming it.
 */
class OlderTwinTest {
  private static String withoutEngineInterruption(String property) throws Exception {
    AuditReport report = AuditReport.of(List.of(AuditFixtures.shortenedBurnIn()));
    JsonNode tree = new ObjectMapper().readTree(AuditJson.write(report));
    ((ObjectNode) tree.at("/gates/0/burnIn")).remove(property);
    return tree.toString();
  }

  @Test
  void aBurnInWithoutEngineInterruptionReadsAsNotInterrupted() throws Exception {
    AuditReport back = AuditJson.readReport(withoutEngineInterruption("engineInterruption"), "old");

    assertThat(back.gates().get(0).burnIn().engineInterruption()).isNull();
    assertThat(back.gates().get(0).burnIn().requested())
        .isEqualTo(AuditFixtures.shortenedBurnIn().burnIn().requested());
  }

  @Test
  void anyOtherMissingBurnInPropertyStillFailsNamingIt() throws Exception {
    String json = withoutEngineInterruption("requested");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditJson.readReport(json, "old"))
        .isInstanceOf(AuditJsonException.class)
        .hasMessageContaining("requested");
  }
}
