package dev.stagegate.junit.gate;

import dev.stagegate.assertions.baseline.RegressionJudge;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.load.LoadSummary;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.load.LoadInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A burn-in judged against the previous release: exports the baseline ref with JGit, runs it as a
 * second compose project (a {@link GateRun} of its own, with its own run labels) under the same
 * {@code @Load}s for the same time, side by side with the release (or one after the other when
 * {@value #MODE_KEY} is {@code sequential} or the engine is too small for both, see {@link
 * BaselineResources}; the audit says which and why), then compares per service and metric with
 * {@link RegressionJudge}: latency (each load's whole distribution, on its p95, at least 1 ms
 * worse), error rate (per interval, at least 1 point worse), memory (at least 1 MiB worse) and CPU
 * (at least 1 point worse), the last two on the history after the first third of the run, on the
 * median. A regression fails the gate; a baseline that cannot be prepared, build or start, or whose
 * watch is cut short, makes the gate INCONCLUSIVE at best, never PASS.
 */
public final class BaselineRun {
  /** Configuration parameter: {@code side-by-side} (default) or {@code sequential}. */
  public static final String MODE_KEY = "stagegate.baseline.mode";

  /** The ref meaning "the release before this one". */
  public static final String PREVIOUS = "previous";

  private static final double ERROR_RATE_MINIMUM_POINTS = 1.0;

  /**
   * Memory must be at least this much higher (MiB): {@code docker stats} of two identical idle
   * shells differ by a few hundred kB (0.8 against 0.7 MiB, +22 %, p = 0.003, in one run).
   */
  private static final double MEMORY_MINIMUM_MIB = 1.0;

  /** A p95 must be at least this much higher (ms): below it is scheduling noise on any host. */
  private static final double LATENCY_MINIMUM_MS = 1.0;

  /**
   * What the baseline is and how to run it; checked before anything starts.
   *
   * @param ref {@value #PREVIOUS} or a git ref or tag
   * @param minimumEffect the smallest relative worsening that fails (0.1: 10 %)
   * @param sequential run release and baseline one after the other instead of together
   */
  public record Settings(String ref, double minimumEffect, boolean sequential) {
    public Settings {
      if (ref.isBlank()) {
        throw new dev.stagegate.junit.GateConfigurationException(
            "@BurnIn(baseline) must be \"previous\" or a git ref such as v1.2.2 but was empty.");
      }
      if (!(minimumEffect >= 0) || Double.isInfinite(minimumEffect)) {
        throw new dev.stagegate.junit.GateConfigurationException(
            "@BurnIn(baselineMinimumEffect) is a share such as 0.1 (10 %) and must be >= 0 but was "
                + minimumEffect
                + ".");
      }
    }
  }

  private record Prepared(String label, GateSpec spec, Path workDir, List<String> copied) {}

  private BaselineRun() {}

  /**
   * Runs the release (its body included) and the baseline, and returns the release's result with
   * the comparison joined into its verdict.
   */
  public static GateResult execute(
      GateRun release,
      Settings settings,
      Supplier<DockerEngine> engines,
      Consumer<String> progress,
      GateRun.Body body) {
    GateSpec spec = release.spec();
    Prepared prepared;
    try {
      prepared = prepare(spec, settings.ref());
    } catch (IOException | RuntimeException e) {
      GateResult released = release.execute(body);
      return join(
          released,
          new BaselineEvidence(
              settings.ref(),
              settings.ref(),
              "not run",
              "inconclusive: the baseline "
                  + settings.ref()
                  + " could not be prepared: "
                  + message(e),
              List.of(),
              null),
          List.of(),
          List.of("The baseline " + settings.ref() + " could not be prepared: " + message(e)));
    }
    try {
      DockerEngine engine = engines.get();
      GateRun baselineRun =
          new GateRun(prepared.spec(), engine, line -> progress.accept("baseline " + line));
      GateResult released;
      GateResult baseline;
      String mode;
      Optional<String> tooSmall = settings.sequential() ? Optional.empty() : tooSmall(engine);
      if (settings.sequential() || tooSmall.isPresent()) {
        mode =
            "one after the other ("
                + tooSmall.orElse(MODE_KEY + " = sequential")
                + "): release first, then baseline";
        tooSmall.ifPresent(why -> progress.accept("baseline runs after the release: " + why));
        released = release.execute(body);
        baseline = baselineRun.execute(() -> {});
      } else {
        mode =
            "side by side: two compose projects on one engine, watched and loaded from the moment"
                + " both were up";
        // one stack measured while the other builds would be slower for no fault of its own
        WatchRendezvous together = new WatchRendezvous(2);
        release.watchTogether(together);
        baselineRun.watchTogether(together);
        CompletableFuture<GateResult> running =
            CompletableFuture.supplyAsync(() -> baselineRun.execute(() -> {}));
        released = release.execute(body);
        baseline = running.join();
      }
      baselineRun.finishJournal();
      if (!prepared.copied().isEmpty()) {
        mode +=
            "; not in git, copied from the release's working tree: "
                + String.join(", ", prepared.copied());
      }
      return compare(release, released, baselineRun, baseline, prepared.label(), settings, mode);
    } finally {
      TeardownHook.deleteWorkDir(prepared.workDir());
    }
  }

