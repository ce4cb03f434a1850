package dev.stagegate.report;

/**
 * Summary of the samples of one metric that fell into one time bucket of a {@link BoundedHistory}.
 *
 * @param tStartSeconds time of the earliest sample in the bucket (seconds, same origin as the
 *     samples)
 * @param tEndSeconds time of the latest sample in the bucket; equal to {@code tStartSeconds} for a
 *     single sample
 * @param count number of samples, at least 1
 * @param min smallest value; for memory this follows the post-GC floor
 * @param mean arithmetic mean of the values
 * @param max largest value
 */
public record HistoryBucket(
    double tStartSeconds, double tEndSeconds, long count, double min, double mean, double max) {
  public HistoryBucket {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1 but was " + count);
    }
    if (!(tStartSeconds <= tEndSeconds)) {
      throw new IllegalArgumentException(
          "tStartSeconds " + tStartSeconds + " is after tEndSeconds " + tEndSeconds);
    }
    if (!(min <= max) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException(
          "need min <= mean <= max but got " + min + ", " + mean + ", " + max);
    }
    if (!(min <= mean && mean <= max)) {
      // A mean computed from a sum can miss [min, max] by rounding; anything more is an error.
      double slack = 1e-9 * Math.max(1, Math.max(Math.abs(min), Math.abs(max)));
      if (mean < min - slack || mean > max + slack) {
        throw new IllegalArgumentException(
            "need min <= mean <= max but got " + min + ", " + mean + ", " + max);
      }
      mean = Math.max(min, Math.min(max, mean));
    }
  }

  /** The middle of the bucket's time range, where a chart or a trend test places it. */
  public double tMidSeconds() {
    return (tStartSeconds + tEndSeconds) / 2;
  }

  /** One bucket covering both: the time range of both, min of mins, weighted mean, max of maxes. */
  public HistoryBucket merge(HistoryBucket other) {
    long total = count + other.count;
    double weighted = mean * ((double) count / total) + other.mean * ((double) other.count / total);
    return new HistoryBucket(
        Math.min(tStartSeconds, other.tStartSeconds),
        Math.max(tEndSeconds, other.tEndSeconds),
        total,
        Math.min(min, other.min),
        weighted,
        Math.max(max, other.max));
  }
}
