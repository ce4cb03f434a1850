package dev.stagegate.assertions.watch;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.assertions.logs.LogScanner;
import dev.stagegate.assertions.trend.CpuTrendJudge;
import dev.stagegate.assertions.trend.CpuTrendVerdict;
import dev.stagegate.assertions.trend.LeakVerdict;
import dev.stagegate.assertions.trend.MemoryLeakJudge;
import dev.stagegate.assertions.trend.Metric;
import dev.stagegate.assertions.trend.Series;
import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.LogFinding;
import java.util.List;
import java.util.Objects;

/**
 * Everything a long watch keeps about one service, in memory that does not grow with time.
 *
 * <pre>{@code
 * ServiceRecorder api = ServiceRecorder.of("api");
 * // from the docker stats callback, once a second:
 * api.onStats(tSeconds, cpuPercent, memoryBytes);
 * // from the log follower, per line:
 * List<LogFinding> fresh = api.onLogLine(line);   // non-empty: fail fast if you like
 * // at the end:
 * api.finish();
 * LeakVerdict leak = api.leakVerdict(MemoryLeakJudge.defaults());
 * }</pre>
 *
 * <p><b>What it keeps, and the bound.</b> Memory and CPU as two {@link BoundedHistory} of at most
 * {@code historyBuckets} buckets each (256 by default, a few KB each); the last {@code lastLines}
 * log lines (1000) in a ring; the first {@code maxFindings} findings (100) and a count of all of
 * them; one {@link LogScanner}, whose state is a single open crash block. Lines and the quoted line
 * of a finding are cut to {@code maxLineChars} (2000) characters, so a service that logs megabyte
 * lines cannot blow the bound either: the worst case is about {@code (lastLines + maxFindings) ×
 * maxLineChars × 2} bytes of text, about 4.4 MB per service with the defaults, and ordinary logs
 * use a small fraction of that. The first findings are the ones kept because the first error of a
 * cascade is usually the cause.
 *
 * <p><b>Threads.</b> Thread-safe: every method is {@code synchronized}, so stats, log and event
 * callbacks may arrive on different threads. The judges run outside the lock on a snapshot of the
 * buckets.
 */
public final class ServiceRecorder {
  /** Log lines kept by default for the report's tail of the log. */
  public static final int DEFAULT_LAST_LINES = 1000;

  /** Findings kept by default; later ones are only counted. */
  public static final int DEFAULT_MAX_FINDINGS = 100;

  /** Longest line kept by default, in chars; longer lines are cut and end in an ellipsis. */
  public static final int DEFAULT_MAX_LINE_CHARS = 2000;

  private final String service;
  private final LogRecording log;
  private final BoundedHistory memory;
  private final BoundedHistory cpu;
  private long statsSeen;
  private long cpuSkipped;

  private ServiceRecorder(Builder b) {
    this.service = b.service;
    this.log =
        new LogRecording(b.audit.scanner(b.service), b.lastLines, b.maxFindings, b.maxLineChars);
    this.memory = new BoundedHistory(b.historyBuckets);
    this.cpu = new BoundedHistory(b.historyBuckets);
  }

  /** A recorder with {@link LogAudit#defaults()} and the default limits. */
  public static ServiceRecorder of(String service) {
    return builder(service).build();
  }

  /** A builder for a recorder of {@code service} with other rules or limits. */
  public static Builder builder(String service) {
    return new Builder(service);
  }

  /**
   * One {@code docker stats} reading. A non-finite {@code cpuPercent} (the first reading of a
   * container has no previous CPU counter to compare with) is skipped; memory is still recorded.
   */
  public synchronized void onStats(double tSeconds, double cpuPercent, long memoryBytes) {
    if (!Double.isFinite(tSeconds)) {
      throw new IllegalArgumentException("tSeconds must be finite but was " + tSeconds);
    }
    statsSeen++;
    memory.add(tSeconds, memoryBytes);
    if (Double.isFinite(cpuPercent)) {
      cpu.add(tSeconds, cpuPercent);
    } else {
      cpuSkipped++;
    }
  }

  /**
   * One log line, without its terminator. Keeps it in the ring of last lines and audits it.
   *
   * @return the findings this line starts or completes (usually none), with quoted lines cut to the
   *     line limit; all of them, even once more than {@code maxFindings} have been seen. A problem
   *     line comes back at once; if the lines after it belong to the same crash (see {@link
   *     LogScanner}), the kept finding grows to the whole block when it closes and is not returned
   *     again. A traceback is reported by the first line after it.
   */
  public synchronized List<LogFinding> onLogLine(String line) {
    return log.onLine(line);
  }

