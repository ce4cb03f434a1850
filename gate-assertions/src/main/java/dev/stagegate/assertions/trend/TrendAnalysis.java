package dev.stagegate.assertions.trend;

import java.util.Arrays;

/**
 * The decision shared by the memory and CPU judges, on block levels.
 *
 * <ol>
 *   <li>Too few blocks: undecided.
 *   <li>No significant upward Mann-Kendall trend over the whole window: flat. This is what keeps a
 *       slow wobble (daily load, a sawtooth) from being read as growth in one half of it.
 *   <li>Find the single most likely level shift. If it sits in the last {@link #MIN_TAIL_BLOCKS}
 *       blocks there is too little data after it to tell one step from the start of a leak:
 *       undecided.
 *   <li>Growth must <em>persist</em>: the tail from the level shift or from the middle of the
 *       window, whichever is later, must itself trend upward significantly, at a Theil-Sen slope of
 *       at least the minimum effect. Warm-up followed by a plateau and a single pool-growth step
 *       leave a flat tail; linear, stepwise (repeated steps) and late-starting leaks do not.
 * </ol>
 *
 * @param outcome the decision
 * @param slopePerHour the growth rate that decided it: the tail's Theil-Sen slope once a trend was
 *     found over the whole window, the whole window's slope otherwise (display unit per hour)
 * @param pValue one-sided Mann-Kendall p-value backing the decision (the larger of whole window and
 *     tail when growth persists); NaN when undecided for lack of data
 * @param startLevel first block level (display unit)
 * @param endLevel last block level (display unit)
 * @param tailStartHours where the persistence tail begins, hours after the first sample; NaN when
 *     no tail was examined
 * @param reason why, as a clause that completes "memory/CPU ..."
 */
record TrendAnalysis(
    Outcome outcome,
    double slopePerHour,
    double pValue,
    double startLevel,
    double endLevel,
    double tailStartHours,
    String reason) {

  enum Outcome {
    GROWING,
    FLAT,
    UNDECIDED
  }

  /** Fewer blocks than this cannot show a trend at any useful significance. */
  static final int MIN_BLOCKS = 8;

  /** The persistence tail needs this many blocks; 6 monotone blocks give p of about 0.004. */
  static final int MIN_TAIL_BLOCKS = 6;

  private static double mean(double[] y, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += y[i];
    }
    return to > from ? sum / (to - from) : 0;
  }

  static TrendAnalysis of(Blocks blocks, double alpha, double minimumSlopePerHour, String unit) {
    double[] t = blocks.tHours();
    double[] y = blocks.levels();
    int n = y.length;
    if (n < MIN_BLOCKS) {
      return new TrendAnalysis(
          Outcome.UNDECIDED,
          n >= 2 ? TheilSen.slope(t, y) : 0,
          Double.NaN,
          n > 0 ? y[0] : Double.NaN,
          n > 0 ? y[n - 1] : Double.NaN,
          Double.NaN,
          "has only "
              + n
              + " usable block(s), at least "
              + MIN_BLOCKS
              + " are needed; observe longer or sample more often");
    }
    MannKendall whole = MannKendall.test(y);
    double wholeSlope = TheilSen.slope(t, y);
    if (whole.pUpward() >= alpha) {
      return new TrendAnalysis(
          Outcome.FLAT,
          wholeSlope,
          whole.pUpward(),
          y[0],
          y[n - 1],
          Double.NaN,
          "shows no significant upward trend (Mann-Kendall "
              + Format.test(whole.pUpward(), alpha)
              + ", slope "
              + Format.one(wholeSlope)
              + " "
              + unit
              + "/hour)");
    }
    int shift = LevelShift.bestSplit(y);
    double step = mean(y, shift, n) - mean(y, 0, shift);
    // A level change smaller than one hour of the minimum growth cannot be the start of a material
    // trend: scheduler noise on an idle service moves its level by fractions of a point.
    if (shift > n - MIN_TAIL_BLOCKS && step < minimumSlopePerHour) {
      return new TrendAnalysis(
          Outcome.FLAT,
          wholeSlope,
          whole.pUpward(),
          y[0],
          y[n - 1],
          t[shift],
          "rose over the whole window (Mann-Kendall "
              + Format.test(whole.pUpward(), alpha)
              + ") but changed level near the end (at "
              + Format.minutes(t[shift])
              + ") by "
              + Format.one(step)
              + " "
              + unit
              + ", less than one hour of the minimum effect ("
              + Format.one(minimumSlopePerHour)
              + " "
              + unit
              + "): no material trend");
    }
    if (shift > n - MIN_TAIL_BLOCKS) {
      return new TrendAnalysis(
          Outcome.UNDECIDED,
          wholeSlope,
          whole.pUpward(),
          y[0],
          y[n - 1],
          t[shift],
          "rose over the whole window (Mann-Kendall "
              + Format.test(whole.pUpward(), alpha)
              + ") but changed level near the end (at "
              + Format.minutes(t[shift])
              + "), too late to tell a single step from the start of sustained growth;"
              + " observe longer");
    }
    int tailStart = Math.max(shift, n / 2);
    double[] tailT = Arrays.copyOfRange(t, tailStart, n);
    double[] tailY = Arrays.copyOfRange(y, tailStart, n);
    MannKendall tail = MannKendall.test(tailY);
    double tailSlope = TheilSen.slope(tailT, tailY);
    String tailWindow = "since " + Format.minutes(t[tailStart]);
    if (tail.pUpward() >= alpha) {
      return new TrendAnalysis(
          Outcome.FLAT,
          tailSlope,
          tail.pUpward(),
          y[0],
          y[n - 1],
          t[tailStart],
          "rose early but stopped growing: "
              + tailSlope(tailSlope, unit)
              + " "
              + tailWindow
              + " is not significant (Mann-Kendall "
              + Format.test(tail.pUpward(), alpha)
              + "), as after warm-up or a single step");
    }
    if (tailSlope < minimumSlopePerHour) {
      return new TrendAnalysis(
          Outcome.FLAT,
          tailSlope,
          tail.pUpward(),
          y[0],
          y[n - 1],
          t[tailStart],
          "grows "
              + Format.one(tailSlope)
              + " "
              + unit
              + "/hour "
              + tailWindow
              + ", below the minimum effect of "
              + Format.one(minimumSlopePerHour)
              + " "
              + unit
              + "/hour");
    }
    double p = Math.max(whole.pUpward(), tail.pUpward());
    return new TrendAnalysis(
        Outcome.GROWING,
        tailSlope,
        p,
        y[0],
        y[n - 1],
        t[tailStart],
        "grows "
            + Format.one(tailSlope)
            + " "
            + unit
            + "/hour "
            + tailWindow
            + " (from "
            + Format.one(y[0])
            + " to "
            + Format.one(y[n - 1])
            + " "
            + unit
            + "; Mann-Kendall "
            + Format.test(p, alpha)
            + ")");
  }

  private static String tailSlope(double slope, String unit) {
    return "the slope of " + Format.one(slope) + " " + unit + "/hour";
  }
}
