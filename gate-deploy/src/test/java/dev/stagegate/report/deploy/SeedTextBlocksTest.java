package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTextBlocksTest {
  private static DeploymentEntry entry(String when, String version, Outcome outcome) {
    return new DeploymentEntry(
        Instant.parse(when),
        version,
        DeploymentEntries.HEAD,
        "production",
        "alice",
        outcome,
        Duration.ofSeconds(5),
        List.of(),
        null,
        "");
  }

  @Test
  void readsBackWhatTheTextLogWritesAndSkipsAPartialBlock() {
    String log =
        entry("2026-12-01T10:00:00Z", "1.0.0", Outcome.SUCCESS).toSeedText()
            + "\n"
            + entry("2026-12-02T10:00:00Z", "1.1.0", Outcome.ROLLED_BACK).toSeedText()
            + "\n"
            + entry("2026-12-03T10:00:00Z", "1.2.0", Outcome.FAILED).toSeedText()
            + "\n"
            // a writer stopped mid-block: no Status line
            + "[2026-12-04 10:00:00] DEPLOYMENT\nVersion: 1.3.0\nCommit: 5d6e7f8\n";

    assertThat(SeedTextBlocks.parse(log))
        .containsExactly(
            new SeedTextBlocks.Block(
                Instant.parse("2026-12-01T10:00:00Z"),
                "1.0.0",
                "5d6e7f8",
                "production",
                Outcome.SUCCESS),
            new SeedTextBlocks.Block(
                Instant.parse("2026-12-02T10:00:00Z"),
                "1.1.0",
                "5d6e7f8",
                "production",
                Outcome.ROLLED_BACK),
            new SeedTextBlocks.Block(
                Instant.parse("2026-12-03T10:00:00Z"),
                "1.2.0",
                "5d6e7f8",
                "production",
                Outcome.FAILED));
  }

  @Test
  void linesBeforeTheFirstHeaderAndBadCommitsAreIgnored() {
    String log =
        "Status: SUCCESS\nCommit: 5d6e7f8\n\n"
            + "[2026-12-01 10:00:00] DEPLOYMENT\nVersion: 1.0.0\nCommit: not-hex\nStatus: SUCCESS\n";

    assertThat(SeedTextBlocks.parse(log)).isEmpty();
  }
}
