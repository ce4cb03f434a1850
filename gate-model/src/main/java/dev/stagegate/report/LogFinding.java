package dev.stagegate.report;

/**
 * A line (or a block, such as a Python traceback) in a service's log that signals a problem.
 *
 * @param service the compose service whose log holds it
 * @param lineNumber 1-based number of the line that starts the finding in that service's log
 * @param rule the name of the rule that matched, e.g. {@code python-traceback}, {@code error-level}
 * @param line the quoted line; for a traceback block, its last line (the exception)
 * @param blockLines how many log lines the finding spans (1 for a single line)
 */
public record LogFinding(
    String service, long lineNumber, String rule, String line, int blockLines) {
  public LogFinding {
    if (blockLines < 1) {
      throw new IllegalArgumentException("blockLines must be >= 1 but was " + blockLines);
    }
  }

  /** A finding that is one line long. */
  public static LogFinding single(String service, long lineNumber, String rule, String line) {
    return new LogFinding(service, lineNumber, rule, line, 1);
  }
}
