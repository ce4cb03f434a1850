package dev.stagegate.report.markdown;

import dev.stagegate.report.load.LoadInterval;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load intervals the audit shows instead of all of them: the first and the last (how the run
 * started and ended), the one with the highest p99 and, when any failed, the one with the most
 * errors (the worst moments a reviewer decides on). Ties go to the earliest interval; an interval
 * picked twice is one row naming both reasons.
 */
final class IntervalPicks {
  private IntervalPicks() {}

  /** The picked intervals' indexes in time order, each with why it is shown. */
  static Map<Integer, String> of(List<LoadInterval> intervals) {
    Map<Integer, String> picks = new TreeMap<>();
    if (intervals.isEmpty()) {
      return picks;
    }
    int worstP99 = 0;
    int mostErrors = 0;
    for (int i = 1; i < intervals.size(); i++) {
      if (intervals.get(i).p99Ms() > intervals.get(worstP99).p99Ms()) {
        worstP99 = i;
      }
      if (intervals.get(i).errors() > intervals.get(mostErrors).errors()) {
        mostErrors = i;
      }
    }
    add(picks, 0, "first");
    add(picks, worstP99, "highest p99");
    if (intervals.get(mostErrors).errors() > 0) {
      add(picks, mostErrors, "most errors");
    }
    add(picks, intervals.size() - 1, "last");
    return picks;
  }

  private static void add(Map<Integer, String> picks, int index, String why) {
    picks.merge(index, why, (a, b) -> a + ", " + b);
  }
}
