package dev.stagegate.assertions.logs;

import dev.stagegate.report.LogFinding;

/**
 * One failure in a service's log: a single problem line, or every line of one crash (a logger's
 * ERROR line with the traceback that follows it, an exception with its {@code Caused by:} chain and
 * frames, a panic with its signal line and goroutine dump, ...).
 *
 * <pre>{@code
 * for (LogFailure f : LogAudit.defaults().failures("api", lines)) {
 *   System.out.println(f.firstLineNumber() + "-" + f.lastLineNumber() + " " + f.message());
 * }
 * }</pre>
 *
 * @param service the compose service whose log holds it
 * @param rule the name of the rule that matched, e.g. {@code python-traceback}, {@code error-level}
 * @param firstLineNumber 1-based number of the block's first line
 * @param lastLineNumber number of the block's last line (blank lines after it are not counted)
 * @param firstLine the block's first line, e.g. the logger line that announced the crash
 * @param message the block's last meaningful line: the exception that escaped (Python), the root
 *     {@code Caused by:} (Java), the error line under Node's caret, C++'s {@code what():}, Rust's
 *     panic message; the line itself for a single line
 */
public record LogFailure(
    String service,
    String rule,
    long firstLineNumber,
    long lastLineNumber,
    String firstLine,
    String message) {
  public LogFailure {
    if (firstLineNumber < 1 || lastLineNumber < firstLineNumber) {
      throw new IllegalArgumentException(
          "a failure must span lines first >= 1 to last >= first but was "
              + firstLineNumber
              + " to "
              + lastLineNumber);
    }
  }

  /** How many log lines the failure spans. */
  public int lineCount() {
    return Math.toIntExact(lastLineNumber - firstLineNumber + 1);
  }

  /** The report's view: starts at the first line, quotes the message, spans the block. */
  public LogFinding toFinding() {
    return new LogFinding(service, firstLineNumber, rule, message, lineCount());
  }
}
