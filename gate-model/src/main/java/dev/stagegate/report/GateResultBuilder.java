package dev.stagegate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link GateResult} by naming its fields ({@link GateResult#builder}, {@link
 * GateResult#toBuilder}). The verdict, start and duration are required; the display name defaults
 * to the id, the compose file and project to empty, the lists to empty, the burn-in, rollback and
 * engine to absent.
 */
public final class GateResultBuilder {
  private final String id;
  private GateKind kind;
  private String displayName;
  private Verdict verdict;
  private Instant startedAt;
  private Duration duration;
  private String composeFile = "";
  private String project = "";
  private EngineInfo engine;
  private List<CheckResult> checks = List.of();
  private List<ServiceEvidence> services = List.of();
  private List<String> failures = List.of();
  private BurnInEvidence burnIn;
  private RollbackEvidence rollback;
  private List<TestedImage> images = List.of();

  GateResultBuilder(String id, GateKind kind) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.displayName = id;
  }

  public GateResultBuilder kind(GateKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
    return this;
  }

  public GateResultBuilder displayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  public GateResultBuilder verdict(Verdict verdict) {
    this.verdict = verdict;
    return this;
  }

  public GateResultBuilder startedAt(Instant startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public GateResultBuilder duration(Duration duration) {
    this.duration = duration;
    return this;
  }

  /** The compose file as given (for a post-deploy watch: the target's Docker host). */
  public GateResultBuilder composeFile(String composeFile) {
    this.composeFile = composeFile;
    return this;
  }

  public GateResultBuilder project(String project) {
    this.project = project;
    return this;
  }

  public GateResultBuilder engine(EngineInfo engine) {
    this.engine = engine;
    return this;
  }

  public GateResultBuilder checks(List<CheckResult> checks) {
    this.checks = checks;
    return this;
  }

  public GateResultBuilder services(List<ServiceEvidence> services) {
    this.services = services;
    return this;
  }

  public GateResultBuilder failures(List<String> failures) {
    this.failures = failures;
    return this;
  }

  public GateResultBuilder burnIn(BurnInEvidence burnIn) {
    this.burnIn = burnIn;
    return this;
  }

  public GateResultBuilder rollback(RollbackEvidence rollback) {
    this.rollback = rollback;
    return this;
  }

  public GateResultBuilder images(List<TestedImage> images) {
    this.images = images;
    return this;
  }

  /** The result; fails naming the missing field when verdict, start or duration is unset. */
  public GateResult build() {
    Objects.requireNonNull(verdict, "GateResult of " + id + " needs a verdict");
    Objects.requireNonNull(startedAt, "GateResult of " + id + " needs startedAt");
    Objects.requireNonNull(duration, "GateResult of " + id + " needs a duration");
    return new GateResult(
        id,
        displayName,
        kind,
        verdict,
        startedAt,
        duration,
        composeFile,
        project,
        engine,
        checks,
        services,
        failures,
        burnIn,
        rollback,
        images);
  }
}
