package dev.stagegate.assertions.logs;

import dev.stagegate.report.LogFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

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
 *
 * <p>The lines go through a {@link CrashBlockMachine}; this class counts them, skips the ones the
 * {@link AnchorPrefilter} rules out while no block is open, and turns failures into findings.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LogScanner {
  private final CrashBlockMachine machine;
  private long lines;

  LogScanner(
      String service, List<LineRule> rules, Set<BlockRule> blockRules, List<Pattern> allowed) {
    this.machine = new CrashBlockMachine(service, rules, blockRules, allowed);
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
    return machine.openFailure().map(LogFailure::toFinding);
  }

  /** {@link #accept} with the whole block: first line, message and line range. */
  List<LogFailure> acceptFailures(String line) {
    lines++;
    if (machine.isIdle() && !AnchorPrefilter.mayMatch(line)) {
      return List.of();
    }
    return machine.accept(line, lines);
  }

  /** {@link #finish()} with the whole block. */
  List<LogFailure> finishFailures() {
    return machine.finish();
  }

  /** Whether the next line must be decoded and accepted even if the prefilter rejects it. */
  boolean needsEveryLine() {
    return !machine.isIdle();
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
    return machine.accept(line, lines);
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
}
