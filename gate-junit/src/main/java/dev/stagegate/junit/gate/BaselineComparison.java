package dev.stagegate.junit.gate;

import dev.stagegate.assertions.baseline.RegressionJudge;
import dev.stagegate.junit.load.LoadSummary;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.load.LoadInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A burn-in compared with its baseline, per service and metric with {@link RegressionJudge}:
 * latency (each load's whole distribution, on its p95, at least 1 ms worse), error rate (per
 * interval, at least 1 point worse), memory (at least 1 MiB worse) and CPU (at least 1 point
 * worse), the last two on the history after the first third of the run, on the median; and the
 * comparison's findings joined into the release's verdict.
 */
final class BaselineComparison {
  private static final double ERROR_RATE_MINIMUM_POINTS = 1.0;

  /**
   * Memory must be at least this much higher (MiB): {@code docker stats} of two identical idle
   * shells differ by a few hundred kB (0.8 against 0.7 MiB, +22 %, p = 0.003, in one run).
   */
  private static final double MEMORY_MINIMUM_MIB = 1.0;

  /** A p95 must be at least this much higher (ms): below it is scheduling noise on any host. */
  private static final double LATENCY_MINIMUM_MS = 1.0;

  private BaselineComparison() {}

  /** Compares the release's burn-in with the baseline's, unless the baseline is no yardstick. */
  static GateResult compare(
      GateRun releaseRun,
      GateResult release,
      GateRun baselineRun,
      GateResult baseline,
      String label,
      BaselineRun.Settings settings,
      String mode) {
    if (release.burnIn() == null) {
      return join(
          release,
          new BaselineEvidence(
              settings.ref(),
              label,
              mode,
              "inconclusive: the release did not reach its burn-in",
              List.of(),
              baseline),
          List.of(),
          List.of());
    }
    // a baseline that could not build or start, or whose watch was cut short (a crash, a death,
    // a broken stream), is no yardstick; one that ran its course is compared against even when
    // its own trend judges objected: the release is held to its own trends anyway, and the
    // comparison is about the difference between the two
    boolean ranItsCourse =
        baseline.burnIn() != null
            && WatchStop.COMPLETED.equals(baseline.burnIn().endedBecause())
            && !baseline.burnIn().loads().isEmpty() == !releaseRun.spec().loads().isEmpty();
    if (!ranItsCourse) {
      String why =
          "The baseline "
              + label
              + " did not run its burn-in through ("
              + baseline.verdict()
              + (baseline.failures().isEmpty() ? "" : ": " + baseline.failures().get(0))
              + "); the release is not compared against a broken baseline";
      return join(
          release,
          new BaselineEvidence(
              settings.ref(), label, mode, "inconclusive: " + why, List.of(), baseline),
          List.of(),
          List.of(why));
    }
    RegressionJudge judge = RegressionJudge.defaults().withMinimumEffect(settings.minimumEffect());
    List<MetricComparison> comparisons = new ArrayList<>();
    List<LoadSummary> releaseLoads = releaseRun.loadSummaries();
    List<LoadSummary> baselineLoads = baselineRun.loadSummaries();
    List<LoadSpec> loads = releaseRun.spec().loads();
    for (int i = 0; i < loads.size() && i < releaseLoads.size() && i < baselineLoads.size(); i++) {
      LoadSummary r = releaseLoads.get(i);
      LoadSummary b = baselineLoads.get(i);
      if (r == null || b == null) {
        continue;
      }
      String service = loads.get(i).name();
      comparisons.add(
          judge
              .withMinimumAbsolute(LATENCY_MINIMUM_MS)
              .compare(
                  service,
                  "p95 latency",
                  "ms",
                  r.latencySampleMs(),
                  b.latencySampleMs(),
                  RegressionJudge::p95));
      comparisons.add(
          judge
              .withMinimumEffect(0)
              .withMinimumAbsolute(ERROR_RATE_MINIMUM_POINTS)
              .compare(
                  service,
                  "error rate",
                  "%",
                  errorRates(r.intervals()),
                  errorRates(b.intervals()),
                  BaselineComparison::mean));
    }
    Map<String, ServiceTrend> baselineTrends =
        baseline.burnIn().trends().stream()
            .collect(Collectors.toMap(ServiceTrend::service, Function.identity(), (a, c) -> a));
    for (ServiceTrend r : release.burnIn().trends()) {
      ServiceTrend b = baselineTrends.get(r.service());
      if (b == null) {
        continue;
      }
      comparisons.add(
          judge
              .withMinimumAbsolute(MEMORY_MINIMUM_MIB)
              .compare(
                  r.service(),
                  "memory",
                  "MiB",
                  afterWarmUp(r.memory(), 1.0 / (1024 * 1024)),
                  afterWarmUp(b.memory(), 1.0 / (1024 * 1024))));
      comparisons.add(
          judge
              .withMinimumAbsolute(1.0) // percent of a core: below that is scheduler noise
              .compare(r.service(), "CPU", "%", afterWarmUp(r.cpu(), 1), afterWarmUp(b.cpu(), 1)));
    }
    List<String> failures = new ArrayList<>();
    List<String> inconclusive = new ArrayList<>();
    List<String> regressions = new ArrayList<>();
    for (MetricComparison c : comparisons) {
      if (c.outcome() == MetricComparison.Outcome.REGRESSION) {
        regressions.add(c.sentence());
        failures.add("Regression against the baseline " + label + ": " + c.evidence());
      } else if (c.outcome() == MetricComparison.Outcome.INCONCLUSIVE) {
        inconclusive.add(
            "Comparison with the baseline " + label + " is inconclusive: " + c.evidence());
      }
    }
    String verdict =
        !regressions.isEmpty()
            ? "regression: " + String.join("; ", regressions)
            : !inconclusive.isEmpty()
                ? "inconclusive: " + inconclusive.get(0)
                : comparisons.isEmpty()
                    ? "inconclusive: nothing to compare"
                    : "no regression vs " + label;
    if (comparisons.isEmpty()) {
      inconclusive.add("Nothing was compared with the baseline " + label);
    }
    if (!baseline.verdict().nothingFailed()) {
      mode +=
          "; the baseline's own verdict: "
              + baseline.verdict()
              + (baseline.failures().isEmpty() ? "" : " (" + baseline.failures().get(0) + ")");
    }
    return join(
        release,
        new BaselineEvidence(settings.ref(), label, mode, verdict, comparisons, baseline),
        failures,
        inconclusive);
  }

