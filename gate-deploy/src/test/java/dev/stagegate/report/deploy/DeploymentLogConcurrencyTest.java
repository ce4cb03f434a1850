package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Many writers at once, in threads and in separate JVMs: every entry whole, none lost. */
class DeploymentLogConcurrencyTest {
  @TempDir Path tmp;

  @Test
  @Timeout(120)
  void eightThreadsAppendTwoHundredEach() throws Exception {
    Path file = tmp.resolve("deployments.jsonl");
    int threads = 8;
    int each = 200;
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
                  // A log per thread: the JVM-wide lock must not depend on sharing an instance.
                  DeploymentLog log = DeploymentLog.at(file);
                  for (int i = 0; i < each; i++) {
                    log.append(
                        DeploymentEntries.entry(Instant.now(), Outcome.SUCCESS, writer + "#" + i));
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
    assertAllPresent(file, "t", threads, each);
  }

  @Test
  @Timeout(180)
  void threeProcessesAppendTwoHundredEach() throws Exception {
    Path file = tmp.resolve("deployments.jsonl");
    Path go = tmp.resolve("go");
    int processes = 3;
    int each = 200;
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
                    go.toString())
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
    assertAllPresent(file, "p", processes, each);
  }

  private static void assertAllPresent(Path file, String prefix, int writers, int each)
      throws Exception {
    String raw = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(raw).endsWith("\n");
    List<String> lines = raw.lines().toList();
    assertThat(lines).hasSize(writers * each);

    DeploymentLogContents read = DeploymentLog.at(file).readAll();
    assertThat(read.skipped()).isEmpty();
    assertThat(read.entries()).hasSize(writers * each);
    Set<String> expected = new HashSet<>();
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < each; i++) {
        expected.add(prefix + w + "#" + i);
      }
    }
    assertThat(read.entries().stream().map(DeploymentEntry::note).toList())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
