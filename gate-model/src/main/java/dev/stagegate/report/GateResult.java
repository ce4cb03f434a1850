package dev.stagegate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one gate (one annotated test method) did and saw.
 *
 * @param id a stable identifier: {@code <test class>#<method>}
 * @param displayName the test's display name
 * @param kind which annotation drove it
 * @param verdict PASS when every check passed
 * @param startedAt when the gate started
 * @param duration how long it ran, build to teardown
 * @param composeFile the compose file, as given; for a post-deploy watch, the Docker host of the
 *     target it watched (no compose file is read there)
 * @param project the compose project name used for the run
 * @param engine the engine and compose versions
 * @param checks each check in the order run
 * @param services what was seen of each service
 * @param failures one sentence per failure, in the order found
 * @param burnIn what a burn-in watched; {@code null} for a smoke gate
 * @param rollback what a rollback drill proved; {@code null} for every other kind
 * @param images the image of every service the gate built and tested, in service order; empty for a
 *     gate that builds nothing ({@code null} is taken as empty)
 */
public record GateResult(
    String id,
    String displayName,
    GateKind kind,
    Verdict verdict,
    Instant startedAt,
    Duration duration,
    String composeFile,
    String project,
    EngineInfo engine,
    List<CheckResult> checks,
    List<ServiceEvidence> services,
    List<String> failures,
    BurnInEvidence burnIn,
    RollbackEvidence rollback,
    List<TestedImage> images) {
  public GateResult {
    checks = List.copyOf(checks);
    services = List.copyOf(services);
    failures = List.copyOf(failures);
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** This gate with {@code images} as the images it built and tested. */
  public GateResult withImages(List<TestedImage> images) {
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

  /**
   * A builder for a gate's result: name the fields you set instead of passing fifteen in order.
   *
   * <pre>{@code
   * GateResult smoke =
   *     GateResult.builder("shop.GateIT#fit", GateKind.HEALTHY_SMOKE)
   *         .verdict(Verdict.PASS)
   *         .startedAt(started)
   *         .duration(Duration.ofSeconds(12))
   *         .checks(checks)
   *         .build();
   * }</pre>
   */
  public static GateResultBuilder builder(String id, GateKind kind) {
    return new GateResultBuilder(id, kind);
  }

  /** A builder holding every field of this result: change what differs, then {@code build()}. */
  public GateResultBuilder toBuilder() {
    return new GateResultBuilder(id, kind)
        .displayName(displayName)
        .verdict(verdict)
        .startedAt(startedAt)
        .duration(duration)
        .composeFile(composeFile)
        .project(project)
        .engine(engine)
        .checks(checks)
        .services(services)
        .failures(failures)
        .burnIn(burnIn)
        .rollback(rollback)
        .images(images);
  }

  /** The verdict as shown, qualified for a shortened burn-in. */
  public String verdictText() {
    return burnIn == null ? verdict.name() : burnIn.qualify(verdict);
  }
}
