package dev.stagegate.assertions.watch;

import dev.stagegate.assertions.logs.LogScanner;
import dev.stagegate.report.LogFinding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The log side of a {@link ServiceRecorder}: the ring of last lines, the first findings and the
 * count of all, and the scanner's open block announced early and settled when it closes. Lines and
 * quoted lines are cut to {@code maxLineChars}. Not thread-safe: the recorder holds its lock.
 */
final class LogRecording {
  private final LogScanner scanner;
  private final int lastLinesLimit;
  private final int maxFindings;
  private final int maxLineChars;
  private final ArrayDeque<String> lastLines;
  private final List<LogFinding> findings = new ArrayList<>();
  private long findingsTotal;
  // The open block reported early by openFinding(): its first line number and index in findings.
  private long announcedStart = -1;
  private int announcedIndex = -1;
  private long linesSeen;
  private boolean finished;

  LogRecording(LogScanner scanner, int lastLines, int maxFindings, int maxLineChars) {
    this.scanner = scanner;
    this.lastLinesLimit = lastLines;
    this.maxFindings = maxFindings;
    this.maxLineChars = maxLineChars;
    this.lastLines = new ArrayDeque<>(Math.min(lastLines, 1024));
  }

  /**
   * One log line, without its terminator. Keeps it in the ring of last lines and audits it (see
   * {@link ServiceRecorder#onLogLine}).
   *
   * @return the findings this line starts or completes (usually none), with quoted lines cut to the
   *     line limit; all of them, even once more than {@code maxFindings} have been seen. A problem
   *     line comes back at once; if the lines after it belong to the same crash (see {@link
   *     LogScanner}), the kept finding grows to the whole block when it closes and is not returned
   *     again. A traceback is reported by the first line after it.
   */
  List<LogFinding> onLine(String line) {
    Objects.requireNonNull(line, "line");
    linesSeen++;
    finished = false;
    if (lastLinesLimit > 0) {
      if (lastLines.size() == lastLinesLimit) {
        lastLines.pollFirst();
      }
      lastLines.addLast(cut(line));
    }
    List<LogFinding> out = settle(scanner.accept(line));
    var open = scanner.openFinding();
    if (open.isPresent() && open.get().lineNumber() != announcedStart) {
      int kept = findings.size();
      out = concat(out, record(List.of(open.get())));
      announcedStart = open.get().lineNumber();
      announcedIndex = findings.size() > kept ? kept : -1;
    }
    return out;
  }

  /**
   * The log has ended: reports a traceback still open at the end. Later calls return nothing until
   * more lines arrive.
   */
  List<LogFinding> finish() {
    if (finished) {
      return List.of();
    }
    finished = true;
    List<LogFinding> out = settle(scanner.finish());
    forgetAnnounced();
    return out;
  }

  /**
   * Records the findings of closed blocks: the block announced early is updated in place (and not
   * returned again), others are new.
   */
  private List<LogFinding> settle(List<LogFinding> closed) {
    List<LogFinding> fresh = new ArrayList<>(closed.size());
    for (LogFinding f : closed) {
      if (f.lineNumber() == announcedStart) {
        if (announcedIndex >= 0) {
          findings.set(announcedIndex, kept(f));
        }
        announcedStart = -1;
        announcedIndex = -1;
      } else {
        fresh.add(f);
      }
    }
    if (announcedStart >= 0
        && scanner.openFinding().map(LogFinding::lineNumber).orElse(-1L) != announcedStart) {
      forgetAnnounced();
    }
    return record(fresh);
  }

  /**
   * The announced block closed without a finding: the allowlist dropped it once its message was
   * known, so it does not count.
   */
  private void forgetAnnounced() {
    if (announcedStart < 0) {
      return;
    }
    findingsTotal--;
    if (announcedIndex >= 0) {
      findings.remove(announcedIndex);
    }
    announcedStart = -1;
    announcedIndex = -1;
  }

  private static List<LogFinding> concat(List<LogFinding> a, List<LogFinding> b) {
    if (a.isEmpty()) {
      return b;
    }
    List<LogFinding> both = new ArrayList<>(a);
    both.addAll(b);
    return List.copyOf(both);
  }

  /** The last log lines, oldest first (at most {@code lastLines}, each cut to the line limit). */
  List<String> lastLines() {
    return List.copyOf(lastLines);
  }

  /** The first findings, in order (at most {@code maxFindings}). */
  List<LogFinding> findings() {
    return List.copyOf(findings);
  }

  /** All findings so far, including those not kept. */
  long findingsTotal() {
    return findingsTotal;
  }

  /** Log lines seen so far. */
  long linesSeen() {
    return linesSeen;
  }

  private List<LogFinding> record(List<LogFinding> fresh) {
    if (fresh.isEmpty()) {
      return List.of();
    }
    List<LogFinding> out = new ArrayList<>(fresh.size());
    for (LogFinding f : fresh) {
      LogFinding kept = kept(f);
      findingsTotal++;
      if (findings.size() < maxFindings) {
        findings.add(kept);
      }
      out.add(kept);
    }
    return List.copyOf(out);
  }

  private LogFinding kept(LogFinding f) {
    return f.line().length() > maxLineChars
        ? new LogFinding(f.service(), f.lineNumber(), f.rule(), cut(f.line()), f.blockLines())
        : f;
  }

  private String cut(String line) {
    if (line.length() <= maxLineChars) {
      return line;
    }
    int end = maxLineChars - 1;
    if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end) + "…";
  }
}
