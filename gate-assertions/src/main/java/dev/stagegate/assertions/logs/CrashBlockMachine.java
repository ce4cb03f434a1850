package dev.stagegate.assertions.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The state machine behind {@link LogScanner}: groups the lines of one stream into crash blocks
 * (see {@link CrashLayout}, {@link PythonTraceback}) and judges the lines outside a block by the
 * single-line rules. A finished block that the allowlist does not drop becomes a {@link
 * LogFailure}. Not thread-safe.
 */
final class CrashBlockMachine {
  private final String service;
  private final LineRule[] rules;
  private final boolean tracebacks;
  private final boolean nodeLayout;
  private final boolean stackTraces;
  private final Pattern[] allowed;

  private ScanState state = ScanState.IDLE;
  private final List<LogFailure> out = new ArrayList<>();
  private final OpenBlock block = new OpenBlock();

  // A line held back until the next one decides what it is (Node's source line, an exception line).
  private String held;
  private long heldNumber;

  CrashBlockMachine(
      String service, List<LineRule> rules, Set<BlockRule> blockRules, List<Pattern> allowed) {
    this.service = service;
    this.rules = rules.toArray(new LineRule[0]);
    this.tracebacks = blockRules.contains(BlockRule.PYTHON_TRACEBACK);
    this.nodeLayout = blockRules.contains(BlockRule.NODE_UNCAUGHT_EXCEPTION);
    this.stackTraces = blockRules.contains(BlockRule.EXCEPTION_STACK_TRACE);
    this.allowed = allowed.toArray(new Pattern[0]);
  }

  /** Whether no block is open and no line is held: a line failing the prefilter changes nothing. */
  boolean isIdle() {
    return state == ScanState.IDLE;
  }

  /**
   * The block still open whose first line is a finding by itself, unless the allowlist drops it.
   */
  Optional<LogFailure> openFailure() {
    if (!block.headIsFinding
        || (state != ScanState.TAIL
            && state != ScanState.PY_FRAMES
            && state != ScanState.PY_AFTER_EXCEPTION)) {
      return Optional.empty();
    }
    LogFailure open = block.toFailure(service);
    return isAllowed(open) ? Optional.empty() : Optional.of(open);
  }

  /** Reads line {@code number}; returns the blocks it completes. */
  List<LogFailure> accept(String line, long number) {
    out.clear();
    next(line, number);
    return drain();
  }

