package dev.stagegate.report.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A separate writer process for {@link DeploymentLogConcurrencyTest}: waits for a start file, so
 * that all writers append at the same time, then appends COUNT entries noted {@code WRITER#i}. With
 * {@code text} as fifth argument it appends to a {@link DeploymentTextLog} instead, with versions
 * {@code WRITER#i}.
 *
 * <p>Usage: {@code LogAppenderMain LOG WRITER COUNT START_FILE [text]}
 */
public final class LogAppenderMain {
  private LogAppenderMain() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    String writer = args[1];
    int count = Integer.parseInt(args[2]);
    Path start = Path.of(args[3]);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(start)) {
      if (System.nanoTime() > deadline) {
        System.err.println("no start file " + start);
        System.exit(3);
      }
      Thread.sleep(5);
    }
    if (args.length > 4 && args[4].equals("text")) {
      DeploymentTextLog text = DeploymentTextLog.at(log);
      for (int i = 0; i < count; i++) {
        text.append(DeploymentEntries.versioned(writer + "#" + i));
      }
      return;
    }
    DeploymentLog deployments = DeploymentLog.at(log);
    for (int i = 0; i < count; i++) {
      deployments.append(DeploymentEntries.entry(Instant.now(), Outcome.SUCCESS, writer + "#" + i));
    }
  }
}
