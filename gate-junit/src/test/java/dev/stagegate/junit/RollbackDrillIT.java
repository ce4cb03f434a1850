package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.RollbackGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.deploy.DeploymentEntry;
import dev.stagegate.report.deploy.DeploymentLog;
import dev.stagegate.report.deploy.Outcome;
import dev.stagegate.report.json.AuditJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.DockerClientFactory;

/**
 * {@code @RollbackDrill} against a real engine, over a throwaway repository ({@link RollbackRepo}):
 * v1.0.0 and a changed HEAD of the {@code rollback} fixture stack. Each case checks that nothing of
 * the drill is left behind.
 */
class RollbackDrillIT {
  @TempDir Path dir;

  private Path reports() {
    return dir.resolve("reports");
  }

  private Events drill(RollbackRepo.Repo repo) {
    return GateKit.run(
        RollbackGate.class,
        reports(),
        Map.of("stagegate.rollback.compose", repo.compose().toString()));
  }

  @AfterEach
  void nothingLeftBehind() {
    OwnLeftovers.assertNone();
    // OwnLeftovers looks for the pid label, which images do not carry (their owner is packed
    // into dev.stagegate=run/host/pid); a drill builds each image twice, so check them here
    String pid = "/" + ProcessHandle.current().pid();
    assertThat(
            DockerClientFactory.instance()
                .client()
                .listImagesCmd()
                .withShowAll(true)
                .withLabelFilter("dev.stagegate")
                .exec()
                .stream()
                .filter(i -> i.getLabels().getOrDefault("dev.stagegate", "").endsWith(pid))
                .map(i -> i.getId())
                .toList())
        .as("images this JVM's drills left behind")
        .isEmpty();
  }

