package dev.stagegate.report.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The per-interval summaries of a load run in bounded memory, however long it runs.
 *
 * <p>Holds at most {@code capacity} intervals. When one more arrives, adjacent pairs merge (see
 * {@link LoadInterval#merge}) and every later arrival is merged with its neighbour the same way, so
 * the history always spans the whole run at an even resolution. At the default capacity of 1,500
 * one-minute intervals, a 24-hour run (1,440 intervals) is kept at full resolution in about 120 kB.
 *
 * <pre>{@code
 * LoadHistory history = new LoadHistory();
 * history.add(interval);                 // once a minute, for as long as the run lasts
 * List<LoadInterval> rows = history.intervals();
 * }</pre>
 *
 * <p>Not thread-safe: the load generator adds from its one scheduling thread and copies out under
 * its own lock.
 */
public final class LoadHistory {
  /** Default capacity: a 24-hour run of one-minute intervals, with room to spare. */
  public static final int DEFAULT_CAPACITY = 1500;

  private final int capacity;
  private final List<LoadInterval> intervals = new ArrayList<>();
  // every slot but the last holds perSlot raw intervals; the last holds inLast of them
  private int perSlot = 1;
  private int inLast;

  /** A history of at most {@value #DEFAULT_CAPACITY} intervals. */
  public LoadHistory() {
    this(DEFAULT_CAPACITY);
  }

  /** A history of at most {@code capacity} intervals (at least 2). */
  public LoadHistory(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be >= 2 but was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Appends the next interval, merging pairs when the history is full. */
  public void add(LoadInterval interval) {
    if (!intervals.isEmpty() && inLast < perSlot) {
      int last = intervals.size() - 1;
      intervals.set(last, intervals.get(last).merge(interval));
      inLast++;
      return;
    }
    intervals.add(interval);
    inLast = 1;
    if (intervals.size() > capacity) {
      mergePairs();
    }
  }

  /**
   * Merges {@code interval} into the last one (see {@link LoadInterval#merge}): for the stub of an
   * interval a run stopped in, which on its own would read as a rate of one request in a few
   * milliseconds. Adds it when the history is empty.
   */
  public void addToLast(LoadInterval interval) {
    if (intervals.isEmpty()) {
      add(interval);
      return;
    }
    int last = intervals.size() - 1;
    intervals.set(last, intervals.get(last).merge(interval));
  }

  /** The intervals in time order, as an immutable copy. */
  public List<LoadInterval> intervals() {
    return Collections.unmodifiableList(new ArrayList<>(intervals));
  }

  /** The most intervals this history ever holds. */
  public int capacity() {
    return capacity;
  }

  private void mergePairs() {
    int n = intervals.size();
    List<LoadInterval> merged = new ArrayList<>(capacity);
    for (int i = 0; i + 1 < n; i += 2) {
      merged.add(intervals.get(i).merge(intervals.get(i + 1)));
    }
    if (n % 2 == 1) {
      merged.add(intervals.get(n - 1)); // alone in its slot: later arrivals fill it up
    } else {
      inLast += perSlot;
    }
    perSlot *= 2;
    intervals.clear();
    intervals.addAll(merged);
  }
}
