package dev.stagegate.deploy.checklist;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gates shaped like what gate-junit records: the check names of GateRun ({@code no-cache build},
 * {@code all services healthy}, {@code smoke GET …}, {@code gate method}, {@code restarts, exits
 * and logs}) and PostDeployRun ({@code target found}, {@code deployment marker}, {@code hook health
 * /health}, {@code hook metric system_state_status}, {@code watch}).
 */
final class RealGates {
  static final String SMOKE_ID = "dev.stagegate.examples.StagingGateIT#stackIsFitToDeploy";
  static final String BURN_IN_ID = "dev.stagegate.examples.StagingBurnInIT#survivesTheBurnIn";
  static final String POST_ID = "dev.stagegate.examples.DeployedIT#deployedStagingIsHealthy";

  private RealGates() {}

  static ServiceEvidence service(String name, boolean oneShot, String state, String health) {
    return service(name, oneShot, state, health, 0, oneShot ? 0 : null, false, List.of());
  }

  static ServiceEvidence service(
      String name,
      boolean oneShot,
      String state,
      String health,
      int restarts,
      Integer exitCode,
      boolean oom,
      List<LogFinding> findings) {
    return new ServiceEvidence(
        name,
        "sg_" + name + "_1",
        oneShot,
        state,
        health,
        restarts,
        exitCode,
        oom,
        List.of(new HealthProbe(AuditFixtures.T0, 0, "ok")),
        null,
        findings,
        findings.size(),
        List.of("INFO ready"),
        10);
  }

  static List<ServiceEvidence> healthyStack() {
    return List.of(
        service("api", false, "running", "healthy"),
        service("worker", false, "running", "none"),
        service("beat", false, "running", "none"),
        service("migrate", true, "exited", "none"));
  }

  static List<CheckResult> smokeChecks() {
    return List.of(
        CheckResult.pass(
            "no-cache build", "every service with build: rebuilt without cache in 8.1 s", "..."),
        CheckResult.pass(
            "all services healthy",
            "every long-running service healthy or running, one-shot jobs exited 0 (up took 1.2"
                + " s, healthy 3.4 s later)",
            ""),
        CheckResult.pass(
            "smoke GET api:8000/health",
            "status 200, body contains {\"status\":\"ok\",\"db_ready\":true}",
            "{\"status\":\"ok\",\"db_ready\":true}"),
        CheckResult.pass("smoke GET api:8000/api/v1/agents/list", "status 200", "[]"),
        CheckResult.pass("gate method", "the method body passed", ""),
        CheckResult.pass(
            "restarts, exits and logs", "no restart, exit, OOM kill or log finding", ""));
  }

  static GateResult gate(
      String id,
      GateKind kind,
      Verdict verdict,
      List<CheckResult> checks,
      List<ServiceEvidence> services,
      List<String> failures,
      BurnInEvidence burnIn) {
    return GateResult.builder(id, kind)
        .displayName(id)
        .verdict(verdict)
        .startedAt(AuditFixtures.T0)
        .duration(Duration.ofSeconds(12))
        .composeFile( // PostDeployRun keeps the target's Docker host where a gate keeps its compose
            // file
            kind == GateKind.POST_DEPLOY_WATCH
                ? "unix:///var/run/docker.sock"
                : "docker-compose.yml")
        .project("sg1")
        .engine(AuditFixtures.engine())
        .checks(checks)
        .services(services)
        .failures(failures)
        .burnIn(burnIn)
        .build();
  }

  static GateResult smoke() {
    return gate(
        SMOKE_ID,
        GateKind.HEALTHY_SMOKE,
        Verdict.PASS,
        smokeChecks(),
        healthyStack(),
        List.of(),
        null);
  }

  static ServiceTrend trend(String service, String memory, String cpu) {
    return new ServiceTrend(
        service,
        memory,
        memory.equals("leak") ? 29.8 : 0.1,
        145.0,
        "memory " + memory + ": 29.8 MiB/hour from 145.0 MiB",
        cpu,
        0.0,
        "CPU " + cpu + ": 0.0 points/hour",
        0.01,
        Duration.ofHours(4),
        Duration.ofMinutes(5),
        List.of(),
        List.of());
  }

  static BurnInEvidence burnIn(Duration actual, List<ServiceTrend> trends) {
    return new BurnInEvidence(
        Duration.ofHours(4), actual, actual, AuditFixtures.T0, "completed", List.of(), 0, trends);
  }

  static GateResult burnIn(Verdict verdict, List<ServiceTrend> trends) {
    return gate(
        BURN_IN_ID,
        GateKind.BURN_IN,
        verdict,
        smokeChecks(),
        healthyStack(),
        verdict.nothingFailed() ? List.of() : List.of("worker memory leak"),
        // a full watch for PASS; any other verdict here comes from a 2-minute one
        burnIn(verdict == Verdict.PASS ? Duration.ofHours(4) : Duration.ofMinutes(2), trends));
  }

  static List<CheckResult> postChecks(CheckResult marker, CheckResult metric, CheckResult watch) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(
        CheckResult.pass(
            "target found", "project \"agents\" on ssh://deploy@staging: api, worker", ""));
    checks.add(marker);
    checks.add(
        CheckResult.pass(
            "hook health /health",
            "hook \"health /health\" passed: status 200, body contains {\"db_ready\":true}",
            "{\"status\":\"ok\",\"db_ready\":true}"));
    checks.add(metric);
    checks.add(CheckResult.pass("gate method", "the method body passed", ""));
    checks.add(watch);
    checks.add(
        CheckResult.pass(
            "restarts, exits and logs",
            "no restart, exit, OOM kill or log finding during the watch",
            ""));
    return checks;
  }

  static CheckResult markerPass() {
    return CheckResult.pass(
        "deployment marker",
        "service \"api\" runs commit 5d6e7f8, version 1.2.3, environment staging",
        "{}");
  }

  static CheckResult metricPass() {
    return CheckResult.pass(
        "hook metric system_state_status",
        "hook \"metric system_state_status\" passed: metric system_state_status is 0",
        "system_state_status 0");
  }

  static CheckResult watchPass() {
    return CheckResult.pass("watch", "watched 10 min without a failure", "");
  }

  static GateResult postDeploy(
      Verdict verdict, List<CheckResult> checks, List<ServiceEvidence> services) {
    return gate(
        POST_ID,
        GateKind.POST_DEPLOY_WATCH,
        verdict,
        checks,
        services,
        List.of(),
        new BurnInEvidence(
            Duration.ofMinutes(10),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10),
            AuditFixtures.T0,
            "completed",
            List.of(),
            0,
            List.of()));
  }

  static GateResult postDeployPassing() {
    return postDeploy(
        Verdict.PASS,
        postChecks(markerPass(), metricPass(), watchPass()),
        List.of(
            service("api", false, "running", "healthy"),
            service("migrate", true, "exited", "none", 0, 0, false, List.of()),
            service("worker", false, "running", "none")));
  }

  static CheckResult skipped(String name, String detail) {
    return new CheckResult(name, CheckStatus.SKIPPED, detail, "");
  }
}
