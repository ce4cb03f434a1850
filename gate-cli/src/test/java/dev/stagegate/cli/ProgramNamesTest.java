package dev.stagegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgramNamesTest {
  final ProgramNames marker =
      ProgramNames.of("marker", "MarkerCli", "MarkerCli write", "stagegate marker");
  final ProgramNames approve =
      ProgramNames.of("approve", "ApprovalCli", "ApprovalCli", "stagegate");

  @Test
  void renamesAProblemsPrefixAndAUsagesProgram() {
    assertThat(marker.rename("MarkerCli: missing --environment"))
        .isEqualTo("stagegate marker: missing --environment");
    assertThat(marker.rename("usage: MarkerCli write --version V"))
        .isEqualTo("usage: stagegate marker --version V");
    assertThat(approve.rename("usage: ApprovalCli approve --audit FILE"))
        .isEqualTo("usage: stagegate approve --audit FILE");
    assertThat(approve.rename("       ApprovalCli check --audit FILE"))
        .isEqualTo("       stagegate check --audit FILE");
  }

  @Test
  void leavesEverythingElseAlone() {
    for (String line :
        new String[] {
          "NO_AUDIT: There is no audit at /srv/ApprovalCli/stability_audit.md",
          "ApprovalCliX: not the tool",
          "usage: ApprovalClient approve",
          "Cannot write the deployment marker /tmp/MarkerCli write/m: denied",
          "",
        }) {
      assertThat(approve.rename(line)).isEqualTo(line);
      assertThat(marker.rename(line)).isEqualTo(line);
    }
    assertThat(marker.rename("usage: MarkerCli read")).isEqualTo("usage: MarkerCli read");
  }

  @Test
  void theStreamRenamesWholeLinesKeepsTheirBreaksAndWritesAnUnfinishedLastOne() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream target = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgramNames.Stream stream = marker.over(target)) {
      PrintStream err = new PrintStream(stream, true, StandardCharsets.UTF_8);
      err.print("MarkerCli: ");
      err.flush();
      err.print("missing --environment ✗\nusage: MarkerCli write --version V\r\n");
      err.print("MarkerCli: no newline");
      err.flush();
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "stagegate marker: missing --environment ✗\n"
                + "usage: stagegate marker --version V\r\n"
                + "stagegate marker: no newline");
  }
}
