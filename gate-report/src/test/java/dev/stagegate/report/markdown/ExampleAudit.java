package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.BaselineEvidence;
import dev.stagegate.report.BoundedHistory;
import dev.stagegate.report.BurnInEvidence;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.ServiceSeries;
import dev.stagegate.report.ServiceTrend;
import dev.stagegate.report.StackEvent;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.baseline.MetricComparison;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.change.SourceRevision;
import dev.stagegate.report.change.UncommittedChanges;
import dev.stagegate.report.load.LoadEvidence;
import dev.stagegate.report.load.LoadInterval;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskFinding;
import dev.stagegate.report.risk.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An audit shaped like the example's (examples/): a smoke gate, a 90-second burn-in of a 4-hour
 * request, and a rollback drill, of the stack {@code api}, {@code worker}, {@code beat} and the
 * one-shot {@code migrate}, with the evidence volumes of a real run made adjustable: healthcheck
 * runs per service, log lines kept per service, build output lines. Check names, details, log lines
 * and BuildKit output are as gate-junit records them (taken from docs/sample-stability_audit.md).
 */
final class ExampleAudit {
  static final Instant T0 = Instant.parse("2026-12-07T07:03:42Z");
  static final String COMMIT = "415242fc3aba50e554e825da0203198e96ee37b7";
  static final String SMOKE = "dev.stagegate.examples.StagingGateIT#stackIsFitToDeploy";
  static final String BURN_IN = "dev.stagegate.examples.StagingBurnInIT#survivesTheBurnIn";
  static final String LOAD = "dev.stagegate.examples.StagingLoadIT#noWorseThanThePreviousRelease";
  static final String TARGET = "GET api:8000/api/v1/agents/list";
  static final String DRILL = "dev.stagegate.examples.RollbackDrillIT#theWayBackIsProven";
  static final List<String> LONG_RUNNING = List.of("api", "beat", "worker");

  private final int probes;
  private final int logLines;
  private final int buildLines;
  private String failingProbeOutput;
  private String workerFailure;
  private boolean loadGate;
  private boolean asInCi;

  /**
   * @param probes healthcheck runs kept per long-running service (the engine keeps 5; a long run of
   *     a tool that keeps more, 50)
   * @param logLines log lines kept per service (stagegate.logs.lines, 1000 by default)
   * @param buildLines lines of build output
   */
  ExampleAudit(int probes, int logLines, int buildLines) {
    this.probes = probes;
    this.logLines = logLines;
    this.buildLines = buildLines;
  }

  /** The last healthcheck run of {@code worker} fails with this output. */
  ExampleAudit withFailingWorkerProbe(String output) {
    this.failingProbeOutput = output;
    return this;
  }

  /** The burn-in fails: worker exits with this sentence as the gate's failure. */
  ExampleAudit withWorkerFailure(String failure) {
    this.workerFailure = failure;
    return this;
  }

  /**
   * The report gains the example's fourth gate, {@code StagingLoadIT}: a shortened burn-in under a
   * constant-rate load of 20 requests/s (18 intervals of 5 s, as the real run), side by side with
   * the previous release (8 metrics compared, the baseline run's own trends and load).
   */
  ExampleAudit withLoadAndBaseline() {
    this.loadGate = true;
    return this;
  }

  /**
   * The report gains what the CI run of the example holds beyond that (its last audit, re-rendered
   * by {@link SampleTwinSizeTest}): every building gate keeps its four images (a {@code keep tested
   * images} check naming each), the burn-in first, so the later gates' tags move on; the drill runs
   * its eleven steps, exporting both commits, and proves the command it prints.
   */
  ExampleAudit asInCi() {
    this.asInCi = true;
    return this;
  }

  AuditReport report() {
    if (asInCi) {
      List<GateResult> gates = new ArrayList<>();
      gates.add(kept(burnIn(), "d6"));
      gates.add(kept(smoke(), "fb"));
      if (loadGate) {
        gates.add(kept(load(), "b4"));
      }
      gates.add(provenDrill());
      return AuditReport.of(gates, change(), risk())
          .withSource(new SourceRevision("https://github.com/acme/agents.git", "main", COMMIT));
    }
    List<GateResult> gates =
        loadGate
            ? List.of(smoke(), burnIn().withImages(images()), load(), drill())
            : List.of(smoke(), burnIn().withImages(images()), drill());
    return AuditReport.of(gates, change(), risk())
        .withSource(new SourceRevision("https://github.com/acme/agents.git", "main", COMMIT));
  }

