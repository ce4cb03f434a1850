package dev.stagegate.assertions.logs;

import dev.stagegate.report.LogFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Audits one service's log stream line by line; created by {@link LogAudit#scanner(String)}.
 *
 * <p>Most findings are single lines and come back from the {@link #accept} call that saw them. A
 * Python traceback is one finding for the whole block, returned by the call that sees the first
 * line after it (or by {@link #finish()} at the end of the stream). Lines are numbered from 1 in
 * the order they are accepted.
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
 * between tracebacks) are reported as ONE {@code python-traceback} finding: it starts at the first
 * {@code Traceback} line, quotes the last exception (the one that escaped) and spans every line up
 * to it. Two tracebacks without such a sentence between them are two findings. An exception whose
 * message is a triple-quoted block holding the original traceback is one finding too, quoting the
 * innermost exception: Celery's prefork pool logs a failed task as {@code
 * billiard.einfo.ExceptionWithTraceback:}, then the task's traceback between two lines of three
 * double quotes. The log lines inside a traceback block are part of that finding and are not judged
 * by the single-line rules.
 *
 * <p>Not thread-safe: use one scanner per stream.
 */
public final class LogScanner {
  private enum State {
    /** Outside any block: only lines that pass {@link AnchorPrefilter} need a look. */
    IDLE,
    /** After a {@code Traceback} line, reading indented frames. */
    FRAMES,
    /** After the exception line; a chain connector may still continue the block. */
    AFTER_EXCEPTION
  }

  // A chained traceback has one blank line on each side of the connector sentence; allow a few
  // more before deciding the block is over.
  private static final int MAX_PENDING = 4;

  private final String service;
  private final LineRule[] rules;
  private final boolean tracebacks;
  private final Pattern[] allowed;

  private long lines;
  private State state = State.IDLE;
  private long blockStart;
  private int blockLines;
  private String blockLast;
  private int pendingLines;
  private boolean sawConnector;
  private boolean inQuotedMessage;

  LogScanner(String service, List<LineRule> rules, boolean tracebacks, List<Pattern> allowed) {
    this.service = service;
    this.rules = rules.toArray(new LineRule[0]);
    this.tracebacks = tracebacks;
    this.allowed = allowed.toArray(new Pattern[0]);
  }

  /**
   * Reads the next line (without its line terminator; a leading {@code docker logs -t} timestamp is
   * tolerated).
   *
   * @return the findings this line completes, usually none
   */
  public List<LogFinding> accept(String line) {
    lines++;
    if (state == State.IDLE) {
      return AnchorPrefilter.mayMatch(line) ? classify(line) : List.of();
    }
    return continueBlock(line);
  }

  /** Reports a traceback that is still open because the stream ended inside it. */
  public List<LogFinding> finish() {
    return state == State.IDLE ? List.of() : closeBlock();
  }

  /** How many lines {@link #accept} has read. */
  public long linesSeen() {
    return lines;
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

  /** Like {@link #accept} for a line the caller already found to pass {@link AnchorPrefilter}. */
  List<LogFinding> acceptCandidate(String line) {
    lines++;
    return state == State.IDLE ? classify(line) : continueBlock(line);
  }

  private List<LogFinding> classify(String line) {
    String content = content(line);
    if (tracebacks && PythonTraceback.isStart(content)) {
      openBlock(line);
      return List.of();
    }
    Severity severity = null;
    for (LineRule rule : rules) {
      if (severity == null && rule.needsSeverity()) {
        severity = LevelDetector.severity(content);
      }
      if (rule.matches(content, severity)) {
        return report(LogFinding.single(service, lines, rule.ruleName(), line));
      }
    }
    return List.of();
  }

  private List<LogFinding> continueBlock(String line) {
    String content = content(line);
    if (state == State.FRAMES) {
      if (PythonTraceback.isFrame(content)) {
        blockLines++;
        blockLast = line;
        return List.of();
      }
      if (PythonTraceback.isStart(content)) {
        // A new traceback before the exception line: the previous one was cut short.
        List<LogFinding> closed = closeBlock();
        openBlock(line);
        return closed;
      }
      if (PythonTraceback.isException(content)) {
        blockLines++;
        blockLast = line;
        state = State.AFTER_EXCEPTION;
        pendingLines = 0;
        sawConnector = false;
        return List.of();
      }
      return closeThenClassify(line);
    }
    // AFTER_EXCEPTION: a triple-quoted message opens (or closes) on a line of its own, and the
    // traceback it quotes is part of this block.
    if (PythonTraceback.isMessageQuote(content)) {
      blockLines += pendingLines + 1;
      pendingLines = 0;
      inQuotedMessage = !inQuotedMessage;
      return List.of();
    }
    if (inQuotedMessage && PythonTraceback.isStart(content)) {
      blockLines += pendingLines + 1;
      pendingLines = 0;
      state = State.FRAMES;
      return List.of();
    }
    // Hold blank lines and the connector until we know whether a chain follows.
    if (content.isBlank() && pendingLines < MAX_PENDING) {
      pendingLines++;
      return List.of();
    }
    if (!sawConnector && PythonTraceback.isChainConnector(content)) {
      sawConnector = true;
      pendingLines++;
      return List.of();
    }
    if (sawConnector && PythonTraceback.isStart(content)) {
      blockLines += pendingLines + 1;
      blockLast = line;
      state = State.FRAMES;
      return List.of();
    }
    return closeThenClassify(line);
  }

  private List<LogFinding> closeThenClassify(String line) {
    List<LogFinding> closed = closeBlock();
    List<LogFinding> next = AnchorPrefilter.mayMatch(line) ? classify(line) : List.of();
    if (closed.isEmpty()) {
      return next;
    }
    if (next.isEmpty()) {
      return closed;
    }
    List<LogFinding> both = new ArrayList<>(closed);
    both.addAll(next);
    return both;
  }

  private void openBlock(String line) {
    state = State.FRAMES;
    inQuotedMessage = false;
    blockStart = lines;
    blockLines = 1;
    blockLast = line;
  }

  private List<LogFinding> closeBlock() {
    state = State.IDLE;
    LogFinding finding =
        new LogFinding(service, blockStart, PythonTraceback.RULE, blockLast, blockLines);
    blockLast = null;
    return report(finding);
  }

  private List<LogFinding> report(LogFinding finding) {
    for (Pattern pattern : allowed) {
      if (pattern.matcher(finding.line()).find()) {
        return List.of();
      }
    }
    return List.of(finding);
  }

  private static String content(String line) {
    int start = DockerTimestamp.contentStart(line);
    return start == 0 ? line : line.substring(start);
  }
}