  /**
   * The log has ended: reports a traceback still open at the end. Later calls return nothing until
   * more lines arrive.
   */
  public synchronized List<LogFinding> finish() {
    return log.finish();
  }

  /** The service this recorder watches. */
  public String service() {
    return service;
  }

  /** The last log lines, oldest first (at most {@code lastLines}, each cut to the line limit). */
  public synchronized List<String> lastLines() {
    return log.lastLines();
  }

  /** The first findings, in order (at most {@code maxFindings}). */
  public synchronized List<LogFinding> findings() {
    return log.findings();
  }

  /** All findings so far, including those not kept. */
  public synchronized long findingsTotal() {
    return log.findingsTotal();
  }

  /** Log lines seen so far. */
  public synchronized long linesSeen() {
    return log.linesSeen();
  }

  /** Stats readings seen so far. */
  public synchronized long statsSeen() {
    return statsSeen;
  }

  /** Stats readings whose CPU value was not a finite number and was skipped. */
  public synchronized long cpuSamplesSkipped() {
    return cpuSkipped;
  }

  /** The memory history in bytes, as an immutable snapshot of its buckets. */
  public synchronized List<HistoryBucket> memoryHistory() {
    return memory.buckets();
  }

  /** The CPU history in percent, as an immutable snapshot of its buckets. */
  public synchronized List<HistoryBucket> cpuHistory() {
    return cpu.buckets();
  }

  /** The newest memory reading in bytes, or -1 before the first. */
  public synchronized long latestMemoryBytes() {
    return memory.latest().isPresent() ? (long) memory.latest().getAsDouble() : -1;
  }

  /** Judges the memory history (see {@link Series#fromHistory(Metric, List)}). */
  public LeakVerdict leakVerdict(MemoryLeakJudge judge) {
    Objects.requireNonNull(judge, "judge");
    return judge.judge(Series.fromHistory(Metric.MEMORY_BYTES, memoryHistory()).withLabel(service));
  }

  /** Judges the CPU history (see {@link Series#fromHistory(Metric, List)}). */
  public CpuTrendVerdict cpuVerdict(CpuTrendJudge judge) {
    Objects.requireNonNull(judge, "judge");
    return judge.judge(Series.fromHistory(Metric.CPU_PERCENT, cpuHistory()).withLabel(service));
  }

  @Override
  public synchronized String toString() {
    return "ServiceRecorder["
        + service
        + ": "
        + statsSeen
        + " stats, "
        + log.linesSeen()
        + " lines, "
        + log.findingsTotal()
        + " findings]";
  }

  /** Options of a {@link ServiceRecorder}; every setter returns this builder. */
  public static final class Builder {
    private final String service;
    private LogAudit audit = LogAudit.defaults();
    private int lastLines = DEFAULT_LAST_LINES;
    private int maxFindings = DEFAULT_MAX_FINDINGS;
    private int maxLineChars = DEFAULT_MAX_LINE_CHARS;
    private int historyBuckets = BoundedHistory.DEFAULT_MAX_BUCKETS;

    private Builder(String service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    /** The log rules and allowlist (default {@link LogAudit#defaults()}). */
    public Builder audit(LogAudit audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /** How many of the last log lines to keep (default 1000; 0 keeps none). */
    public Builder lastLines(int lastLines) {
      this.lastLines = atLeast(0, lastLines, "lastLines");
      return this;
    }

    /** How many findings to keep (default 100; later ones are only counted). */
    public Builder maxFindings(int maxFindings) {
      this.maxFindings = atLeast(0, maxFindings, "maxFindings");
      return this;
    }

    /** Longest line kept, in chars (default 2000, at least 2). */
    public Builder maxLineChars(int maxLineChars) {
      this.maxLineChars = atLeast(2, maxLineChars, "maxLineChars");
      return this;
    }

    /** Buckets per metric history (default 256, at least 2). */
    public Builder historyBuckets(int historyBuckets) {
      this.historyBuckets = atLeast(2, historyBuckets, "historyBuckets");
      return this;
    }

    public ServiceRecorder build() {
      return new ServiceRecorder(this);
    }

    private static int atLeast(int min, int value, String what) {
      if (value < min) {
        throw new IllegalArgumentException(what + " must be >= " + min + " but was " + value);
      }
      return value;
    }
  }
}
