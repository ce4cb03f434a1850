package dev.stagegate.assertions.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

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
@API(status = API.Status.STABLE, since = "0.1")
public final class LogAuditCli {
  private LogAuditCli() {}

  /** Entry point; exit status 2 on bad usage or an unreadable file. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit status: 0, or 2 as {@link #main} says. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--print"))) {
      err.println("usage: LogAuditCli FILE [--print]");
      return 2;
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
                  out.println(finding);
                }
              });
    } catch (NoSuchFileException e) {
      err.println("no such file: " + file);
      return 2;
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e);
      return 2;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double mbPerSecond = bytes / (1024.0 * 1024.0) / seconds;
    out.printf(
        Locale.ROOT,
        "%d lines, %d findings, %.1f MB/s%n",
        scanner.linesSeen(),
        findings[0],
        mbPerSecond);
    return 0;
  }
}
