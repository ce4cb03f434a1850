package dev.stagegate.junit.gate;

import dev.stagegate.assertions.baseline.RegressionJudge;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.GateResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * watch is cut short, makes the gate INCONCLUSIVE at best, never PASS. The exported baseline is a
 * {@link BaselineTree}; the comparison and the joined verdict are {@link BaselineComparison}'s.
 */
public final class BaselineRun {
  /** Configuration parameter: {@code side-by-side} (default) or {@code sequential}. */
  public static final String MODE_KEY = "stagegate.baseline.mode";

  /** The ref meaning "the release before this one". */
  public static final String PREVIOUS = "previous";

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
    BaselineTree prepared;
    try {
      prepared = BaselineTree.prepare(spec, settings.ref());
    } catch (IOException | RuntimeException e) {
      GateResult released = release.execute(body);
      return BaselineComparison.join(
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
      return BaselineComparison.compare(
          release, released, baselineRun, baseline, prepared.label(), settings, mode);
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

  private static String message(Exception e) {
    return Optional.ofNullable(e.getMessage()).orElse(e.toString());
  }
}
