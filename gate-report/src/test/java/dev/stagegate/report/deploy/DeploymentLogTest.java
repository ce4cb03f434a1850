package dev.stagegate.report.deploy;

import static dev.stagegate.report.deploy.DeploymentEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLogTest {
  static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path tmp;

  @Test
  void appendsAndReadsBackInOrder() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("logs/deployments.jsonl"));
    assertThat(log.readAll().entries()).isEmpty();
    DeploymentEntry first = entry(T0, Outcome.SUCCESS, "first");
    DeploymentEntry second = entry(T0.plusSeconds(60), Outcome.ROLLED_BACK, "second");
    log.append(first);
    log.append(second);
    DeploymentLogContents read = DeploymentLog.at(log.file()).readAll();
    assertThat(read.entries()).containsExactly(first, second);
    assertThat(read.skipped()).isEmpty();
    assertThat(Files.readAllLines(log.file())).hasSize(2);
    assertThat(log.file().resolveSibling("deployments.jsonl.lock")).exists();
  }

  @Test
  void incompleteLastLineIsSkippedAndReportedThenEndedByTheNextAppend() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("deployments.jsonl"));
    log.append(entry("whole"));
    // What a writer killed mid-write leaves behind.
    Files.writeString(
        log.file(), "{\"when\":\"2024-05-01T1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    DeploymentLogContents read = log.readAll();
    assertThat(read.entries()).extracting(DeploymentEntry::note).containsExactly("whole");
    assertThat(read.skipped())
        .containsExactly(
            "line 2: incomplete last line (21 bytes without a line end; a writer was probably"
                + " stopped mid-write)");

    log.append(entry("after"));
    read = log.readAll();
    assertThat(read.entries()).extracting(DeploymentEntry::note).containsExactly("whole", "after");
    assertThat(read.skipped())
        .singleElement()
        .asString()
        .startsWith("line 2: not a deployment entry: ");
  }

  @Test
  void damagedLineIsReportedWithItsReason() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("deployments.jsonl"));
    String valid = new String(DeploymentLog.line(entry("ok")), StandardCharsets.UTF_8);
    Files.writeString(
        log.file(),
        valid + "\n" + valid.replace("\"SUCCESS\"", "\"MAYBE\"") + valid.replace("5d6e7f8a", "zz"));
    DeploymentLogContents read = log.readAll();
    assertThat(read.entries()).hasSize(1);
    assertThat(read.skipped()).hasSize(2);
    assertThat(read.skipped().get(0))
        .startsWith("line 3: not a deployment entry: ")
        .contains("MAYBE");
    assertThat(read.skipped().get(1))
        .isEqualTo("line 4: not a deployment entry: commit must be 7 to 64 hex digits");
  }
}