  /** The resource series the gate keeps for the charts (as gate-junit's BurnInCharts gives). */
  static Map<String, ServiceSeries> series(GateResult gate) {
    Map<String, ServiceSeries> series = new LinkedHashMap<>();
    if (gate.burnIn() != null) {
      for (ServiceTrend t : gate.burnIn().trends()) {
        series.put(t.service(), new ServiceSeries(t.memory(), t.cpu()));
      }
    }
    return series;
  }

  private GateResult smoke() {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(build());
    checks.add(healthy());
    checks.add(health());
    checks.add(
        CheckResult.pass(
            "smoke GET api:8000/api/v1/agents/list",
            "status 200",
            "[{\"id\":1,\"name\":\"triage\"},{\"id\":2,\"name\":\"summarise\"}]"));
    checks.add(CheckResult.pass("gate method", "the method body passed", ""));
    checks.add(restartsExitsAndLogs());
    return gate(
        SMOKE,
        GateKind.HEALTHY_SMOKE,
        Verdict.PASS,
        Duration.ofMillis(9_300),
        checks,
        services(false),
        List.of(),
        null);
  }

  private GateResult burnIn() {
    boolean fails = workerFailure != null;
    List<CheckResult> checks = new ArrayList<>();
    checks.add(build());
    checks.add(healthy());
    checks.add(health());
    checks.add(CheckResult.pass("gate method", "the method body passed", ""));
    checks.add(health()); // the smoke check again after the watch: same name, same result
    checks.add(
        fails
            ? CheckResult.fail("restarts, exits and logs", workerFailure, "")
            : restartsExitsAndLogs());
    List<ServiceTrend> trends = new ArrayList<>();
    for (String s : LONG_RUNNING) {
      trends.add(notJudged(s));
    }
    List<StackEvent> timeline = new ArrayList<>();
    timeline.add(new StackEvent(T0.plusSeconds(1), "migrate", "start", null));
    timeline.add(new StackEvent(T0.plusSeconds(1), "migrate", "die", 0));
    for (String s : LONG_RUNNING) {
      timeline.add(new StackEvent(T0.plusSeconds(2), s, "start", null));
    }
    if (fails) {
      timeline.add(new StackEvent(T0.plusSeconds(50), "worker", "die", 3));
    }
    BurnInEvidence watch =
        new BurnInEvidence(
            Duration.ofHours(4),
            Duration.ofSeconds(90),
            fails ? Duration.ofSeconds(48) : Duration.ofSeconds(90),
            T0.plusSeconds(95),
            fails ? "worker die (exit code 3)" : "completed",
            timeline,
            0,
            trends);
    return gate(
        BURN_IN,
        GateKind.BURN_IN,
        fails ? Verdict.FAIL : Verdict.PASS_SHORTENED,
        Duration.ofMillis(97_600),
        checks,
        services(fails),
        fails
            ? List.of(workerFailure)
            : List.of(
                "Watched 1.5 min of the 4 h requested: nothing failed in that time, but a shorter"
                    + " watch is not the evidence asked for"),
        watch);
  }

  private GateResult load() {
    GateResult base = loadRun(LOAD, "sgbase01", 11, null);
    List<MetricComparison> comparisons = new ArrayList<>();
    comparisons.add(compare(TARGET, "p95 latency", "ms", 3.8, 4.4, 0.971, 0.48));
    comparisons.add(compare(TARGET, "error rate", "%", 0, 0, 1.0, 0.5));
    for (String s : LONG_RUNNING) {
      comparisons.add(compare(s, "memory", "MiB", 0.8, 0.8, 0.667, 0.48));
      comparisons.add(compare(s, "CPU", "%", 1.5, 1.5, 0.572, 0.49));
    }
    BaselineEvidence baseline =
        new BaselineEvidence(
            "previous",
            "HEAD~1 (4d6bcc3)",
            "side by side: two compose projects on one engine, watched and loaded from the moment"
                + " both were up",
            "no regression vs HEAD~1 (4d6bcc3)",
            comparisons,
            base);
    return loadRun(LOAD, "sg5bwyie", 7, baseline);
  }

