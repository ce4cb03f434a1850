package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.junit.docker.EventWatch;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.EngineInterruption;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.journal.EvidenceJournal;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.redact.ReportRedaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link GateRun}'s burn-in: the watch ({@link BurnInRun}) with the {@code @Load} generators
 * beside it and the evidence journal rewritten from the gate so far, then what the watch's end
 * means for the gate: an engine that went away is waited for, a watch that ran its course is
 * smoke-checked again, a failure (and those after it) or an undecided end joins the findings.
 */
final class BurnInPhase {
  private final GateSpec spec;
  private final DockerEngine engine;
  private final StackInspector inspector;
  private final RunLabels labels;
  private final RunningStack stack;
  private final Consumer<String> progress;
  private final Redactor redactor;
  private final EvidenceCollector collector;
  private final GateSmoke smoke;
  private final EngineWait engineWait;
  private final List<CheckResult> checks;
  private final Map<String, String> serviceProblems;
  private final List<String> otherFailures;
  private final List<String> inconclusive;
  private BurnInRun burnIn;
  private LoadRun load;
  private EvidenceJournal journal;

  BurnInPhase(
      GateSpec spec,
      DockerEngine engine,
      StackInspector inspector,
      RunLabels labels,
      RunningStack stack,
      Consumer<String> progress,
      Redactor redactor,
      EvidenceCollector collector,
      GateSmoke smoke,
      EngineWait engineWait,
      GateFindings findings) {
    this.spec = spec;
    this.engine = engine;
    this.inspector = inspector;
    this.labels = labels;
    this.stack = stack;
    this.progress = progress;
    this.redactor = redactor;
    this.collector = collector;
    this.smoke = smoke;
    this.engineWait = engineWait;
    this.checks = findings.checks();
    this.serviceProblems = findings.serviceProblems();
    this.otherFailures = findings.otherFailures();
    this.inconclusive = findings.inconclusive();
  }

  /**
   * Runs the burn-in of the healthy stack whose events {@code events} watches.
   *
   * @param started when the gate started, for the journal's partial result
   * @return the engine's interruption of the watch, completed after waiting for the engine; {@code
   *     null} when the engine did not go away
   */
  EngineInterruption run(EventWatch events, Instant started, EngineInfo engineInfo)
      throws InterruptedException {
    EngineInterruption engineInterruption = null;
    burnIn = new BurnInRun(spec, engine.client(), inspector, events, progress);
    load = LoadRun.start(spec.loads(), stack);
    journal =
        EvidenceJournal.open(
            spec.settings().reportDir(), labels.runId(), labels.host(), labels.pid());
    WatchStop stop =
        burnIn.run(
            spec.burnIn().get(),
            smoke::smokeDuringWatch,
            () ->
                journal.checkpoint(ReportRedaction.redact(partial(started, engineInfo), redactor)));
    load.stop();
    if (stop.engineInterruption().isPresent()) {
      engineInterruption = engineWait.awaitEngine(stop.engineInterruption().get(), events);
      burnIn.engineInterruption(engineInterruption);
    } else if (stop.verdict() == Verdict.PASS) {
      smoke.smoke();
    } else if (stop.verdict() == Verdict.FAIL) {
      otherFailures.add(stop.reason());
      otherFailures.addAll(stop.afterwards());
    } else {
      inconclusive.add(stop.reason());
    }
    return engineInterruption;
  }

  /** The watch, once {@link #run} began it; {@code null} before and without a burn-in. */
  BurnInRun burnIn() {
    return burnIn;
  }

  /** The {@code @Load} generators, once {@link #run} started them; {@code null} before. */
  LoadRun load() {
    return load;
  }

  /** The gate so far, for the evidence journal: what a killed JVM leaves for the next run. */
  private GateResult partial(Instant started, EngineInfo engineInfo) {
    List<String> failures = new ArrayList<>(serviceProblems.values());
    failures.addAll(otherFailures);
    return GateResult.builder(spec.id(), spec.kind())
        .displayName(spec.displayName())
        .verdict(Verdict.INCOMPLETE)
        .startedAt(started)
        .duration(Duration.between(started, Instant.now()))
        .composeFile(spec.composeAttribute())
        .project(labels.runId())
        .engine(engineInfo)
        .checks(List.copyOf(checks))
        .services(burnIn.evidence(collector))
        .failures(failures)
        .burnIn(burnIn.snapshot())
        .build();
  }

  /** The audit now holds this gate: the evidence journal is no longer needed. */
  void finishJournal() {
    if (journal != null) {
      journal.finish();
    }
  }
}
