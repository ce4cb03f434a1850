package dev.stagegate.report.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFilesTest {

  @Test
  void writesBothFilesIntoANewDirectory(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("target/stagegate");
    AuditFiles.Written written = AuditFiles.write(AuditFixtures.small(), dir);

    assertThat(written.markdown()).isEqualTo(AuditFiles.markdownPath(dir));
    assertThat(written.json()).isEqualTo(AuditFiles.jsonPath(dir));
    assertThat(written.markdown().getFileName()).hasToString("stability_audit.md");
    assertThat(written.json().getFileName()).hasToString("stability_audit.json");
    assertThat(Files.readString(written.markdown(), StandardCharsets.UTF_8))
        .isEqualTo(AuditMarkdown.standard().render(AuditFixtures.small()));
    assertThat(AuditJson.readReport(written.json())).isEqualTo(AuditFixtures.small());
    assertThat(listing(dir))
        .containsExactlyInAnyOrder("stability_audit.md", "stability_audit.json");
  }

  @Test
  void replacesAnEarlierAudit(@TempDir Path dir) throws Exception {
    AuditFiles.write(AuditFixtures.small(), dir);
    AuditReport passing =
        new AuditReport(
            AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(AuditFixtures.passingGate()));
    AuditFiles.write(passing, dir);
    assertThat(AuditJson.readReport(AuditFiles.jsonPath(dir))).isEqualTo(passing);
    assertThat(Files.readString(AuditFiles.markdownPath(dir))).contains("**Verdict: PASS**");
    assertThat(listing(dir)).hasSize(2);
  }

  @Test
  void renderingFailureLeavesEarlierAuditAndNoTempFiles(@TempDir Path dir) throws Exception {
    AuditFiles.write(AuditFixtures.small(), dir);
    String before = Files.readString(AuditFiles.markdownPath(dir));
    AuditMarkdown broken =
        AuditMarkdown.standard()
            .withReportSection(
                (report, doc) -> {
                  throw new IllegalStateException("boom");
                });
    assertThatThrownBy(() -> AuditFiles.write(AuditFixtures.small(), dir, broken))
        .hasMessage("boom");
    assertThat(Files.readString(AuditFiles.markdownPath(dir))).isEqualTo(before);
    assertThat(listing(dir)).hasSize(2);
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsAnError(@TempDir Path tmp) throws Exception {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> AuditFiles.write(AuditFixtures.small(), notADir))
        .isInstanceOf(java.io.IOException.class);
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