  private static MetricComparison compare(
      String service, String metric, String unit, double r, double b, double p, double sup) {
    return new MetricComparison(
        service,
        metric,
        unit,
        r,
        b,
        b == 0 ? 0 : 100 * (r - b) / b,
        p,
        sup,
        MetricComparison.Outcome.NO_REGRESSION,
        "one-sided Mann-Whitney U, p = " + p);
  }

  private GateResult loadRun(String id, String project, int seed, BaselineEvidence baseline) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(build());
    checks.add(healthy());
    checks.add(health());
    checks.add(CheckResult.pass("gate method", "the method body passed", ""));
    checks.add(health());
    checks.add(restartsExitsAndLogs());
    List<ServiceTrend> trends = new ArrayList<>();
    for (String s : LONG_RUNNING) {
      trends.add(notJudged(s));
    }
    List<StackEvent> timeline = new ArrayList<>();
    timeline.add(new StackEvent(T0.plusSeconds(1), "migrate", "start", null));
    timeline.add(new StackEvent(T0.plusSeconds(1), "migrate", "die", 0));
    for (String s : LONG_RUNNING) {
      timeline.add(new StackEvent(T0.plusSeconds(2), s, "start", null));
    }
    BurnInEvidence watch =
        new BurnInEvidence(
                Duration.ofHours(4),
                Duration.ofSeconds(90),
                Duration.ofSeconds(90),
                T0.plusSeconds(95),
                "completed",
                timeline,
                0,
                trends)
            .withLoads(List.of(loadEvidence(seed)));
    if (baseline != null) {
      watch = watch.withBaseline(baseline);
    }
    GateResult g =
        gate(
            id,
            GateKind.BURN_IN,
            Verdict.PASS_SHORTENED,
            Duration.ofMillis(97_400),
            checks,
            services(false),
            List.of(
                "Watched 1.5 min of the 4 h requested: nothing failed in that time, but a shorter"
                    + " watch is not the evidence asked for"),
            watch);
    return g.toBuilder().project(project).build();
  }

  /** 18 intervals of 5 s at 20 requests/s, latencies varying as the real run's did. */
  private static LoadEvidence loadEvidence(int seed) {
    List<LoadInterval> intervals = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      double wobble = ((i * seed) % 7) / 7.0;
      intervals.add(
          new LoadInterval(
              i * 5,
              i * 5 + 5,
              100,
              100,
              0,
              1.0 + wobble,
              2.5 + 2 * wobble,
              4.1 + 10 * wobble,
              6.0 + 13 * wobble));
    }
    return new LoadEvidence(
        "api",
        TARGET,
        20,
        20.01,
        1801,
        1801,
        0,
        Map.of(),
        1.2,
        3.8,
        9.4,
        19.6,
        0.01,
        1000,
        ServiceTrend.NOT_JUDGED,
        "not judged (1.4 min < 5 min): Latency of \""
            + TARGET
            + "\" was observed for 1.4 min, less than the 5 min minimum span needed to judge a"
            + " trend; a slope per hour from so short a window would be an extrapolation, so none"
            + " is given.",
        intervals);
  }

  /**
   * {@code gate} with its four images kept under {@code examples/<service>:<commit>} (IDs from
   * {@code seed}) and the check that says so, worded as gate-junit words it.
   */
  private static GateResult kept(GateResult gate, String seed) {
    List<TestedImage> images = new ArrayList<>();
    List<String> named = new ArrayList<>();
    List<String> services = List.of("api", "beat", "migrate", "worker");
    for (String s : services) {
      String id = "sha256:" + (seed + services.indexOf(s)).repeat(22).substring(0, 64);
      images.add(new TestedImage(s, id, "examples/" + s + ":" + COMMIT));
      named.add(s + " " + TestedImage.shortId(id) + " as examples/" + s);
    }
    List<CheckResult> checks = new ArrayList<>(gate.checks());
    checks.add(
        CheckResult.pass(
            "keep tested images",
            "kept for the deploy: "
                + String.join(", ", named)
                + ", each tagged :"
                + COMMIT
                + " (up -d --no-build)",
            ""));
    return gate.toBuilder().checks(checks).images(images).build();
  }

  /** The drill as CI runs it: both commits exported, the way back and forth, each marker read. */
  private GateResult provenDrill() {
    String previous = "4d6bcc3a16d75a0656aea0e8bdb91be3a76346a8";
    String now = COMMIT.substring(0, 7);
    String before = previous.substring(0, 7);
    String marker = marker(before, previous);
    String current = marker(now, COMMIT);
    String build = buildOutput();
    List<CheckResult> checks =
        List.of(
            CheckResult.pass(
                "export current",
                "exported examples/ of HEAD " + now + " and wrote its marker (version " + now + ")",
                current),
            CheckResult.pass(
                "export previous",
                "exported examples/ of HEAD~1 "
                    + before
                    + " and wrote its marker (version "
                    + before
                    + ")",
                marker),
            CheckResult.pass(
                "migrations since previous", "no migration changed: images alone roll back", ""),
            CheckResult.pass(
                "previous images",
                "built HEAD~1 ("
                    + before
                    + ") as its gate did, in 1.1 s, and kept api sha256:b0c3fb197512, beat"
                    + " sha256:6b8dda26c8bf, migrate sha256:f10e53cdadcf, worker"
                    + " sha256:665f6079ab67 under the drill's names",
                build),
            CheckResult.pass(
                "current up",
                now + " (" + now + ") healthy 6.7 s after its build started, in project sgpgc59b",
                build + build),
            CheckResult.pass(
                "marker after current up",
                "service \"api\" runs commit " + now + ", version " + now + ", environment staging",
                current),
            CheckResult.pass(
                "rollback to HEAD~1 (" + before + ")",
                before
                    + " ("
                    + before
                    + ") healthy 6.0 s after the rollback command started (no build), in project"
                    + " sgpgc59b",
                build),
            CheckResult.pass(
                "marker after rollback",
                "service \"api\" runs commit "
                    + before
                    + ", version "
                    + before
                    + ", environment staging",
                marker),
            CheckResult.pass(
                "return to current",
                now + " (" + now + ") healthy 6.1 s after up -d (no build), in project sgpgc59b",
                build),
            CheckResult.pass(
                "marker after return to current",
                "service \"api\" runs commit " + now + ", version " + now + ", environment staging",
                current),
            CheckResult.pass("gate method", "the method body passed", ""));
    String target =
        "no deployment recorded to staging in /ci/examples/target/stagegate/deployments.jsonl,"
            + " /ci/examples/target/stagegate/deployments.log: rolling back to the previous"
            + " commit's kept images by tag name (HEAD~1: no tag below HEAD)";
    StringBuilder command =
        new StringBuilder("# roll project agents-staging back to HEAD~1 (")
            .append(before)
            .append("): the images its gate tested and kept, no rebuild\n# target: ")
            .append(target)
            .append("\nmkdir -p /tmp/rollback-")
            .append(before)
            .append(" && git archive ")
            .append(previous)
            .append(" examples | tar -x -C /tmp/rollback-")
            .append(before)
            .append("\ncd /tmp/rollback-")
            .append(before)
            .append("/examples\ncat > rollback-images.yml <<'IMAGES'\nservices:\n");
    for (String s : List.of("api", "beat", "migrate", "worker")) {
      command.append("  ").append(s).append(":\n    image: examples/").append(s).append(':');
      command.append(previous).append('\n');
    }
    command.append(
        "IMAGES\ndocker compose -p agents-staging -f docker-compose.yml -f rollback-images.yml up"
            + " -d --no-build --remove-orphans");
    GateResult g =
        gate(
            DRILL,
            GateKind.ROLLBACK_DRILL,
            Verdict.PASS,
            Duration.ofMillis(22_900),
            checks,
            services(false),
            List.of(),
            null);
    return g.toBuilder()
        .project("sgpgc59b")
        .burnIn(null)
        .rollback(
            new RollbackEvidence(
                "HEAD~1",
                previous,
                before,
                COMMIT,
                "sgpgc59b",
                command.toString(),
                true,
                T0.plusSeconds(240),
                Duration.ofMillis(5_998),
                before,
                target))
        .build();
  }

  private static String marker(String version, String commit) {
    return "{\n  \"version\": \""
        + version
        + "\",\n  \"timestamp\": \"2026-12-07T07:07:12Z\",\n  \"commit\": \""
        + commit
        + "\",\n  \"environment\": \"staging\",\n  \"deployed_by\": \"root\"\n}";
  }

  private GateResult drill() {
    String marker =
        "{\n  \"version\": \"4d6bcc3\",\n  \"timestamp\": \"2026-12-07T07:07:12Z\",\n"
            + "  \"commit\": \"4d6bcc3a16d75a0656aea0e8bdb91be3a76346a8\",\n"
            + "  \"environment\": \"staging\",\n  \"deployed_by\": \"root\"\n}";
    List<CheckResult> checks =
        List.of(
            CheckResult.pass(
                "export previous",
                "exported examples/ of HEAD~1 4d6bcc3 and wrote its marker (version 4d6bcc3)",
                marker),
            CheckResult.pass(
                "rollback to HEAD~1 (4d6bcc3)",
                "4d6bcc3 (4d6bcc3) healthy 7.2 s after its build started, in project sgh3mcif",
                buildOutput()),
            CheckResult.pass(
                "marker after rollback",
                "service \"api\" runs commit 4d6bcc3, version 4d6bcc3, environment staging",
                marker),
            CheckResult.pass("gate method", "the method body passed", ""));
    return gate(
        DRILL,
        GateKind.ROLLBACK_DRILL,
        Verdict.PASS,
        Duration.ofMillis(24_300),
        checks,
        services(false),
        List.of(),
        null);
  }

  private static GateResult gate(
      String id,
      GateKind kind,
      Verdict verdict,
      Duration duration,
      List<CheckResult> checks,
      List<ServiceEvidence> services,
      List<String> failures,
      BurnInEvidence burnIn) {
    return GateResult.builder(id, kind)
        .displayName(id.substring(id.indexOf('#') + 1) + "()")
        .verdict(verdict)
        .startedAt(T0)
        .duration(duration)
        .composeFile("docker-compose.yml")
        .project("sg0ydf6z")
        .engine(new EngineInfo("26.1.5+dfsg1", "1.45", "docker compose 2.26.1-4"))
        .checks(checks)
        .services(services)
        .failures(failures)
        .burnIn(burnIn)
        .build();
  }

  private CheckResult build() {
    return CheckResult.pass(
        "no-cache build",
        "every service with build: rebuilt without cache in 1.0 s",
        buildOutput());
  }

  private static CheckResult healthy() {
    return CheckResult.pass(
        "all services healthy",
        "every long-running service healthy or running, one-shot jobs exited 0 (up took 4.6 s,"
            + " healthy 1.2 s later)",
        "");
  }

  private static CheckResult health() {
    return CheckResult.pass(
        "smoke GET api:8000/health",
        "status 200, body contains {\"status\":\"ok\",\"db_ready\":true}",
        "{\"status\":\"ok\",\"db_ready\":true}");
  }

  private static CheckResult restartsExitsAndLogs() {
    return CheckResult.pass(
        "restarts, exits and logs", "no restart, exit, OOM kill or log finding", "");
  }

  /** BuildKit's plain output, repeated per build step up to {@link #buildLines}. */
  private String buildOutput() {
    List<String> steps =
        List.of(
            "#22 [beat internal] load build definition from Dockerfile",
            "#22 transferring dockerfile: 133B done",
            "#22 DONE 0.0s",
            "",
            "#4 [beat 1/3] FROM docker.io/stagegate/busybox-base:1",
            "#4 CACHED",
            "",
            "#26 [beat 3/3] RUN chmod +x /app/beat.sh",
            "#26 DONE 0.1s",
            "");
    StringBuilder out = new StringBuilder("\n");
    for (int i = 0; i < buildLines - 3; i++) {
      out.append(steps.get(i % steps.size())).append('\n');
    }
    out.append(
        "#27 writing image sha256:c6adabd43c5f06deb958ac7272cba46a4277dd957c0e03f56642d2bea3270314"
            + " done\n#27 naming to docker.io/library/stagegate-sg0ydf6z-beat:gate done\n"
            + "#27 DONE 0.0s\n");
    return out.toString();
  }

  private List<ServiceEvidence> services(boolean workerFails) {
    List<ServiceEvidence> services = new ArrayList<>();
    for (String s : List.of("api", "beat", "migrate", "worker")) {
      boolean oneShot = s.equals("migrate");
      boolean failed = workerFails && s.equals("worker");
      List<HealthProbe> log = new ArrayList<>();
      for (int i = 0; !oneShot && i < probes; i++) {
        boolean last = i == probes - 1;
        boolean bad = last && s.equals("worker") && failingProbeOutput != null;
        log.add(new HealthProbe(T0.plusSeconds(i), bad ? 1 : 0, bad ? failingProbeOutput : ""));
      }
      List<String> lines = new ArrayList<>();
      int kept = oneShot ? 4 : logLines;
      for (int i = 0; i < kept; i++) {
        lines.add(line(s, i));
      }
      List<LogFinding> findings =
          failed
              ? List.of(
                  LogFinding.single(
                      "worker",
                      kept - 1,
                      "error-level",
                      "2026-12-07T07:04:32Z ERROR worker lost its broker connection"))
              : List.of();
      services.add(
          new ServiceEvidence(
              s,
              "sg0ydf6z-" + s + "-1",
              oneShot,
              oneShot || failed ? "exited" : "running",
              oneShot ? "none" : failed ? "unhealthy" : "healthy",
              0,
              oneShot ? Integer.valueOf(0) : failed ? Integer.valueOf(3) : null,
              false,
              log,
              oneShot ? null : new StatsSnapshot(1.5, 860_000, 25_276_000_000L, 3_400, 2_000, 2),
              findings,
              findings.size(),
              lines,
              oneShot ? kept : kept + 893L));
    }
    return services;
  }

  private static String line(String service, int i) {
    return String.format(
        Locale.ROOT,
        "2026-12-07T07:%02d:%02dZ INFO %s %s",
        4 + i / 60 % 50,
        i % 60,
        service,
        switch (service) {
          case "api" -> i % 10 == 0 ? "GET /health 200" : "GET /api/v1/agents/list 200";
          case "beat" -> "scheduled task cleanup";
          case "migrate" -> "applied migration " + i;
          default -> "task cleanup succeeded in 0.01s";
        });
  }

  private static ServiceTrend notJudged(String service) {
    String sentence =
        "not judged (1.5 min < 5 min): %s of \""
            + service
            + "\" was observed for 1.5 min, less than the 5 min minimum span needed to judge a %s;"
            + " a slope per hour from so short a window would be an extrapolation, so none is"
            + " given.";
    BoundedHistory memory = new BoundedHistory();
    BoundedHistory cpu = new BoundedHistory();
    for (int t = 0; t < 88; t++) {
      memory.add(t, 800_000 + (t % 7) * 30_000);
      cpu.add(t, 1.3 + (t % 5) * 0.1);
    }
    return new ServiceTrend(
        service,
        ServiceTrend.NOT_JUDGED,
        0,
        0.8,
        String.format(Locale.ROOT, sentence, "Memory", "leak"),
        ServiceTrend.NOT_JUDGED,
        0,
        String.format(Locale.ROOT, sentence, "CPU", "trend"),
        0.01,
        Duration.ofSeconds(88),
        Duration.ofMinutes(5),
        memory.buckets(),
        cpu.buckets());
  }

  private static ChangeSummary change() {
    return new ChangeSummary(
        "v1.0.0",
        "4d6bcc3a16d75a0656aea0e8bdb91be3a76346a8",
        COMMIT,
        "last tag v1.0.0",
        List.of(
            new ChangedFile(
                "app/migrations/0002_task_runs.sql",
                ChangeType.ADD,
                null,
                List.of("Record every task run")),
            new ChangedFile("README.md", ChangeType.MODIFY, null, List.of("Docs"))),
        2,
        UncommittedChanges.NONE,
        List.of());
  }

  /** The images the burn-in kept under {@code examples/<service>:<commit>}. */
  static List<TestedImage> images() {
    return List.of(
        new TestedImage("api", "sha256:" + "a1".repeat(32), "examples/api:" + COMMIT),
        new TestedImage("worker", "sha256:" + "b2".repeat(32), "examples/worker:" + COMMIT));
  }

  private static RiskAssessment risk() {
    return RiskAssessment.of(
        List.of(
            new RiskFinding(
                "app/migrations/0002_task_runs.sql",
                "db-migrations",
                RiskCategory.DATABASE,
                RiskLevel.HIGH,
                "migrations change the live schema on deploy, often irreversibly",
                null)));
  }
}
