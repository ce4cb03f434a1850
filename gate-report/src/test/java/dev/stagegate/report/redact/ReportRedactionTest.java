package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.ci.StepSummary;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportRedactionTest {
  private static final Path SAMPLE = Path.of("target", "redaction", "stability_audit.md");
  private final AuditReport planted = PlantedSecrets.report();
  private final AuditReport safe = ReportRedaction.redact(planted, PlantedSecrets.redactor());

  @Test
  void theUnredactedReportReallyHoldsEverySecret() {
    String markdown = unescaped(AuditMarkdown.standard().render(planted));
    for (String secret : FakeSecrets.all()) {
      assertThat(markdown).as("planted %s", secret).contains(secret);
    }
  }

  @Test
  void noSecretReachesTheMarkdown() throws IOException {
    String markdown = AuditMarkdown.standard().render(safe);
    // Kept for a reviewer of this change to read what redaction looks like.
    Files.createDirectories(SAMPLE.getParent());
    Files.writeString(SAMPLE, markdown);
    assertNoSecret(markdown);
    assertNoSecret(unescaped(markdown));
    assertThat(markdown).contains("[REDACTED:env SIGNING_SEED]").contains("[REDACTED:private-key]");
  }

  @Test
  void noSecretReachesTheJson() {
    String json = AuditJson.write(safe);
    assertNoSecret(json);
    assertNoSecret(json.replace("\\/", "/").replace("\\\"", "\""));
    // Still a valid audit of the same shape.
    AuditReport back = AuditJson.readReport(json, "redacted");
    assertThat(back.gates().get(0).services().get(0).lastLogLines())
        .hasSameSizeAs(planted.gates().get(0).services().get(0).lastLogLines());
  }

  @Test
  void noSecretReachesTheStepSummary() {
    String planted = new StepSummary().render(this.planted, Path.of("stability_audit.md"));
    assertThat(unescaped(planted)).contains(FakeSecrets.URL_PASSWORD);
    String summary = new StepSummary().render(safe, Path.of("stability_audit.md"));
    assertNoSecret(summary);
    assertNoSecret(unescaped(summary));
    assertThat(summary).contains("REDACTED:url-password");
  }

  @Test
  void benignTextAndIdentifiersSurvive() {
    String markdown = unescaped(AuditMarkdown.standard().render(safe));
    for (String benign : PlantedSecrets.BENIGN) {
      assertThat(markdown).contains(benign);
    }
    assertThat(safe.gates().get(0).id()).isEqualTo("shop.ShopGateTest#burnIn");
    assertThat(safe.gates().get(0).displayName()).isEqualTo("survives 10 minutes");
    assertThat(safe.gates().get(0).services().get(0).stats())
        .isEqualTo(planted.gates().get(0).services().get(0).stats());
  }

  @Test
  void aReportWithoutSecretsIsUnchanged() {
    AuditReport small = AuditFixtures.small();
    assertThat(ReportRedaction.redact(small, PlantedSecrets.redactor())).isEqualTo(small);
  }

  static void assertNoSecret(String output) {
    for (String secret : FakeSecrets.all()) {
      assertThat(output).as("leaked %s", secret).doesNotContain(secret);
    }
  }

  /** Markdown escapes (a backslash before punctuation) would hide a leak from a plain search. */
  static String unescaped(String markdown) {
    return markdown.replace("\\", "");
  }
}
