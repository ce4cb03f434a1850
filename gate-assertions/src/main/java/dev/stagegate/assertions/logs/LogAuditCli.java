package dev.stagegate.assertions.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Audits one log file from the command line, for the throughput benchmark ({@code
 * bench/log-audit-bench.sh}) and for trying rules on a saved log.
 *
 * <pre>
 * java -cp ... dev.stagegate.assertions.logs.LogAuditCli /tmp/app.log [--print]
 * 10234567 lines, 7104 findings, 812.3 MB/s
 * </pre>
 *
 * The file is streamed, never loaded whole. {@code --print} also lists the findings. MB/s is
 * mebibytes per second of the audit itself, not counting JVM start-up.
 */
public final class LogAuditCli {
  private LogAuditCli() {}

  /** Entry point; exit status 2 on bad usage or an unreadable file. */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--print"))) {
      System.err.println("usage: LogAuditCli FILE [--print]");
      System.exit(2);
    }
    boolean print = args.length == 2;
    Path file = Path.of(args[0]);
    LogScanner scanner = LogAudit.defaults().scanner(file.getFileName().toString());
    long[] findings = new long[1];
    long started = System.nanoTime();
    long bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes =
          LogStreamReader.feed(
              in,
              scanner,
              finding -> {
                findings[0]++;
                if (print) {
                  System.out.println(finding);
                }
              });
    } catch (NoSuchFileException e) {
      System.err.println("no such file: " + file);
      System.exit(2);
      return;
    } catch (IOException e) {
      System.err.println("cannot read " + file + ": " + e);
      System.exit(2);
      return;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double mbPerSecond = bytes / (1024.0 * 1024.0) / seconds;
    System.out.printf(
        Locale.ROOT,
        "%d lines, %d findings, %.1f MB/s%n",
        scanner.linesSeen(),
        findings[0],
        mbPerSecond);
  }
}