  @Test
  void aGoodDrillWithBuildLabelsOnTheClassicBuilderIsTornDownWithoutA409() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    List<String> danglingBefore = ComposeLayoutsIT.dangling();
    String out =
        FixtureJvm.runToEnd(
            RollbackGate.class,
            reports(),
            Path.of("").toAbsolutePath(),
            Map.of("DOCKER_BUILDKIT", "0"),
            "stagegate.rollback.compose=" + repo.compose());
    assertThat(out).contains("SUCCEEDED 1").doesNotContain("FAILURE");
    assertThat(Files.readString(reports().resolve("stability_audit.md")))
        .doesNotContain("dependent child images")
        .doesNotContain("Could not remove image");
    assertThat(ComposeLayoutsIT.dangling()).containsExactlyInAnyOrderElementsOf(danglingBefore);
  }

  @Test
  void aGoodDrillPassesAndTheAuditHoldsTheProvenCommand() throws Exception {
    RollbackRepo.Repo repo =
        RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD, true);
    long t0 = System.nanoTime();
    Events events = drill(repo);
    took("good drill", t0);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));

    GateResult g = onlyGate();
    assertThat(g.kind()).isEqualTo(GateKind.ROLLBACK_DRILL);
    assertThat(g.verdict()).isEqualTo(Verdict.PASS);
    String rollback = "rollback to v1.0.0 (" + repo.previous().substring(0, 7) + ")";
    assertThat(g.checks())
        .extracting(CheckResult::name)
        .containsExactly(
            "export current",
            "export previous",
            "migrations since previous",
            "previous images",
            "current up",
            "marker after current up",
            rollback,
            "marker after rollback",
            "return to current",
            "marker after return to current",
            "gate method");
    assertThat(g.checks())
        .filteredOn(c -> !c.name().equals("migrations since previous"))
        .allMatch(c -> c.status() == CheckStatus.PASS, "every other check passed");
    // the migration is not judged: a person decides on the database
    CheckResult migrations = g.checks().get(2);
    assertThat(migrations.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(migrations.detail())
        .isEqualTo(
            "not judged: 1 migration file(s) changed ("
                + RollbackRepo.MIGRATION
                + "); the rollback command rolls back the images only, a database rollback needs"
                + " a person");
    assertThat(g.checks().get(7).rawOutput())
        .contains("\"version\": \"1.0.0\"")
        .contains(repo.previous())
        .contains("\"environment\": \"drill\"");
    assertThat(g.checks().get(9).rawOutput()).contains(repo.head());
    // the drill ran the rollback command itself (no build), under its own names
    assertThat(g.checks().get(6).detail())
        .contains("after the rollback command started (no build)");
    assertThat(g.checks().get(6).rawOutput())
        .contains("$ cat > rollback-images.yml <<'IMAGES'")
        .contains("image: stagegate-" + g.project() + "-previous/api:" + repo.previous())
        .contains(" up -d --no-build --remove-orphans")
        .doesNotContain("build --no-cache");
    assertThat(g.checks().get(8).detail()).contains("after up -d (no build)");

    RollbackEvidence r = g.rollback();
    assertThat(r.proven()).isTrue();
    assertThat(r.previousRef()).isEqualTo("v1.0.0");
    assertThat(r.previousCommit()).isEqualTo(repo.previous());
    assertThat(r.currentCommit()).isEqualTo(repo.head());
    assertThat(r.markerVersion()).isEqualTo("1.0.0");
    assertThat(r.rollbackHealthyAfter()).isPositive();
    assertThat(r.project()).isEqualTo(g.project());
    // the audit's command: the deployed project (compose's name for deploy/), the kept tags
    assertThat(r.command())
        .startsWith(
            "# ⚠️ DATABASE: the change since "
                + repo.previous().substring(0, 7)
                + " touches migrations ("
                + RollbackRepo.MIGRATION
                + ").\n# This rolls back the images only, NOT the database schema: a person must"
                + " decide")
        .contains("git archive " + repo.previous() + " deploy | tar -x -C /tmp/rollback-")
        .contains("services:\n  api:\n    image: deploy/api:" + repo.previous() + "\nIMAGES\n")
        .endsWith(
            "docker compose -p deploy -f docker-compose.yml -f rollback-images.yml up -d"
                + " --no-build --remove-orphans")
        .doesNotContain("build --no-cache")
        .doesNotContain("docker image inspect")
        .doesNotContain(g.project());
    // no deployment recorded: the audit says so, and where it looked
    assertThat(r.target())
        .isEqualTo(
            "no deployment recorded to drill in "
                + reports().resolve("deployments.jsonl")
                + ", "
                + reports().resolve("deployments.log")
                + ": rolling back to the previous commit's kept images by tag name (v1.0.0, the"
                + " newest tag below HEAD)");
    assertThat(r.command()).contains("\n# target: " + r.target() + "\n");
    String md = Files.readString(reports().resolve("stability_audit.md"));
    assertThat(md).contains("proven by the rollback drill on").contains("marker showed `1.0.0`");
    assertThat(repo.compose().resolveSibling(RollbackRepo.MARKER_FILE))
        .as("the working tree gets no marker")
        .doesNotExist();
  }

  @Test
  void aRecordedDeploymentSuppliesTheTargetAndTheDrillRunsTheCheckedCommand() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    // what the history says runs in "drill": v1.0.0's api, by tag and ID; a later failed
    // deployment and a deployment of HEAD itself are not the way back
    String recordedId = "sha256:" + "5e".repeat(32);
    String recordedTag = "deploy/api:" + repo.previous();
    DeploymentLog log = DeploymentLog.at(reports().resolve("deployments.jsonl"));
    Instant t0 = Instant.parse("2026-12-07T10:14:00Z");
    log.append(recorded(t0, repo.previous(), Outcome.SUCCESS, recordedId, recordedTag));
    log.append(recorded(t0.plusSeconds(60), repo.previous(), Outcome.FAILED, recordedId, ""));
    log.append(recorded(t0.plusSeconds(120), repo.head(), Outcome.SUCCESS, recordedId, ""));
    long started = System.nanoTime();
    Events events = drill(repo);
    took("drill to a recorded deployment", started);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));

    GateResult g = onlyGate();
    RollbackEvidence r = g.rollback();
    assertThat(r.proven()).isTrue();
    assertThat(r.previousCommit()).isEqualTo(repo.previous());
    assertThat(r.previousRef())
        .as("the release's tag names the recorded commit")
        .isEqualTo("v1.0.0");
    String source =
        "the last deployment to drill at 2026-12-07 10:14 UTC (version 1.0.0, commit "
            + repo.previous().substring(0, 7)
            + "), from "
            + log.file()
            + ": the images it ran, by tag, each checked against the recorded ID";
    assertThat(r.target()).isEqualTo(source);
    // the audit's command pins the recorded tag and checks the recorded ID before compose starts
    assertThat(r.command())
        .contains("): the images its last deployment ran, no rebuild\n# target: " + source + "\n")
        .contains("    image: " + recordedTag + "\nIMAGES\n")
        .contains(
            "{ test \"$(docker image inspect -f '{{.Id}}' "
                + recordedTag
                + ")\" = "
                + recordedId
                + " || { echo 'ROLLBACK STOPPED: ")
        .endsWith(
            "&&\ndocker compose -p deploy -f docker-compose.yml -f rollback-images.yml up -d"
                + " --no-build --remove-orphans");
    // the drill ran that command, its own tag checked against the ID of the image it built
    CheckResult back = g.checks().get(6);
    assertThat(back.name())
        .isEqualTo("rollback to v1.0.0 (" + repo.previous().substring(0, 7) + ")");
    assertThat(back.status()).isEqualTo(CheckStatus.PASS);
    String drillTag = "stagegate-" + g.project() + "-previous/api:" + repo.previous();
    assertThat(back.rawOutput())
        .contains("$ # target: " + source)
        .contains("$ { test \"$(docker image inspect -f '{{.Id}}' " + drillTag + ")\" = sha256:")
        .doesNotContain(recordedId);
    // what ran after the command: the check passed (no message) and compose started the api
    String said = back.rawOutput().substring(back.rawOutput().indexOf("--remove-orphans\n") + 17);
    assertThat(said).doesNotContain("ROLLBACK STOPPED").contains("api-1  Started");
    assertThat(Files.readString(reports().resolve("stability_audit.md")))
        .contains("# target: the last deployment to drill at 2026-12-07 10:14 UTC")
        .contains("Where the target came from: the command's `# target:` line.");
  }

  private static DeploymentEntry recorded(
      Instant when, String commit, Outcome outcome, String imageId, String tag) {
    return new DeploymentEntry(
        when,
        "1.0.0",
        commit,
        "drill",
        "alice",
        outcome,
        Duration.ofSeconds(20),
        List.of(),
        null,
        "",
        List.of(new TestedImage("api", imageId, tag)));
  }

  @Test
  void aTargetThatDoesNotComeUpFailsNamingTheStepServiceAndProbeAndReturnsToCurrent()
      throws Exception {
    RollbackRepo.Repo repo =
        RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.UNHEALTHY);
    long t0 = System.nanoTime();
    Throwable failure = GateKit.onlyFailure(drill(repo));
    took("unhealthy target", t0);
    System.out.println("[RollbackDrillIT] " + failure.getMessage());
    String target = "v1.0.0 (" + repo.previous().substring(0, 7) + ")";
    assertThat(failure)
        .hasMessageContaining("The rollback command to " + target + " did not bring it up within")
        .hasMessageContaining("service \"api\" to be healthy but its healthcheck failed")
        .hasMessageContaining("HTTP/1.0 503");
    GateResult g = onlyGate();
    assertThat(g.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(statusOf(g, "rollback to " + target)).isEqualTo(CheckStatus.FAIL);
    assertThat(statusOf(g, "return to current")).isEqualTo(CheckStatus.PASS);
    assertThat(statusOf(g, "marker after return to current")).isEqualTo(CheckStatus.PASS);
    assertThat(g.services())
        .as("evidence from the failed rollback, before the return")
        .singleElement()
        .satisfies(s -> assertThat(s.health()).isEqualTo("unhealthy"));
    assertThat(g.rollback().proven()).isFalse();
    assertThat(g.rollback().rollbackHealthyAfter()).isNull();
    assertThat(Files.readString(reports().resolve("stability_audit.md")))
        .doesNotContain("proven by the rollback drill");
  }

  @Test
  void aTargetWithoutItsMarkerFailsNamingTheMarkerProblem() throws Exception {
    RollbackRepo.Repo repo =
        RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.NO_MARKER);
    long t0 = System.nanoTime();
    Throwable failure = GateKit.onlyFailure(drill(repo));
    took("target without marker", t0);
    System.out.println("[RollbackDrillIT] " + failure.getMessage());
    assertThat(failure)
        .hasMessageContaining(
            "Marker after rollback (rollback target v1.0.0 ("
                + repo.previous().substring(0, 7)
                + ")): no deployment marker at /app/.deployment_marker in service \"api\"");
    GateResult g = onlyGate();
    assertThat(statusOf(g, "marker after rollback")).isEqualTo(CheckStatus.FAIL);
    assertThat(statusOf(g, "return to current")).isEqualTo(CheckStatus.PASS);
    assertThat(g.rollback().proven()).isFalse();
  }

  private static CheckStatus statusOf(GateResult g, String check) {
    return g.checks().stream()
        .filter(c -> c.name().equals(check))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check \"" + check + "\" in " + g.checks()))
        .status();
  }

  private GateResult onlyGate() throws Exception {
    AuditReport report = AuditJson.readReport(reports().resolve("stability_audit.json"));
    assertThat(report.gates()).hasSize(1);
    return report.gates().get(0);
  }

  private static void took(String what, long t0) {
    System.out.printf("[RollbackDrillIT] %s took %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
  }
}
