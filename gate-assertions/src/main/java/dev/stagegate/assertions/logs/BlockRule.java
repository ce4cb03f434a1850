package dev.stagegate.assertions.logs;

/**
 * The rules that recognise a failure only from several lines together; each can be turned off like
 * a {@link LineRule}. A single-line finding followed by such a block is still one failure (see
 * {@link LogScanner}).
 */
enum BlockRule {
  /** {@code Traceback (most recent call last):}, frames, the exception, chained tracebacks. */
  PYTHON_TRACEBACK("python-traceback"),
  /**
   * Node's uncaught-error layout: {@code /app/server.js:452}, the source line, a caret line, then
   * the error ({@code TypeError: ...}) and its {@code at} frames.
   */
  NODE_UNCAUGHT_EXCEPTION("node-uncaught-exception"),
  /**
   * An exception line without {@code Exception in thread} ({@code com.x.FooException: msg}, {@code
   * TypeError: msg}) followed by {@code at ...} frames (Java, Kotlin, JavaScript, .NET).
   */
  EXCEPTION_STACK_TRACE("exception-stack-trace");

  private final String ruleName;

  BlockRule(String ruleName) {
    this.ruleName = ruleName;
  }

  String ruleName() {
    return ruleName;
  }
}
