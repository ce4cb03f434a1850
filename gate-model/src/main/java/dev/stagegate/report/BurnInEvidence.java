package dev.stagegate.report;

import dev.stagegate.report.load.LoadEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a burn-in watched: how long (requested and actual, so a shortened run never reads as the
 * full one), why it ended, the restart/exit timeline and the trend verdicts per service.
 *
 * @param requested the duration the annotation asked for
 * @param planned the duration this run was to watch ({@code stagegate.burnin.duration} may shorten
 *     it)
 * @param actual how long it actually watched
 * @param endedAt when the watch ended (for a failure: when it was detected)
 * @param endedBecause why the watch ended, e.g. {@code completed}, {@code worker die (exit code 3)}
 * @param timeline container events during the run (bounded)
 * @param timelineDropped events beyond those kept
 * @param trends per service memory and CPU verdicts
 * @param loads the load each {@code @Load} put on a service, and its latency and errors (empty for
 *     a burn-in without load)
 * @param baseline the comparison with the previous release run side by side ({@code null} for a
 *     burn-in without {@code baseline})
 * @param engineInterruption the Docker engine stopped, restarted or became unreachable during the
 *     watch ({@code null} when it did not): the watch is then not judged
 */
public record BurnInEvidence(
    Duration requested,
    Duration planned,
    Duration actual,
    Instant endedAt,
    String endedBecause,
    List<StackEvent> timeline,
    long timelineDropped,
    List<ServiceTrend> trends,
    List<LoadEvidence> loads,
    BaselineEvidence baseline,
    EngineInterruption engineInterruption) {
  public BurnInEvidence {
    timeline = List.copyOf(timeline);
    trends = List.copyOf(trends);
    loads = loads == null ? List.of() : List.copyOf(loads);
  }

  /** A burn-in the engine did not interrupt. */
  public BurnInEvidence(
      Duration requested,
      Duration planned,
      Duration actual,
      Instant endedAt,
      String endedBecause,
      List<StackEvent> timeline,
      long timelineDropped,
      List<ServiceTrend> trends,
      List<LoadEvidence> loads,
      BaselineEvidence baseline) {
    this(
        requested,
        planned,
        actual,
        endedAt,
        endedBecause,
        timeline,
        timelineDropped,
        trends,
        loads,
        baseline,
        null);
  }

  /** A burn-in without load. */
  public BurnInEvidence(
      Duration requested,
      Duration planned,
      Duration actual,
      Instant endedAt,
      String endedBecause,
      List<StackEvent> timeline,
      long timelineDropped,
      List<ServiceTrend> trends) {
    this(
        requested,
        planned,
        actual,
        endedAt,
        endedBecause,
        timeline,
        timelineDropped,
        trends,
        List.of());
  }

  /** A burn-in with load and without a baseline. */
  public BurnInEvidence(
      Duration requested,
      Duration planned,
      Duration actual,
      Instant endedAt,
      String endedBecause,
      List<StackEvent> timeline,
      long timelineDropped,
      List<ServiceTrend> trends,
      List<LoadEvidence> loads) {
    this(
        requested,
        planned,
        actual,
        endedAt,
        endedBecause,
        timeline,
        timelineDropped,
        trends,
        loads,
        null);
  }

  /** This evidence with its comparison against the baseline release. */
  public BurnInEvidence withBaseline(BaselineEvidence baseline) {
    return copy(this.loads, baseline, this.engineInterruption);
  }

  /** This evidence with the load each {@code @Load} put on the stack. */
  public BurnInEvidence withLoads(List<LoadEvidence> loads) {
    return copy(loads, this.baseline, this.engineInterruption);
  }

  /** This evidence with the engine's interruption of the watch. */
  public BurnInEvidence withEngineInterruption(EngineInterruption engineInterruption) {
    return copy(this.loads, this.baseline, engineInterruption);
  }

  /** A copy that keeps the watch's own fields: only what is added after the watch is replaced. */
  private BurnInEvidence copy(
      List<LoadEvidence> loads, BaselineEvidence baseline, EngineInterruption engineInterruption) {
    return new BurnInEvidence(
        requested,
        planned,
        actual,
        endedAt,
        endedBecause,
        timeline,
        timelineDropped,
        trends,
        loads,
        baseline,
        engineInterruption);
  }

  /** Whether this run watched for less than requested (by configuration or because it stopped). */
  public boolean shortened() {
    return actual.compareTo(requested) < 0;
  }

  /**
   * Why this watch is not the one requested, as one sentence for the verdict's reasons; empty when
   * it ran its full length.
   */
  public List<String> shortfall() {
    if (!shortened()) {
      return List.of();
    }
    return List.of(
        "Watched "
            + human(actual)
            + " of the "
            + human(requested)
            + " requested: nothing failed in that time, but a shorter watch is not the evidence"
            + " asked for");
  }

  /**
   * The verdict as it must be shown: {@code PASS_SHORTENED (2 min of 4 h requested)}, or for a
   * watch that stopped early, {@code FAIL (shortened: 37 s of 4 h requested)}; a shortened burn-in
   * never reads as the full one.
   */
  public String qualify(Verdict verdict) {
    if (!shortened()) {
      return verdict.name();
    }
    String watched = human(actual) + " of " + human(requested) + " requested";
    return verdict == Verdict.PASS_SHORTENED
        ? verdict.name() + " (" + watched + ")"
        : verdict.name() + " (shortened: " + watched + ")";
  }

  /** Short human form: {@code 4 h}, {@code 90 min}, {@code 2 min}, {@code 45 s}. */
  public static String human(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600 && s % 3600 == 0) {
      return s / 3600 + " h";
    }
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
    if (s >= 60 && s % 60 == 0) {
      return s / 60 + " min";
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%.1f min", s / 60.0);
    }
    return s + " s";
  }
}
