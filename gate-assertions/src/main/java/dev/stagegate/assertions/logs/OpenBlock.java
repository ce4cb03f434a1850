package dev.stagegate.assertions.logs;

/**
 * The crash block {@link CrashBlockMachine} has open: where it starts and ends, its first line, the
 * line it quotes, its rule, and what the lines read so far say about the lines that may still
 * belong to it.
 */
final class OpenBlock {
  private static final String ERROR_LEVEL = LineRule.ERROR_LEVEL.ruleName();
  private static final String FATAL_LEVEL = LineRule.FATAL_LEVEL.ruleName();

  // A chained traceback has one blank line on each side of the connector sentence, a goroutine
  // dump one between goroutines; allow a few more before deciding the block is over.
  static final int MAX_PENDING = 4;

  /** What a line read by {@link #tail} does to the block. */
  enum TailStep {
    /** The line belongs to the block, or is a blank line the block may still span. */
    KEPT,
    /** The line starts the Python traceback the block's head announced. */
    TRACEBACK,
    /** The block ended before the line. */
    ENDED
  }

  long start;
  long end;
  String firstLine;
  String message;
  String rule;
  int pendingLines;
  boolean sawConnector;
  boolean goDump;
  boolean inQuotedMessage;
  boolean expectMessage;
  boolean headIsFinding;
  String logcatSource;
  // The JVM's fatal error report prints every line after a "#".
  boolean commentHead;

  void open(String line, long number, String ruleName) {
    start = number;
    end = number;
    firstLine = line;
    message = line;
    rule = ruleName;
    pendingLines = 0;
    sawConnector = false;
    goDump = false;
    inQuotedMessage = false;
    expectMessage = false;
    headIsFinding = false;
    logcatSource = null;
    commentHead = DockerTimestamp.stripped(line).startsWith("#");
  }

  void extend(long number) {
    end = number;
    pendingLines = 0;
  }

  /** A logger's ERROR line followed by a crash is named after the crash. */
  void upgrade(String crashRule) {
    if (isLevelRule()) {
      rule = crashRule;
    }
  }

  /**
   * Reads a line while the block is open and no other layout (Python's, Node's) holds it: whether
   * the line continues the block, starts the traceback its head announced, or comes after its end.
   */
  TailStep tail(String line, String content, long number, boolean tracebacks) {
    if (content.isBlank()) {
      return ++pendingLines > MAX_PENDING ? TailStep.ENDED : TailStep.KEPT;
    }
    if (expectMessage) {
      expectMessage = false;
      message = line;
      extend(number);
      return TailStep.KEPT;
    }
    // Only the first line after a logger's line may be the exception or traceback it announces.
    boolean rightAfterHead = end == start && pendingLines == 0;
    if (rightAfterHead && tracebacks && PythonTraceback.isStart(content)) {
      upgrade(PythonTraceback.RULE);
      extend(number);
      return TailStep.TRACEBACK;
    }
    if (CrashLayout.isCause(content) || (rightAfterHead && CrashLayout.isExceptionLine(content))) {
      upgrade(BlockRule.EXCEPTION_STACK_TRACE.ruleName());
      message = line;
      extend(number);
      return TailStep.KEPT;
    }
    if (CrashLayout.isWhat(content)) {
      message = line;
      extend(number);
      return TailStep.KEPT;
    }
    if (CrashLayout.isStackFrame(content)) {
      upgrade(BlockRule.EXCEPTION_STACK_TRACE.ruleName());
      extend(number);
      return TailStep.KEPT;
    }
    if (CrashLayout.isGoPanic(content)) {
      upgrade(content.startsWith("panic: ") ? "go-panic" : "go-fatal-error");
      message = line;
      extend(number);
      return TailStep.KEPT;
    }
    if (CrashLayout.isGoDumpStart(content)) {
      goDump = true;
      extend(number);
      return TailStep.KEPT;
    }
    if (logcatSource != null && logcatSource.equals(CrashLayout.logcatSource(content))) {
      if (CrashLayout.isExceptionLine(CrashLayout.logcatMessage(content))) {
        message = line;
      }
      extend(number);
      return TailStep.KEPT;
    }
    if (isContinuation(content)) {
      extend(number);
      return TailStep.KEPT;
    }
    return TailStep.ENDED;
  }

  /**
   * Whether a non-blank line that no crash layout claimed for itself still belongs to the block:
   * indented lines, a Go dump, the process's end, Node's warnings and so on.
   */
  private boolean isContinuation(String content) {
    return CrashLayout.isIndented(content)
        || (goDump && CrashLayout.isGoDumpLine(content))
        || CrashLayout.isProcessEnd(content)
        || CrashLayout.isNodeWarning(content)
        || CrashLayout.isClosingBrace(content)
        || CrashLayout.isFaulthandlerLine(content)
        || (nodeRule() && CrashLayout.isNodeRequireStack(content))
        || (commentHead && content.startsWith("#"))
        || (isLevelRule() && CrashLayout.isPostgresDetail(content))
        || (rule.equals(LineRule.NPM_ERROR.ruleName())
            && LineRule.NPM_ERROR.matches(content, null));
  }

  LogFailure toFailure(String service) {
    return new LogFailure(service, rule, start, end, firstLine, message);
  }

  private boolean nodeRule() {
    return rule.equals(BlockRule.NODE_UNCAUGHT_EXCEPTION.ruleName())
        || rule.equals(LineRule.NODE_UNHANDLED_REJECTION.ruleName());
  }

  private boolean isLevelRule() {
    return rule.equals(ERROR_LEVEL) || rule.equals(FATAL_LEVEL);
  }
}
