package dev.stagegate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Fixed reports for tests: the same input always, so golden files can compare bytes. */
public final class AuditFixtures {
  public static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  private AuditFixtures() {}

  /** One passing and one failing gate, touching every part of the model. */
  public static AuditReport small() {
    return new AuditReport(AuditReport.SCHEMA_VERSION, T0, List.of(passingGate(), failingGate()));
  }

  public static EngineInfo engine() {
    return new EngineInfo("20.10.24", "1.41", "docker-compose version 1.29.2");
  }

  public static GateResult passingGate() {
    return GateResult.builder("shop.ShopGateTest#healthy", GateKind.HEALTHY_SMOKE)
        .displayName("stack comes up healthy")
        .verdict(Verdict.PASS)
        .startedAt(T0.minusSeconds(120))
        .duration(Duration.ofMillis(83_400))
        .composeFile("examples/shop/compose.yaml")
        .project("sg1a2b3c")
        .engine(engine())
        .checks(
            List.of(
                CheckResult.pass("build", "2 images built", ""),
                CheckResult.pass("all services healthy", "api healthy, db healthy", ""),
                CheckResult.pass(
                    "smoke GET api:8000/health",
                    "status 200, JSON subset matched",
                    "{\"status\":\"ok\",\"db\":\"up\"}")))
        .services(
            List.of(
                new ServiceEvidence(
                    "api",
                    "sg1a2b3c_api_1",
                    false,
                    "running",
                    "healthy",
                    0,
                    null,
                    false,
                    List.of(new HealthProbe(T0.minusSeconds(30), 0, "ok\n")),
                    new StatsSnapshot(1.25, 52_428_800L, 536_870_912L, 10_240L, 2_048L, 7),
                    List.of(),
                    0,
                    List.of("INFO starting", "INFO listening on :8000"),
                    2),
                new ServiceEvidence(
                    "migrate",
                    "sg1a2b3c_migrate_1",
                    true,
                    "exited",
                    "none",
                    0,
                    0,
                    false,
                    List.of(),
                    null,
                    List.of(),
                    0,
                    List.of("applied 3 migrations"),
                    1)))
        .failures(List.of())
        .build();
  }

  /**
   * A burn-in of 4 h requested that watched 90 s and saw nothing fail: PASS_SHORTENED, its trends
   * not judged (90 s is less than the 5 min minimum span).
   */
  public static GateResult shortenedBurnIn() {
    GateResult healthy = passingGate();
    BurnInEvidence burnIn =
        new BurnInEvidence(
            Duration.ofHours(4),
            Duration.ofSeconds(90),
            Duration.ofSeconds(90),
            T0.minusSeconds(10),
            "completed",
            List.of(),
            0,
            List.of(
                new ServiceTrend(
                    "api",
                    ServiceTrend.NOT_JUDGED,
                    0,
                    0,
                    "not judged (1.5 min < 5 min): memory of \"api\" was observed for 1.5 min",
                    ServiceTrend.NOT_JUDGED,
                    0,
                    "not judged (1.5 min < 5 min): CPU of \"api\" was observed for 1.5 min",
                    0.01,
                    Duration.ofSeconds(90),
                    Duration.ofMinutes(5),
                    List.of(),
                    List.of())));
    return GateResult.builder("shop.ShopGateTest#burnIn", GateKind.BURN_IN)
        .displayName("no leak in the burn-in")
        .verdict(Verdict.PASS_SHORTENED)
        .startedAt(T0.minusSeconds(100))
        .duration(Duration.ofSeconds(95))
        .composeFile(healthy.composeFile())
        .project("sg9f8e7d")
        .engine(engine())
        .checks(healthy.checks())
        .services(healthy.services())
        .failures(burnIn.shortfall())
        .burnIn(burnIn)
        .build();
  }

  /** A burn-in the Docker engine's restart interrupted 50 s in: INCONCLUSIVE naming the engine. */
  public static GateResult engineInterruptedBurnIn() {
    GateResult shortened = shortenedBurnIn();
    Instant down = T0.minusSeconds(60);
    List<StackEvent> kills =
        List.of(
            new StackEvent(down, "worker", "kill", null),
            new StackEvent(down.plusMillis(90), "worker", "die", 143));
    EngineInterruption interruption =
        new EngineInterruption(
                down,
                Duration.ofSeconds(50),
                List.of(EngineSign.SHUTDOWN_KILLS, EngineSign.PING_FAILED),
                kills,
                null,
                "77461a0c-5bf9-42cf-be9b-33e5a7ac3a39",
                "")
            .back(down.plusSeconds(11), "77461a0c-5bf9-42cf-be9b-33e5a7ac3a39");
    BurnInEvidence burnIn = shortened.burnIn().withEngineInterruption(interruption);
    return shortened.toBuilder()
        .verdict(Verdict.INCONCLUSIVE)
        .failures(List.of(interruption.sentence("burn-in")))
        .burnIn(burnIn)
        .build();
  }

  public static GateResult failingGate() {
    return GateResult.builder("shop.ShopGateTest#burnIn", GateKind.BURN_IN)
        .displayName("survives 10 minutes")
        .verdict(Verdict.FAIL)
        .startedAt(T0.minusSeconds(60))
        .duration(Duration.ofSeconds(601, 500_000_000))
        .composeFile("examples/shop/compose.yaml")
        .project("sg4d5e6f")
        .engine(engine())
        .checks(
            List.of(
                CheckResult.pass("all services healthy", "api healthy", ""),
                CheckResult.fail(
                    "no restarts", "api restarted 2 times", "api: RestartCount=2, OOMKilled=true"),
                new CheckResult("smoke GET api:8000/orders", CheckStatus.SKIPPED, "not run", "")))
        .services(
            List.of(
                new ServiceEvidence(
                    "api",
                    "sg4d5e6f_api_1",
                    false,
                    "running",
                    "unhealthy",
                    2,
                    137,
                    true,
                    List.of(new HealthProbe(T0.minusSeconds(5), 1, "connection refused")),
                    new StatsSnapshot(97.5, 535_000_000L, 536_870_912L, 3_500_000L, 1_200_000L, 12),
                    List.of(
                        LogFinding.single("api", 41, "error-level", "ERROR out of memory"),
                        new LogFinding(
                            "api", 57, "python-traceback", "MemoryError: cannot allocate", 6)),
                    5,
                    List.of("WARN heap at 95%", "ERROR out of memory", "INFO restarting"),
                    1234)))
        .failures(List.of("api restarted 2 times", "api was OOMKilled (exit code 137)"))
        .build();
  }
}
