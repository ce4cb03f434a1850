package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.RollbackGate;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.RollbackEvidence;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.json.AuditJson;
import java.nio.file.Files;
import java.nio.file.Path;
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
        .doesNotContain(g.project());
    String md = Files.readString(reports().resolve("stability_audit.md"));
    assertThat(md).contains("proven by the rollback drill on").contains("marker showed `1.0.0`");
    assertThat(repo.compose().resolveSibling(RollbackRepo.MARKER_FILE))
        .as("the working tree gets no marker")
        .doesNotExist();
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