  /** The stream ended: closes the open block, if any, and returns it. */
  List<LogFailure> finish() {
    out.clear();
    switch (state) {
      case NODE_SOURCE -> state = ScanState.IDLE;
      case NODE_CARET -> {
        // Not Node's layout after all: the held source line is an ordinary line.
        state = ScanState.IDLE;
        String source = held;
        held = null;
        if (AnchorPrefilter.mayMatch(source)) {
          next(source, heldNumber);
        }
        if (state != ScanState.IDLE) {
          close();
        }
      }
      case HELD_EXCEPTION -> {
        state = ScanState.IDLE;
        held = null;
      }
      case IDLE -> {}
      default -> close();
    }
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

  /** One line in whatever state the scanner is in; finished blocks go to {@link #out}. */
  private void next(String line, long number) {
    String content = DockerTimestamp.stripped(line);
    switch (state) {
      case IDLE -> idle(line, content, number);
      case NODE_SOURCE -> {
        held = line;
        heldNumber = number;
        state = ScanState.NODE_CARET;
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
      block.open(line, number, PythonTraceback.RULE);
      state = ScanState.PY_FRAMES;
      return;
    }
    if (nodeLayout && CrashLayout.isNodeFileLine(content)) {
      block.open(line, number, BlockRule.NODE_UNCAUGHT_EXCEPTION.ruleName());
      state = ScanState.NODE_SOURCE;
      return;
    }
    LineRule r = LineRuleMatcher.firstMatch(rules, content);
    if (r != null) {
      block.open(line, number, r.ruleName());
      block.headIsFinding = true;
      block.logcatSource = CrashLayout.logcatSource(content);
      // Rust 1.73+ prints the panic message on the line after "panicked at file:line:col:".
      block.expectMessage = r == LineRule.RUST_PANIC && content.endsWith(":");
      state = ScanState.TAIL;
      return;
    }
    if (stackTraces && CrashLayout.isExceptionLine(content)) {
      held = line;
      heldNumber = number;
      state = ScanState.HELD_EXCEPTION;
    }
  }

  /** Leaves the block state and judges {@code line} afresh, as if outside any block. */
  private void restart(String line, String content, long number) {
    state = ScanState.IDLE;
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
      block.open(held, heldNumber, BlockRule.EXCEPTION_STACK_TRACE.ruleName());
      held = null;
      block.extend(number);
      state = ScanState.TAIL;
      return;
    }
    held = null;
    restart(line, content, number);
  }

  private void nodeCaret(String line, String content, long number) {
    if (CrashLayout.isCaret(content)) {
      held = null;
      block.extend(number);
      state = ScanState.NODE_MESSAGE;
      return;
    }
    // Not Node's layout: the file:line line was an ordinary line, judge the other two afresh.
    String source = held;
    long sourceNumber = heldNumber;
    held = null;
    state = ScanState.IDLE;
    block.firstLine = null;
    restart(source, DockerTimestamp.stripped(source), sourceNumber);
    if (state == ScanState.IDLE) {
      restart(line, content, number);
    } else {
      next(line, number);
    }
  }

  private void nodeMessage(String line, String content, long number) {
    if (content.isBlank()) {
      if (++block.pendingLines > OpenBlock.MAX_PENDING) {
        closeAndRestart(line, content, number);
      }
      return;
    }
    block.message = line;
    if (content.contains("UnhandledPromiseRejection")) {
      block.rule = LineRule.NODE_UNHANDLED_REJECTION.ruleName();
    }
    block.extend(number);
    state = ScanState.TAIL;
  }

  private void pythonFrames(String line, String content, long number) {
    if (PythonTraceback.isFrame(content)) {
      // Until the exception line arrives, a traceback cut short quotes its last frame.
      block.message = line;
      block.extend(number);
      return;
    }
    if (PythonTraceback.isStart(content)) {
      // A new traceback before the exception line: the previous one was cut short.
      close();
      block.open(line, number, PythonTraceback.RULE);
      state = ScanState.PY_FRAMES;
      return;
    }
    if (PythonTraceback.isException(content)) {
      block.message = line;
      block.extend(number);
      state = ScanState.PY_AFTER_EXCEPTION;
      block.sawConnector = false;
      return;
    }
    closeAndRestart(line, content, number);
  }

  private void pythonAfterException(String line, String content, long number) {
    // A triple-quoted message opens (or closes) on a line of its own, and the traceback it quotes
    // is part of this block: Celery's prefork pool logs a failed task as
    // billiard.einfo.ExceptionWithTraceback, then the task's traceback between two lines of """.
    if (PythonTraceback.isMessageQuote(content)) {
      block.extend(number);
      block.inQuotedMessage = !block.inQuotedMessage;
      return;
    }
    if (block.inQuotedMessage && PythonTraceback.isStart(content)) {
      block.extend(number);
      state = ScanState.PY_FRAMES;
      return;
    }
    // Hold blank lines and the connector until we know whether a chain follows.
    if (content.isBlank() && block.pendingLines < OpenBlock.MAX_PENDING) {
      block.pendingLines++;
      return;
    }
    if (!block.sawConnector && PythonTraceback.isChainConnector(content)) {
      block.sawConnector = true;
      block.pendingLines++;
      return;
    }
    if (block.sawConnector && PythonTraceback.isStart(content)) {
      block.extend(number);
      state = ScanState.PY_FRAMES;
      return;
    }
    if (block.sawConnector) {
      // A connector with no traceback after it is not part of the block.
      closeAndRestart(line, content, number);
      return;
    }
    tail(line, content, number);
  }

  private void tail(String line, String content, long number) {
    switch (block.tail(line, content, number, tracebacks)) {
      case KEPT -> {}
      case TRACEBACK -> state = ScanState.PY_FRAMES;
      case ENDED -> closeAndRestart(line, content, number);
    }
  }

  private void close() {
    state = ScanState.IDLE;
    LogFailure failure = block.toFailure(service);
    block.firstLine = null;
    block.message = null;
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
}
