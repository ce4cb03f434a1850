package dev.stagegate.report.deploy;

import static dev.stagegate.report.deploy.DeploymentEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTextLogTest {
  static final Instant WHEN = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path tmp;

  @Test
  void blocksInTheSeedFormatSeparatedByAnEmptyLine() throws Exception {
    DeploymentTextLog log = DeploymentTextLog.at(tmp.resolve("logs/deployments.log"));
    log.append(entry(WHEN, Outcome.SUCCESS, "not shown"));
    log.append(entry(WHEN.plusSeconds(3600), Outcome.ROLLED_BACK, ""));
    assertThat(Files.readString(log.file()))
        .isEqualTo(
            """
            [2024-05-01 12:00:00] DEPLOYMENT
            Version: 1.2.3
            Commit: 5d6e7f8
            Environment: production
            Deployed by: alice
            Status: SUCCESS
            Health check: PASSED
            Rollback: N/A

            [2024-05-01 13:00:00] DEPLOYMENT
            Version: 1.2.3
            Commit: 5d6e7f8
            Environment: production
            Deployed by: alice
            Status: FAILED
            Health check: FAILED
            Rollback: ROLLED_BACK

            """);
    assertThat(tmp.resolve("logs/deployments.log.lock")).exists();
  }

  @Test
  void aBlockAfterAKilledWritersPartialBlockStartsOnItsOwnLine() throws Exception {
    Path file = tmp.resolve("deployments.log");
    Files.writeString(
        file, "[2024-05-01 11:00:00] DEPLOYMENT\nVersion: 1.2", StandardOpenOption.CREATE);
    DeploymentTextLog.at(file).append(entry(WHEN, Outcome.SUCCESS, ""));
    assertThat(Files.readAllLines(file))
        .startsWith(
            "[2024-05-01 11:00:00] DEPLOYMENT", "Version: 1.2", "[2024-05-01 12:00:00] DEPLOYMENT");
  }

  @Test
  @Timeout(120)
  void eightThreadsAppendOneHundredEach() throws Exception {
    Path file = tmp.resolve("deployments.log");
    int threads = 8;
    int each = 100;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String writer = "t" + t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  DeploymentTextLog log = DeploymentTextLog.at(file);
                  for (int i = 0; i < each; i++) {
                    log.append(DeploymentEntries.versioned(writer + "#" + i));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertWholeBlocks(file, "t", threads, each);
  }

  @Test
  @Timeout(180)
  void threeProcessesAppendOneHundredEach() throws Exception {
    Path file = tmp.resolve("deployments.log");
    Path go = tmp.resolve("go");
    int processes = 3;
    int each = 100;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    try {
      for (int p = 0; p < processes; p++) {
        children.add(
            new ProcessBuilder(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    LogAppenderMain.class.getName(),
                    file.toString(),
                    "p" + p,
                    Integer.toString(each),
                    go.toString(),
                    "text")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("p" + p + ".out").toFile())
                .start());
      }
      Files.writeString(go, "go");
      for (int p = 0; p < processes; p++) {
        Process child = children.get(p);
        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("p%d finished", p).isTrue();
        assertThat(child.exitValue())
            .as("p%d exit; output: %s", p, Files.readString(tmp.resolve("p" + p + ".out")))
            .isZero();
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }
    assertWholeBlocks(file, "p", processes, each);
  }

  /** Every block has the seed's eight lines in order and an empty line; none lost or doubled. */
  private static void assertWholeBlocks(Path file, String prefix, int writers, int each)
      throws Exception {
    String raw = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(raw).endsWith("\n\n");
    String[] blocks = raw.split("\n\n", -1);
    assertThat(blocks).hasSize(writers * each + 1);
    assertThat(blocks[blocks.length - 1]).isEmpty();
    List<String> versions = new ArrayList<>();
    for (int b = 0; b < blocks.length - 1; b++) {
      List<String> lines = blocks[b].lines().toList();
      assertThat(lines).as("block %d", b).hasSize(8);
      assertThat(lines.get(0)).matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d] DEPLOYMENT");
      assertThat(lines.get(1)).startsWith("Version: ");
      assertThat(lines.subList(2, 8))
          .containsExactly(
              "Commit: 5d6e7f8",
              "Environment: production",
              "Deployed by: alice",
              "Status: SUCCESS",
              "Health check: PASSED",
              "Rollback: N/A");
      versions.add(lines.get(1).substring("Version: ".length()));
    }
    Set<String> expected = new HashSet<>();
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < each; i++) {
        expected.add(prefix + w + "#" + i);
      }
    }
    assertThat(versions).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }
}