  /** Why this engine should not run both at once, if it should not; unknown: nothing against. */
  private static Optional<String> tooSmall(DockerEngine engine) {
    try {
      com.github.dockerjava.api.model.Info info = engine.client().infoCmd().exec();
      return BaselineResources.tooSmall(info.getNCPU(), info.getMemTotal());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Prepared prepare(GateSpec spec, String ref) throws IOException {
    Path compose = spec.compose().files().get(0).toAbsolutePath().normalize();
    try (GitTrees git =
        GitTrees.open(compose.getParent())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        compose.getParent()
                            + " is in no git repository to take a baseline from"))) {
      String wanted =
          PREVIOUS.equals(ref) ? git.newestTagBelowHead().orElse(RollbackRefs.FALLBACK) : ref;
      String commit =
          git.resolve(wanted)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the ref "
                              + wanted
                              + " does not resolve in "
                              + git.gitDir()
                              + (git.shallow() ? " (a shallow clone: fetch more history)" : "")));
      String label =
          wanted.equals(RollbackRefs.shortId(commit)) || wanted.equals(commit)
              ? RollbackRefs.shortId(commit)
              : wanted + " (" + RollbackRefs.shortId(commit) + ")";
      Path workDir =
          Files.createDirectories(
              spec.settings()
                  .reportDir()
                  .toAbsolutePath()
                  .normalize()
                  .resolve("work")
                  .resolve("baseline-" + RollbackRefs.shortId(commit) + "-" + System.nanoTime()));
      // the whole tree: a compose file may build from or include paths above its directory
      git.export(commit, "", workDir);
      Path root = git.root().toAbsolutePath().normalize();
      // what the build makes before compose runs (a deployment marker) is not in git: the
      // baseline gets the release's copy, and the audit says which files those were
      String composeDir = root.relativize(compose.getParent()).toString().replace('\\', '/');
      List<String> copied = new ArrayList<>();
      for (String ignored : git.ignoredFiles(composeDir)) {
        Path target = workDir.resolve(ignored);
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(root.resolve(ignored), target);
          copied.add(ignored);
        }
      }
      List<Path> files = new ArrayList<>();
      for (Path f : spec.compose().files()) {
        Path exported = workDir.resolve(root.relativize(f.toAbsolutePath().normalize()));
        if (!Files.isRegularFile(exported)) {
          throw new IllegalStateException(
              "the baseline " + label + " has no " + root.relativize(f.toAbsolutePath()));
        }
        files.add(exported);
      }
      ComposeFile baselineCompose =
          ComposeFile.load(files, spec.settings().composeProfiles(), spec.compose().command());
      GateSpec baselineSpec =
          new GateSpec(
              spec.id() + " @ baseline " + label,
              spec.displayName() + " (baseline " + label + ")",
              spec.kind(),
              label + ":" + spec.composeAttribute(),
              baselineCompose,
              spec.startupTimeout(),
              spec.settle(),
              spec.smokeChecks(),
              spec.logAudit(),
              // the previous release's images are not this commit's: never tag them as tested
              spec.settings().withoutKeepingImages(),
              spec.burnIn(),
              spec.loads());
      return new Prepared(label, baselineSpec, workDir, copied);
    }
  }

  private static GateResult compare(
      GateRun releaseRun,
      GateResult release,
      GateRun baselineRun,
      GateResult baseline,
      String label,
      Settings settings,
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
                  BaselineRun::mean));
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
  private static GateResult join(
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
    return new GateResult(
        release.id(),
        release.displayName(),
        release.kind(),
        decided.verdict(),
        release.startedAt(),
        release.duration(),
        release.composeFile(),
        release.project(),
        release.engine(),
        release.checks(),
        release.services(),
        decided.reasons(),
        burnIn,
        release.rollback(),
        release.images());
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

  private static String message(Exception e) {
    return Optional.ofNullable(e.getMessage()).orElse(e.toString());
  }
}
