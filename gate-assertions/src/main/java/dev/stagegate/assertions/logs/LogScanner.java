package dev.stagegate.assertions.logs;

import dev.stagegate.report.LogFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Audits one service's log stream line by line; created by {@link LogAudit#scanner(String)}.
 *
 * <p>One failure is one finding. A problem line opens a block, and the lines that belong to the
 * same crash extend it (see {@link CrashLayout}): a logger's ERROR line and the Python traceback or
 * Java exception printed under it, an exception with its {@code Caused by:} chain and frames, a Go
 * panic with its {@code [signal ...]} line and goroutine dump, a Node rejection with its follow-up
 * warnings, C++'s {@code terminate called ...} with {@code what():} and {@code Aborted}. The
 * finding starts at the block's first line, quotes its last meaningful line (the exception that
 * escaped, the root cause, the panic message) and spans every line up to the last one that belongs
 * to it. Because a block may go on, its finding comes back from the {@link #accept} call that sees
 * the first line after it (or from {@link #finish()} at the end of the stream). Lines are numbered
 * from 1 in the order they are accepted.
 *
 * <pre>{@code
 * LogScanner scanner = LogAudit.defaults().scanner("api");
 * List<LogFinding> findings = new ArrayList<>();
 * for (String line : logLines) {
 *   findings.addAll(scanner.accept(line));
 * }
 * findings.addAll(scanner.finish());
 * }</pre>
 *
 * <p>Chained Python exceptions ({@code During handling of the above exception, another exception
 * occurred:} or {@code The above exception was the direct cause of the following exception:}
 * between tracebacks) are ONE finding. Two tracebacks without such a sentence between them are two
 * findings. An exception whose message is a triple-quoted block holding the original traceback
 * (Celery's {@code billiard.einfo.ExceptionWithTraceback}) is one finding too, quoting the
 * innermost exception. The lines inside a block are part of that finding and are not judged by the
 * single-line rules.
 *
 * <p>Not thread-safe: use one scanner per stream.
 */
public final class LogScanner {
  private enum State {
    /** Outside any block: only lines that pass {@link AnchorPrefilter} need a look. */
    IDLE,
    /** After Node's {@code file.js:452} line: the next line is the source line. */
    NODE_SOURCE,
    /** After the source line: a caret line confirms the layout. */
    NODE_CARET,
    /** After the caret: blank lines, then the error line. */
    NODE_MESSAGE,
    /** An exception line outside a block: it is a failure if frames follow. */
    HELD_EXCEPTION,
    /** After a {@code Traceback} line, reading indented frames. */
    PY_FRAMES,
    /** After a Python exception line; a chain connector may still continue the block. */
    PY_AFTER_EXCEPTION,
    /** An open block that the crash layouts in {@link CrashLayout} may continue. */
    TAIL
  }

  // A chained traceback has one blank line on each side of the connector sentence, a goroutine
  // dump one between goroutines; allow a few more before deciding the block is over.
  private static final int MAX_PENDING = 4;
  private static final String ERROR_LEVEL = LineRule.ERROR_LEVEL.ruleName();
  private static final String FATAL_LEVEL = LineRule.FATAL_LEVEL.ruleName();

  private final String service;
  private final LineRule[] rules;
  private final boolean tracebacks;
  private final boolean nodeLayout;
  private final boolean stackTraces;
  private final Pattern[] allowed;

  private long lines;
  private State state = State.IDLE;
  private final List<LogFailure> out = new ArrayList<>();

  // The open block.
  private long blockStart;
  private long blockEnd;
  private String firstLine;
  private String message;
  private String rule;
  private int pendingLines;
  private boolean sawConnector;
  private boolean goDump;
  private boolean inQuotedMessage;
  private boolean expectMessage;
  private boolean headIsFinding;
  private String logcatSource;
  // The JVM's fatal error report prints every line after a "#".
  private boolean commentHead;

  // A line held back until the next one decides what it is (Node's source line, an exception line).
  private String held;
  private long heldNumber;

  LogScanner(
      String service, List<LineRule> rules, Set<BlockRule> blockRules, List<Pattern> allowed) {
    this.service = service;
    this.rules = rules.toArray(new LineRule[0]);
    this.tracebacks = blockRules.contains(BlockRule.PYTHON_TRACEBACK);
    this.nodeLayout = blockRules.contains(BlockRule.NODE_UNCAUGHT_EXCEPTION);
    this.stackTraces = blockRules.contains(BlockRule.EXCEPTION_STACK_TRACE);
    this.allowed = allowed.toArray(new Pattern[0]);
  }

  /**
   * Reads the next line (without its line terminator; a leading {@code docker logs -t} timestamp is
   * tolerated).
   *
   * @return the findings this line completes, usually none
   */
  public List<LogFinding> accept(String line) {
    return findings(acceptFailures(line));
  }

  /** Reports a block that is still open because the stream ended inside it. */
  public List<LogFinding> finish() {
    return findings(finishFailures());
  }

  /** How many lines {@link #accept} has read. */
  public long linesSeen() {
    return lines;
  }

  /**
   * The block still open whose first line is a problem by itself (an ERROR line, a {@code panic:},
   * ...), as read so far; empty if none, or if the allowlist drops it as it stands. A watch that
   * fails fast can act on it at once instead of waiting for the line that closes the block; the
   * finding {@link #accept} returns later for the same first line is the complete one.
   *
   * <pre>{@code
   * scanner.accept(line);
   * scanner.openFinding().ifPresent(f -> stopTheWatch(f));
   * }</pre>
   */
  public Optional<LogFinding> openFinding() {
    if (!headIsFinding
        || (state != State.TAIL && state != State.PY_FRAMES && state != State.PY_AFTER_EXCEPTION)) {
      return Optional.empty();
    }
    LogFailure open = new LogFailure(service, rule, blockStart, blockEnd, firstLine, message);
    return isAllowed(open) ? Optional.empty() : Optional.of(open.toFinding());
  }

  /** {@link #accept} with the whole block: first line, message and line range. */
  List<LogFailure> acceptFailures(String line) {
    lines++;
    if (state == State.IDLE && !AnchorPrefilter.mayMatch(line)) {
      return List.of();
    }
    return step(line);
  }

  /** {@link #finish()} with the whole block. */
  List<LogFailure> finishFailures() {
    out.clear();
    switch (state) {
      case NODE_SOURCE -> state = State.IDLE;
      case NODE_CARET -> {
        // Not Node's layout after all: the held source line is an ordinary line.
        state = State.IDLE;
        String source = held;
        held = null;
        if (AnchorPrefilter.mayMatch(source)) {
          next(source, heldNumber);
        }
        if (state != State.IDLE) {
          close();
        }
      }
      case HELD_EXCEPTION -> {
        state = State.IDLE;
        held = null;
      }
      case IDLE -> {}
      default -> close();
    }
    return drain();
  }

  /** Whether the next line must be decoded and accepted even if the prefilter rejects it. */
  boolean needsEveryLine() {
    return state != State.IDLE;
  }

  /**
   * Counts a line the caller has already found to fail {@link AnchorPrefilter} while {@link
   * #needsEveryLine()} was false; the fast path uses it to avoid decoding ordinary lines.
   */
  void skipLine() {
    lines++;
  }

  /** Like {@link #acceptFailures} for a line the caller already found to pass the prefilter. */
  List<LogFailure> acceptCandidate(String line) {
    lines++;
    return step(line);
  }

  private List<LogFailure> step(String line) {
    out.clear();
    next(line, lines);
    return drain();
  }

  private List<LogFailure> drain() {
    if (out.isEmpty()) {
      return List.of();
    }
    List<LogFailure> done = List.copyOf(out);
    out.clear();
    return done;
  }

  private static List<LogFinding> findings(List<LogFailure> failures) {
    if (failures.isEmpty()) {
      return List.of();
    }
    List<LogFinding> findings = new ArrayList<>(failures.size());
    for (LogFailure f : failures) {
      findings.add(f.toFinding());
    }
    return findings;
  }

  /** One line in whatever state the scanner is in; finished blocks go to {@link #out}. */
  private void next(String line, long number) {
    String content = content(line);
    switch (state) {
      case IDLE -> idle(line, content, number);
      case NODE_SOURCE -> {
        held = line;
        heldNumber = number;
        state = State.NODE_CARET;
      }
      case NODE_CARET -> nodeCaret(line, content, number);
      case NODE_MESSAGE -> nodeMessage(line, content, number);
      case HELD_EXCEPTION -> heldException(line, content, number);
      case PY_FRAMES -> pythonFrames(line, content, number);
      case PY_AFTER_EXCEPTION -> pythonAfterException(line, content, number);
      case TAIL -> tail(line, content, number);
    }
  }

  /** A line outside any block that passed the prefilter (callers check it). */
  private void idle(String line, String content, long number) {
    if (tracebacks && PythonTraceback.isStart(content)) {
      open(line, number, PythonTraceback.RULE);
      state = State.PY_FRAMES;
      return;
    }
    if (nodeLayout && CrashLayout.isNodeFileLine(content)) {
      open(line, number, BlockRule.NODE_UNCAUGHT_EXCEPTION.ruleName());
      state = State.NODE_SOURCE;
      return;
    }
    Severity severity = null;
    for (LineRule r : rules) {
      if (severity == null && r.needsSeverity()) {
        severity = LevelDetector.severity(content);
      }
      if (r.matches(content, severity)) {
        if (r.findsSignatureAnywhere()) {
          if (severity == null) {
            severity = LevelDetector.severity(content);
          }
          if (severity == Severity.QUIET) {
            continue;
          }
        }
        open(line, number, r.ruleName());
        headIsFinding = true;
        logcatSource = CrashLayout.logcatSource(content);
        // Rust 1.73+ prints the panic message on the line after "panicked at file:line:col:".
        expectMessage = r == LineRule.RUST_PANIC && content.endsWith(":");
        state = State.TAIL;
        return;
      }
    }
    if (stackTraces && CrashLayout.isExceptionLine(content)) {
      held = line;
      heldNumber = number;
      state = State.HELD_EXCEPTION;
    }
  }

  /** Leaves the block state and judges {@code line} afresh, as if outside any block. */
  private void restart(String line, String content, long number) {
    state = State.IDLE;
    if (AnchorPrefilter.mayMatch(line)) {
      idle(line, content, number);
    }
  }

  private void closeAndRestart(String line, String content, long number) {
    close();
    restart(line, content, number);
  }

  private void heldException(String line, String content, long number) {
    if (CrashLayout.isStackFrame(content)) {
      open(held, heldNumber, BlockRule.EXCEPTION_STACK_TRACE.ruleName());
      held = null;
      extend(number);
      state = State.TAIL;
      return;
    }
    held = null;
    restart(line, content, number);
  }

  private void nodeCaret(String line, String content, long number) {
    if (CrashLayout.isCaret(content)) {
      held = null;
      extend(number);
      state = State.NODE_MESSAGE;
      return;
    }
    // Not Node's layout: the file:line line was an ordinary line, judge the other two afresh.
    String source = held;
    long sourceNumber = heldNumber;
    held = null;
    state = State.IDLE;
    firstLine = null;
    restart(source, content(source), sourceNumber);
    if (state == State.IDLE) {
      restart(line, content, number);
    } else {
      next(line, number);
    }
  }

  private void nodeMessage(String line, String content, long number) {
    if (content.isBlank()) {
      if (++pendingLines > MAX_PENDING) {
        closeAndRestart(line, content, number);
      }
      return;
    }
    message = line;
    if (content.contains("UnhandledPromiseRejection")) {
      rule = LineRule.NODE_UNHANDLED_REJECTION.ruleName();
    }
    extend(number);
    state = State.TAIL;
  }

  private void pythonFrames(String line, String content, long number) {
    if (PythonTraceback.isFrame(content)) {
      // Until the exception line arrives, a traceback cut short quotes its last frame.
      message = line;
      extend(number);
      return;
    }
    if (PythonTraceback.isStart(content)) {
      // A new traceback before the exception line: the previous one was cut short.
      close();
      open(line, number, PythonTraceback.RULE);
      state = State.PY_FRAMES;
      return;
    }
    if (PythonTraceback.isException(content)) {
      message = line;
      extend(number);
      state = State.PY_AFTER_EXCEPTION;
      sawConnector = false;
      return;
    }
    closeAndRestart(line, content, number);
  }

  private void pythonAfterException(String line, String content, long number) {
    // A triple-quoted message opens (or closes) on a line of its own, and the traceback it quotes
    // is part of this block: Celery's prefork pool logs a failed task as
    // billiard.einfo.ExceptionWithTraceback, then the task's traceback between two lines of """.
    if (PythonTraceback.isMessageQuote(content)) {
      extend(number);
      inQuotedMessage = !inQuotedMessage;
      return;
    }
    if (inQuotedMessage && PythonTraceback.isStart(content)) {
      extend(number);
      state = State.PY_FRAMES;
      return;
    }
    // Hold blank lines and the connector until we know whether a chain follows.
    if (content.isBlank() && pendingLines < MAX_PENDING) {
      pendingLines++;
      return;
    }
    if (!sawConnector && PythonTraceback.isChainConnector(content)) {
      sawConnector = true;
      pendingLines++;
      return;
    }
    if (sawConnector && PythonTraceback.isStart(content)) {
      extend(number);
      state = State.PY_FRAMES;
      return;
    }
    if (sawConnector) {
      // A connector with no traceback after it is not part of the block.
      closeAndRestart(line, content, number);
      return;
    }
    tail(line, content, number);
  }

  private void tail(String line, String content, long number) {
    if (content.isBlank()) {
      if (++pendingLines > MAX_PENDING) {
        closeAndRestart(line, content, number);
      }
      return;
    }
    if (expectMessage) {
      expectMessage = false;
      message = line;
      extend(number);
      return;
    }
    // Only the first line after a logger's line may be the exception or traceback it announces.
    boolean rightAfterHead = blockEnd == blockStart && pendingLines == 0;
    if (rightAfterHead && tracebacks && PythonTraceback.isStart(content)) {
      upgrade(PythonTraceback.RULE);
      extend(number);
      state = State.PY_FRAMES;
      return;
    }
    if (CrashLayout.isCause(content) || (rightAfterHead && CrashLayout.isExceptionLine(content))) {
      upgrade(BlockRule.EXCEPTION_STACK_TRACE.ruleName());
      message = line;
      extend(number);
      return;
    }
    if (CrashLayout.isWhat(content)) {
      message = line;
      extend(number);
      return;
    }
    if (CrashLayout.isStackFrame(content)) {
      upgrade(BlockRule.EXCEPTION_STACK_TRACE.ruleName());
      extend(number);
      return;
    }
    if (CrashLayout.isGoPanic(content)) {
      upgrade(content.startsWith("panic: ") ? "go-panic" : "go-fatal-error");
      message = line;
      extend(number);
      return;
    }
    if (CrashLayout.isGoDumpStart(content)) {
      goDump = true;
      extend(number);
      return;
    }
    if (logcatSource != null && logcatSource.equals(CrashLayout.logcatSource(content))) {
      if (CrashLayout.isExceptionLine(CrashLayout.logcatMessage(content))) {
        message = line;
      }
      extend(number);
      return;
    }
    if (CrashLayout.isIndented(content)
        || (goDump && CrashLayout.isGoDumpLine(content))
        || CrashLayout.isProcessEnd(content)
        || CrashLayout.isNodeWarning(content)
        || CrashLayout.isClosingBrace(content)
        || CrashLayout.isFaulthandlerLine(content)
        || (nodeRule() && CrashLayout.isNodeRequireStack(content))
        || (commentHead && content.startsWith("#"))
        || (isLevelRule() && CrashLayout.isPostgresDetail(content))
        || (rule.equals(LineRule.NPM_ERROR.ruleName())
            && LineRule.NPM_ERROR.matches(content, null))) {
      extend(number);
      return;
    }
    closeAndRestart(line, content, number);
  }

  private boolean nodeRule() {
    return rule.equals(BlockRule.NODE_UNCAUGHT_EXCEPTION.ruleName())
        || rule.equals(LineRule.NODE_UNHANDLED_REJECTION.ruleName());
  }

  private boolean isLevelRule() {
    return rule.equals(ERROR_LEVEL) || rule.equals(FATAL_LEVEL);
  }

  /** A logger's ERROR line followed by a crash is named after the crash. */
  private void upgrade(String crashRule) {
    if (isLevelRule()) {
      rule = crashRule;
    }
  }

  private void open(String line, long number, String ruleName) {
    blockStart = number;
    blockEnd = number;
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
    commentHead = content(line).startsWith("#");
  }

  private void extend(long number) {
    blockEnd = number;
    pendingLines = 0;
  }

  private void close() {
    state = State.IDLE;
    LogFailure failure = new LogFailure(service, rule, blockStart, blockEnd, firstLine, message);
    firstLine = null;
    message = null;
    if (!isAllowed(failure)) {
      out.add(failure);
    }
  }

  private boolean isAllowed(LogFailure failure) {
    for (Pattern pattern : allowed) {
      if (pattern.matcher(failure.message()).find()
          || pattern.matcher(failure.firstLine()).find()) {
        return true;
      }
    }
    return false;
  }

  private static String content(String line) {
    int start = DockerTimestamp.contentStart(line);
    return start == 0 ? line : line.substring(start);
  }
}
