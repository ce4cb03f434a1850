package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.junit.fixtures.PostDeployGoodGate;
import dev.stagegate.junit.fixtures.PostDeployHookFailsGate;
import dev.stagegate.junit.fixtures.PostDeployHookHangsGate;
import dev.stagegate.junit.fixtures.PostDeployNoMarkerGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.approval.ApprovalRecord;
import dev.stagegate.report.approval.AuditDigest;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentLog;
import dev.stagegate.report.deploy.MarkerFactory;
import dev.stagegate.report.deploy.Outcome;
import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @PostDeployWatch} against a stack deployed outside the gate, as a deploy would: the {@code
 * deployed} fixture is brought up once with {@code docker compose up -d} (its api image carrying a
 * marker of HEAD for {@code staging}), and the engine is reached as a "remote" host through socat
 * on loopback, or as {@code ssh://root@127.0.0.1:2222} through the sshd of {@code
 * scripts/sshd-setup.sh}. The restart case runs last: it kills the target's worker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostDeployWatchIT {
  private static final String VERSION = "1.4.0";
  private static Path context;
  private static String project;
  private static Process socat;
  private static int socatPort;
  private static int apiPort;

  @TempDir Path reports;

  @BeforeAll
  static void deployTheTarget() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat"))
            && Files.exists(Path.of("/var/run/docker.sock")),
        "needs socat and a local engine socket");
    context = Files.createTempDirectory("sg-deployed-");
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/stacks/deployed"))) {
      for (Path f : files.toList()) {
        Files.copy(f, context.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    MarkerFactory.fromGit(Path.of(""), VERSION, "staging", "deploy-bot", Clock.systemUTC())
        .writeTo(context.resolve(".deployment_marker"));
    project = "sgdeploytarget" + random(6);
    run(120, "docker", "compose", "-p", project, "up", "-d", "--build");
    awaitHealthy(container("api"), container("worker"));
    String mapping = run(10, "docker", "port", container("api"), "8000").lines().findFirst().get();
    apiPort = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1).trim());
    try (ServerSocket s = new ServerSocket(0)) {
      socatPort = s.getLocalPort();
    }
    socat =
        new ProcessBuilder(
                "socat",
                "TCP-LISTEN:" + socatPort + ",bind=127.0.0.1,reuseaddr,fork",
                "UNIX-CONNECT:/var/run/docker.sock")
            .redirectErrorStream(true)
            .start();
    awaitListening(socatPort);
  }

  @AfterAll
  static void removeTheTarget() throws Exception {
    try {
      if (project != null) {
        run(60, "docker", "compose", "-p", project, "down", "-v", "--rmi", "local");
      }
    } finally {
      if (socat != null) {
        socat.descendants().forEach(ProcessHandle::destroyForcibly);
        socat.destroyForcibly();
      }
      if (context != null) {
        try (Stream<Path> files = Files.walk(context)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  @Order(1)
  void aGoodTargetPassesAndIsLoggedAsSuccess() throws Exception {
    long t0 = System.nanoTime();
    Events events = GateKit.run(PostDeployGoodGate.class, reports, target("PT15S"));
    took("good target", t0);
    assertThat(GateKit.failures(events)).isEmpty(); // says why, where the statistics would not
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));

    GateResult g = onlyGate();
    assertThat(g.kind()).isEqualTo(GateKind.POST_DEPLOY_WATCH);
    assertThat(g.verdict()).isEqualTo(Verdict.PASS_SHORTENED);
    assertThat(g.verdictText()).isEqualTo("PASS_SHORTENED (15 s of 10 min requested)");
    assertThat(g.project()).isEqualTo(project);
    assertThat(g.checks())
        .extracting(CheckResult::name)
        .contains(
            "deployment marker", "hook health /health", "hook metric system_state_status", "watch");
    assertThat(g.checks()).allMatch(c -> c.status() == CheckStatus.PASS, "every check passed");
    assertThat(g.services())
        .extracting(s -> s.service())
        .containsExactly("api", "migrate", "worker");
    // the migration ran once, before the watch, and exited 0: a one-shot job, not a stopped service
    assertThat(g.services())
        .filteredOn(s -> s.service().equals("migrate"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.oneShot()).isTrue();
              assertThat(m.exitCode()).isZero();
            });
    assertThat(Files.readString(reports.resolve("stability_audit.md"))).contains("shortened");

    DeploymentEntry entry = onlyLogEntry();
    assertThat(entry.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(entry.version()).isEqualTo(VERSION);
    assertThat(entry.commit()).isEqualTo(MarkerFactory.headCommit(Path.of("")));
    assertThat(entry.environment()).isEqualTo("staging");
    assertThat(entry.deployedBy()).isEqualTo("deploy-bot");
    assertThat(entry.hooks())
        .extracting(h -> h.name() + "=" + h.status())
        .containsExactly("health /health=PASS", "metric system_state_status=PASS");
    assertThat(entry.auditSha256()).matches("[0-9a-f]{64}");
    assertThat(entry.auditSha256())
        .as("the deploy record gained its block without touching the JSON the entry names")
        .isEqualTo(AuditDigest.sha256(reports.resolve("stability_audit.json")));

    // long-running services are not jobs, though Compose v2 gives them restart policy "no" too
    assertThat(g.services())
        .filteredOn(s -> !s.service().equals("migrate"))
        .allSatisfy(s -> assertThat(s.oneShot()).as(s.service()).isFalse());

    // the deploy record: the seed's block, as deployments.log has it, and the seed's items
    String record = Files.readString(reports.resolve("stability_audit.md"));
    assertThat(record)
        .contains("## Deployment\n")
        .contains("```text\n" + entry.toSeedText() + "```\n")
        .contains("- Docker host: `tcp://127.0.0.1:" + socatPort + "`")
        .doesNotContain("Compose file: `tcp:");
    assertThat(record)
        .containsPattern(
            "\\| ✅ DONE \\| Migrations applied \\| gate PostDeployGoodGate#\\w+: one-shot migrate exited 0 \\|")
        .containsPattern(
            "\\| ✅ DONE \\| Background workers started \\| [^|]*: api healthy, worker healthy \\|")
        .containsPattern(
            "\\| ✅ DONE \\| Database reachable \\| [^|]*hook health /health answered \"db_ready\": true \\|")
        .containsPattern("\\| ✅ DONE \\| Configuration loaded \\| ")
        .containsPattern("\\| ✋ MANUAL \\| Payment processing works \\| ");
    assertThat(g.checks())
        .filteredOn(c -> c.name().equals("target found"))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("; compose files: ", "docker-compose.yml"));
  }

  @Test
  @Order(2)
  void aGoodTargetPassesOverSsh() throws Exception {
    assumeTrue(SshTestHost.available(), SshTestHost.UNAVAILABLE);
    Set<Path> dirsBefore = SshTestHost.tunnelDirs();
    Map<String, String> config = target("PT5S");
    config.put("stagegate.deploy.docker-host", SshTestHost.URL);
    config.put("stagegate.deploy.ssh.options", SshTestHost.options());
    long t0 = System.nanoTime();
    Events events = GateKit.run(PostDeployGoodGate.class, reports, config);
    took("good target over ssh", t0);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));

    GateResult g = onlyGate();
    assertThat(g.verdictText()).isEqualTo("PASS_SHORTENED (5 s of 10 min requested)");
    assertThat(g.checks())
        .extracting(CheckResult::name)
        .contains("deployment marker", "hook health /health", "watch");
    assertThat(g.checks()).allMatch(c -> c.status() == CheckStatus.PASS, "every check passed");
    assertThat(g.services())
        .extracting(s -> s.service())
        .containsExactly("api", "migrate", "worker");
    assertThat(onlyLogEntry().outcome()).isEqualTo(Outcome.SUCCESS);
    // The watch closed its tunnel: no ssh process and no socket directory remain.
    assertThat(SshTestHost.sshChildren()).as("ssh processes left running").isEmpty();
    Set<Path> left = SshTestHost.tunnelDirs();
    left.removeAll(dirsBefore);
    assertThat(left).as("tunnel socket directories left behind").isEmpty();
  }

  @Test
  @Order(3)
  void aMissingMarkerFails() throws Exception {
    long t0 = System.nanoTime();
    Throwable failure =
        GateKit.onlyFailure(GateKit.run(PostDeployNoMarkerGate.class, reports, target("PT3S")));
    took("missing marker", t0);
    assertThat(failure)
        .hasMessageContaining(
            "no deployment marker at /app/.deployment_marker in service \"worker\"");
    assertThat(onlyLogEntry().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  @Order(4)
  void aStaleCommitFails() throws Exception {
    String other = "0123456789abcdef0123456789abcdef01234567";
    assumeTrue(!other.equals(MarkerFactory.headCommit(Path.of(""))));
    Map<String, String> config = target("PT3S");
    config.put("stagegate.deploy.expected-commit", other);
    long t0 = System.nanoTime();
    Throwable failure = GateKit.onlyFailure(GateKit.run(PostDeployGoodGate.class, reports, config));
    took("stale commit", t0);
    String head = MarkerFactory.headCommit(Path.of("")).substring(0, 7);
    assertThat(failure)
        .hasMessageContaining(
            "marker commit "
                + head
                + " in service \"api\" is not HEAD 0123456: the container runs"
                + " an older build");
    DeploymentEntry entry = onlyLogEntry();
    assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(entry.commit()).startsWith(head);
  }

  @Test
  @Order(5)
  void aFailingHookFailsNamingIt() throws Exception {
    long t0 = System.nanoTime();
    Throwable failure =
        GateKit.onlyFailure(GateKit.run(PostDeployHookFailsGate.class, reports, target("PT3S")));
    took("failing hook", t0);
    assertThat(failure)
        .hasMessageContaining("hook \"db-pool\" failed: the db pool has 0 idle connections")
        .hasMessageNotContaining("hook \"health /health\"");
    assertThat(onlyLogEntry().hooks())
        .extracting(h -> h.name() + "=" + h.status())
        .containsExactly("health /health=PASS", "db-pool=FAIL");
  }

  @Test
  @Order(6)
  void aHangingHookTimesOutAndTheOthersStillReport() throws Exception {
    Map<String, String> config = target("PT3S");
    config.put("stagegate.deploy.hook.timeout", "PT2S");
    long t0 = System.nanoTime();
    Throwable failure =
        GateKit.onlyFailure(GateKit.run(PostDeployHookHangsGate.class, reports, config));
    took("hanging hook", t0);
    assertThat(failure).hasMessageContaining("hook \"queue-drain\" timed out after 2.0 s");
    assertThat(onlyLogEntry().hooks())
        .extracting(h -> h.name() + "=" + h.status())
        .containsExactly(
            "health /health=PASS", "metric system_state_status=PASS", "queue-drain=TIMEOUT");
  }

  @Test
  @Order(6)
  void theRunningImagesAreTheApprovedOnes() throws Exception {
    Map<String, String> config = target("PT3S");
    config.put("stagegate.approval.audit", approve(Map.of()).toString());
    long t0 = System.nanoTime();
    Events events = GateKit.run(PostDeployGoodGate.class, reports, config);
    took("approved images", t0);
    assertThat(GateKit.failures(events)).isEmpty();
    CheckResult images = check(onlyGate(), "approved images");
    assertThat(images.status()).isEqualTo(CheckStatus.PASS);
    assertThat(images.detail())
        .startsWith("every container runs the image flow-reviewer (commit ")
        .contains("api: " + TestedImage.shortId(imageOf("api")) + " = sgtarget/api:")
        .contains("worker: " + TestedImage.shortId(imageOf("worker")) + " = sgtarget/worker:");
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .contains("| ✅ DONE | Deployed images are the approved ones |");
    // the deployment history keeps what ran, by ID, with the approved tag: a rollback's source
    assertThat(onlyLogEntry().images())
        .filteredOn(i -> !i.service().equals("migrate"))
        .extracting(TestedImage::service, TestedImage::imageId, TestedImage::tag)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", imageOf("api"), "sgtarget/api:1111111"),
            org.assertj.core.groups.Tuple.tuple(
                "worker", imageOf("worker"), "sgtarget/worker:1111111"));
  }

  @Test
  @Order(6)
  void anotherImageThanTheApprovedOneFailsWithBothIds() throws Exception {
    String approvedApi = "sha256:" + "ab12".repeat(16);
    Map<String, String> config = target("PT3S");
    config.put("stagegate.approval.audit", approve(Map.of("api", approvedApi)).toString());
    long t0 = System.nanoTime();
    Throwable failure = GateKit.onlyFailure(GateKit.run(PostDeployGoodGate.class, reports, config));
    took("another image", t0);
    assertThat(failure)
        .hasMessageContaining(
            "Expecting service \"api\" to run the approved image sha256:ab12ab12ab12"
                + " (sgtarget/api:1111111) but container "
                + project
                + "-api-1 runs "
                + TestedImage.shortId(imageOf("api"))
                + " (built ")
        .hasMessageNotContaining("service \"worker\" to run");
    assertThat(check(onlyGate(), "approved images").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(onlyLogEntry().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  @Order(6)
  void withoutAnApprovedAuditTheImagesAreNotJudgedAndSaySo() throws Exception {
    GateKit.run(PostDeployGoodGate.class, reports, target("PT2S"));
    assertThat(onlyGate().checks()).extracting(CheckResult::name).doesNotContain("approved images");
    assertThat(Files.readString(reports.resolve("stability_audit.md")))
        .contains(
            "| Deployed images are the approved ones | not compared: give the post-deploy watch"
                + " stagegate.approval.audit |");
  }

  /**
   * An approval of the images the target runs, with {@code override} replacing some IDs, written
   * next to an audit path in the test's directory; returns the audit path.
   */
  private Path approve(Map<String, String> override) throws Exception {
    Path dir = Files.createDirectories(reports.resolve("approved"));
    List<TestedImage> images = new java.util.ArrayList<>();
    for (String service : List.of("api", "worker")) {
      images.add(
          new TestedImage(
              service,
              override.getOrDefault(service, imageOf(service)),
              "sgtarget/" + service + ":1111111"));
    }
    Path audit = dir.resolve("stability_audit.md");
    new ApprovalRecord(
            "flow-reviewer",
            java.time.Instant.now(),
            "1111111",
            "stability_audit.md",
            "0".repeat(64),
            "0".repeat(64),
            Verdict.PASS,
            "",
            "",
            images)
        .writeTo(ApprovalRecord.defaultPath(audit));
    return audit;
  }

  private static String imageOf(String service) throws Exception {
    return run(10, "docker", "inspect", "-f", "{{.Image}}", container(service)).strip();
  }

  private static CheckResult check(GateResult gate, String name) {
    return gate.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  @Order(7)
  void aRestartDuringTheWatchFailsFastNamingTheService() throws Exception {
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
    try {
      // The watch starts after the marker and hooks (~1 s); kill a few seconds into it. The worker
      // processes are killed from inside (all but init): the engine treats `docker kill` as a
      // manual stop and does not restart the container, while a crash is restarted by `always`.
      killer.schedule(
          () -> run(30, "docker", "exec", container("worker"), "sh", "-c", "kill -9 -1"),
          5,
          TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      Throwable failure =
          GateKit.onlyFailure(GateKit.run(PostDeployGoodGate.class, reports, target("PT60S")));
      long seconds = took("restart during the watch", t0);
      assertThat(failure)
          .hasMessageContaining(
              "Expecting service \"worker\" to keep running for the whole post-deploy watch but it"
                  + " died (exit code ");
      assertThat(seconds).as("failed fast, not after the 60 s watch").isLessThan(30);
      assertThat(onlyGate().burnIn().timeline())
          .anyMatch(e -> e.service().equals("worker") && e.action().equals("die"));
      assertThat(onlyLogEntry().outcome()).isEqualTo(Outcome.FAILED);
    } finally {
      killer.shutdownNow();
      awaitHealthy(container("worker")); // restart: always brings it back
    }
  }

  private Map<String, String> target(String duration) {
    Map<String, String> config = new HashMap<>();
    config.put("stagegate.deploy.docker-host", "tcp://127.0.0.1:" + socatPort);
    config.put("stagegate.deploy.project", project);
    config.put("stagegate.deploy.base-url", "http://127.0.0.1:" + apiPort);
    config.put("stagegate.deploy.watch.duration", duration);
    return config;
  }

  private GateResult onlyGate() throws IOException {
    AuditReport audit = AuditJson.readReport(reports.resolve("stability_audit.json"));
    assertThat(audit.gates()).hasSize(1);
    return audit.gates().get(0);
  }

  private DeploymentEntry onlyLogEntry() {
    List<DeploymentEntry> entries =
        DeploymentLog.at(reports.resolve("deployments.jsonl")).readAll().entries();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private static long took(String what, long t0) {
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("[PostDeployWatchIT] " + what + ": " + ms + " ms");
    return ms / 1000;
  }

  /** The target's container of {@code service}, found by compose's labels (never by its name). */
  private static String container(String service) throws Exception {
    String id =
        run(
                10,
                "docker",
                "ps",
                "-aq",
                "--filter",
                "label=com.docker.compose.project=" + project,
                "--filter",
                "label=com.docker.compose.service=" + service)
            .strip();
    if (id.isEmpty() || id.contains("\n")) {
      throw new AssertionError(
          "expected one container of " + service + " in " + project + ": " + id);
    }
    return id;
  }

  private static void awaitHealthy(String... containers) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      String out =
          run(10, concat("docker", "inspect", "-f", "{{.State.Health.Status}}", containers));
      if (out.lines().allMatch("healthy"::equals)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the target did not become healthy: " + out);
      }
      Thread.sleep(250);
    }
  }

  private static void awaitListening(int port) throws Exception {
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("socat did not listen on " + port);
  }

  private static String[] concat(String a, String b, String c, String d, String... rest) {
    String[] all = new String[4 + rest.length];
    all[0] = a;
    all[1] = b;
    all[2] = c;
    all[3] = d;
    System.arraycopy(rest, 0, all, 4, rest.length);
    return all;
  }

  private static String run(int timeoutSeconds, String... command) {
    try {
      Process p =
          new ProcessBuilder(command).directory(context.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", command) + " could not run: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String random(int n) {
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }
}
