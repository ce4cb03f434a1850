package dev.stagegate.assertions.logs;

/**
 * How the lines of a Python traceback look, for the block state machine in {@link
 * CrashBlockMachine}.
 *
 * <pre>
 * Traceback (most recent call last):          start
 *   File "/app/worker.py", line 88, in run     frame (indented)
 *     result = handler(payload)                frame (indented)
 * ValueError: unexpected payload               exception: first non-indented line
 *
 * During handling of the above exception, another exception occurred:   chain connector
 * </pre>
 *
 * All checks take the line's content, i.e. after any docker timestamp.
 */
final class PythonTraceback {
  static final String RULE = BlockRule.PYTHON_TRACEBACK.ruleName();
  private static final String START = "Traceback (most recent call last):";
  private static final String QUOTE = "\"\"\"";

  private PythonTraceback() {}

  /** Also true for Python 3.11's {@code Exception Group Traceback (most recent call last):}. */
  static boolean isStart(String content) {
    return content.contains(START);
  }

  static boolean isFrame(String content) {
    return !content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t');
  }

  /**
   * {@code ValueError: boom}, {@code KeyboardInterrupt}, {@code psycopg2.errors.UndefinedTable:
   * ...}: a dotted name, then a colon or the end of the line. A timestamped log line does not look
   * like this, so a traceback cut short by other output is not mistaken for having an exception.
   */
  static boolean isException(String content) {
    int n = content.length();
    if (n == 0 || !Character.isJavaIdentifierStart(content.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = content.charAt(i);
      if (c == ':') {
        return true;
      }
      if (c != '.' && !Character.isJavaIdentifierPart(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The line of three double quotes that opens or closes a triple-quoted exception message, as
   * billiard's {@code ExceptionWithTraceback} (Celery's prefork pool) prints a task's traceback.
   */
  static boolean isMessageQuote(String content) {
    return content.strip().equals(QUOTE);
  }

  /** The sentences Python prints between the tracebacks of a chained exception. */
  static boolean isChainConnector(String content) {
    return content.startsWith("During handling of the above exception")
        || content.startsWith("The above exception was the direct cause");
  }
}
