package dev.stagegate.junit.load;

import dev.stagegate.report.load.LoadHistory;
import dev.stagegate.report.load.LoadInterval;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;

/**
 * Records the outcome of every request of a load run into HdrHistograms: one per interval (swapped
 * without stopping the threads that record, through HdrHistogram's {@link Recorder}) and one for
 * the whole run. Memory is fixed: two histograms of three significant digits from 1 µs to 1 h, the
 * bounded {@link LoadHistory}, and one counter per kind of error.
 *
 * <p>Thread-safe: request completions record from the HTTP client's threads while the scheduling
 * thread rolls intervals.
 */
final class LoadRecorder {
  /** Latencies above an hour are recorded as an hour: far beyond any request timeout. */
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  /** At most this many values stand for the run's distribution in a rank test. */
  static final int LATENCY_SAMPLE_SIZE = 2000;

  private final Recorder interval = new Recorder(1, HIGHEST_MICROS, 3);
  private final Histogram whole = new Histogram(1, HIGHEST_MICROS, 3);
  private final AtomicLong sentInInterval = new AtomicLong();
  private final AtomicLong completedInInterval = new AtomicLong();
  private final AtomicLong errorsInInterval = new AtomicLong();
  private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
  private final LoadHistory history;
  private Histogram reusable;
  private double intervalStartSeconds;
  private long sent;
  private long completed;
  private long errors;

  LoadRecorder(LoadHistory history) {
    this.history = history;
  }

  /** A request went out. */
  void sent() {
    sentInInterval.incrementAndGet();
  }

  /**
   * A request finished after {@code latencyNanos} counted from its intended send time; {@code
   * errorKind} names the failure ({@code null} for a success).
   */
  void completed(long latencyNanos, String errorKind) {
    long micros =
        Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
    interval.recordValue(micros);
    if (errorKind != null) {
      errorKinds.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
      errorsInInterval.incrementAndGet();
    }
    completedInInterval.incrementAndGet();
  }

  /** Closes the current interval at {@code tSeconds} (since the load started) into the history. */
  synchronized void roll(double tSeconds) {
    roll(tSeconds, false);
  }

  /**
   * Closes the current interval at {@code tSeconds}; with {@code intoLast}, merges it into the
   * previous interval instead of adding it (the short stub when the run stops).
   */
  synchronized void roll(double tSeconds, boolean intoLast) {
    // completed before the histogram swap: a completion in between counts in the next interval's
    // histogram but this interval's count, never the other way round (errors <= completed holds)
    long intervalErrors = errorsInInterval.getAndSet(0);
    long intervalCompleted = completedInInterval.getAndSet(0);
    long intervalSent = sentInInterval.getAndSet(0);
    Histogram h = interval.getIntervalHistogram(reusable);
    whole.add(h);
    reusable = h;
    if (intervalErrors > intervalCompleted) {
      intervalCompleted = intervalErrors;
    }
    LoadInterval closed =
        new LoadInterval(
            intervalStartSeconds,
            Math.max(intervalStartSeconds, tSeconds),
            intervalSent,
            intervalCompleted,
            intervalErrors,
            millis(h, 50),
            millis(h, 95),
            millis(h, 99),
            h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0);
    if (intoLast) {
      history.addToLast(closed);
    } else {
      history.add(closed);
    }
    intervalStartSeconds = Math.max(intervalStartSeconds, tSeconds);
    sent += intervalSent;
    completed += intervalCompleted;
    errors += intervalErrors;
  }

  /** The run so far, up to the last {@link #roll}. */
  synchronized LoadSummary summary(LoadTarget target, double requestedRate) {
    Map<String, Long> kinds = new TreeMap<>();
    errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
    return new LoadSummary(
        target,
        requestedRate,
        intervalStartSeconds,
        sent,
        completed,
        errors,
        kinds,
        millis(whole, 50),
        millis(whole, 95),
        millis(whole, 99),
        whole.getTotalCount() == 0 ? 0 : whole.getMaxValue() / 1000.0,
        history.intervals(),
        quantileSample(whole, LATENCY_SAMPLE_SIZE));
  }

  private static double millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }

  /**
   * The distribution in {@code h} as at most {@code n} values in milliseconds: the values at ranks
   * {@code (i + 0.5) · total / n}, so a run of a million requests and one of a thousand compare on
   * the same footing and the rank test's cost stays fixed.
   */
  static double[] quantileSample(Histogram h, int n) {
    long total = h.getTotalCount();
    int size = (int) Math.min(total, n);
    double[] out = new double[size];
    if (size == 0) {
      return out;
    }
    int i = 0;
    long cumulative = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      cumulative += v.getCountAtValueIteratedTo();
      double value = h.medianEquivalentValue(v.getValueIteratedTo()) / 1000.0;
      while (i < size && (i + 0.5) * total / size < cumulative) {
        out[i++] = value;
      }
    }
    while (i < size) {
      out[i] = out[i - 1];
      i++;
    }
    return out;
  }
}
