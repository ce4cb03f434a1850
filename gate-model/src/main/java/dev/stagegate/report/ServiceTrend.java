package dev.stagegate.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The memory and CPU verdicts of one service after a burn-in, with the numbers behind them and the
 * bounded history they were judged on.
 *
 * <pre>{@code
 * trend.memoryShown();      // "stable" or "not judged (1.5 min < 5 min)"
 * trend.memorySlopeShown(); // "+0.42 MiB/h (+0.6 %/h of 70.1 MiB), extrapolated from 12 min"
 * }</pre>
 *
 * @param service the compose service
 * @param memoryVerdict {@code leak}, {@code stable}, {@code inconclusive} or {@value #NOT_JUDGED}
 *     (the window was shorter than the minimum span: no verdict)
 * @param memorySlopeMibPerHour the memory slope the verdict rests on, MiB/hour; 0 when not judged
 * @param memoryBaselineMib the service's typical memory floor over the judged window, MiB, that the
 *     slope is compared with; 0 when unknown (not judged, or migrated from schema version 1)
 * @param memoryEvidence one sentence with the numbers
 * @param cpuVerdict {@code trend}, {@code stable}, {@code inconclusive} or {@value #NOT_JUDGED}
 * @param cpuSlopePointsPerHour the CPU slope, percentage points/hour; 0 when not judged
 * @param cpuEvidence one sentence with the numbers
 * @param significance the significance level (α) of the trend tests; 0 when unknown (schema 1)
 * @param window the span the judges saw; {@code null} when unknown (schema 1)
 * @param minimumSpan the shortest window the judges decide on ({@code stagegate.trend.min-span});
 *     {@code null} when unknown (schema 1)
 * @param memory memory in bytes over time (bounded buckets)
 * @param cpu CPU percent over time (bounded buckets)
 */
public record ServiceTrend(
    String service,
    String memoryVerdict,
    double memorySlopeMibPerHour,
    double memoryBaselineMib,
    String memoryEvidence,
    String cpuVerdict,
    double cpuSlopePointsPerHour,
    String cpuEvidence,
    double significance,
    Duration window,
    Duration minimumSpan,
    List<HistoryBucket> memory,
    List<HistoryBucket> cpu) {
  /** The verdict word of a window shorter than the minimum span: no verdict was made. */
  public static final String NOT_JUDGED = "not-judged";

  /** Below this window a slope per hour is an extrapolation. */
  private static final Duration HOUR = Duration.ofHours(1);

  public ServiceTrend {
    memory = List.copyOf(memory);
    cpu = List.copyOf(cpu);
  }

  /** This trend with other evidence sentences (e.g. redacted), every number kept. */
  public ServiceTrend withEvidence(String memoryEvidence, String cpuEvidence) {
    return new ServiceTrend(
        service,
        memoryVerdict,
        memorySlopeMibPerHour,
        memoryBaselineMib,
        memoryEvidence,
        cpuVerdict,
        cpuSlopePointsPerHour,
        cpuEvidence,
        significance,
        window,
        minimumSpan,
        memory,
        cpu);
  }

  /** The memory verdict as shown: {@code stable}, or {@code not judged (1.5 min < 5 min)}. */
  public String memoryShown() {
    return shown(memoryVerdict);
  }

  /** The CPU verdict as shown: {@code stable}, or {@code not judged (1.5 min < 5 min)}. */
  public String cpuShown() {
    return shown(cpuVerdict);
  }

  /**
   * The memory slope as shown: absolute and as a share of the baseline, with the caveat of a short
   * window, e.g. {@code +3.61 MiB/h (+5.2 %/h of 70.1 MiB), extrapolated from 12 min}; {@code –}
   * when not judged.
   */
  public String memorySlopeShown() {
    if (NOT_JUDGED.equals(memoryVerdict)) {
      return "–";
    }
    String relative =
        memoryBaselineMib > 0
            ? String.format(
                Locale.ROOT,
                " (%+.1f %%/h of %.1f MiB)",
                100 * memorySlopeMibPerHour / memoryBaselineMib,
                memoryBaselineMib)
            : "";
    return String.format(Locale.ROOT, "%+.2f MiB/h", memorySlopeMibPerHour)
        + relative
        + extrapolation();
  }

  /** The CPU slope as shown: {@code +0.10 points/h}, with the caveat of a short window. */
  public String cpuSlopeShown() {
    if (NOT_JUDGED.equals(cpuVerdict)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%+.2f points/h", cpuSlopePointsPerHour) + extrapolation();
  }

  /** Whether the judges gave a verdict: the window was at least the minimum span. */
  public boolean judged() {
    return !NOT_JUDGED.equals(memoryVerdict) && !NOT_JUDGED.equals(cpuVerdict);
  }

  /** Whether the slopes per hour come from a window shorter than an hour. */
  public boolean extrapolated() {
    return window != null && window.compareTo(HOUR) < 0;
  }

  private String extrapolation() {
    return extrapolated() ? ", extrapolated from " + BurnInEvidence.human(window) : "";
  }

  private String shown(String verdict) {
    if (!NOT_JUDGED.equals(verdict)) {
      return verdict;
    }
    return window == null || minimumSpan == null
        ? "not judged"
        : "not judged ("
            + BurnInEvidence.human(window)
            + " < "
            + BurnInEvidence.human(minimumSpan)
            + ")";
  }
}