  /** The release's result with the comparison's findings joined into its verdict. */
  static GateResult join(
      GateResult release,
      BaselineEvidence evidence,
      List<String> failures,
      List<String> inconclusive) {
    List<String> allFailures = new ArrayList<>();
    List<String> allInconclusive = new ArrayList<>();
    if (release.verdict() == Verdict.FAIL) {
      allFailures.addAll(release.failures());
    } else if (release.verdict() == Verdict.INCONCLUSIVE
        || release.verdict() == Verdict.INCOMPLETE) {
      allInconclusive.addAll(release.failures());
    }
    allFailures.addAll(failures);
    allInconclusive.addAll(inconclusive);
    // a release watched less than requested stays PASS_SHORTENED when the comparison finds nothing
    List<String> shortened =
        release.verdict() == Verdict.PASS_SHORTENED ? release.failures() : List.of();
    GateVerdict decided = GateVerdict.of(allFailures, allInconclusive, shortened);
    BurnInEvidence burnIn =
        release.burnIn() == null ? null : release.burnIn().withBaseline(evidence);
    return release.toBuilder()
        .verdict(decided.verdict())
        .failures(decided.reasons())
        .burnIn(burnIn)
        .build();
  }

  private static double[] errorRates(List<LoadInterval> intervals) {
    return intervals.stream()
        .filter(i -> i.completed() > 0)
        .mapToDouble(i -> 100 * i.errorRate())
        .toArray();
  }

  /** Bucket means after the first third of the run (start-up and warm-up), scaled. */
  private static double[] afterWarmUp(List<HistoryBucket> history, double scale) {
    if (history.isEmpty()) {
      return new double[0];
    }
    double t0 = history.get(0).tStartSeconds();
    double t1 = history.get(history.size() - 1).tEndSeconds();
    double cut = t0 + (t1 - t0) / 3;
    return history.stream()
        .filter(b -> b.tMidSeconds() >= cut)
        .mapToDouble(b -> b.mean() * scale)
        .toArray();
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
