package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.RollbackRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The audit's rollback command, run by bash as the drill runs it, against the real engine: a tag
 * that still names the recorded image lets compose start; a tag that moved stops the command with a
 * message before anything starts. Compose is replaced by {@code echo} so that nothing runs; the
 * image checked is the base image every test stack builds from, only inspected.
 */
class RollbackCommandIT {
  private static final String IMAGE = "stagegate/busybox-base:1";

  @TempDir Path dir;

  private record Ran(int exitCode, String stdout, String stderr) {}

  private Ran run(RollbackRepo.Repo repo, String expectedId) throws Exception {
    String command =
        RollbackCommand.render(
            "v1.0.0",
            repo.previous(),
            "deploy",
            "echo COMPOSE",
            "docker-compose.yml",
            List.of(new RollbackImage("api", IMAGE, Optional.of(expectedId), "")),
            "agents-production",
            List.of(),
            dir.resolve("out").toString(),
            List.of(),
            "the last deployment to production at 2026-12-07 10:14 UTC (version 1.0.0, commit"
                + " 1234567), from deployments.jsonl");
    Process p =
        new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + command)
            .directory(repo.root().toFile())
            .start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ended").isTrue();
    return new Ran(p.exitValue(), read(p.getInputStream()), read(p.getErrorStream()));
  }

  private static String read(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String idOf(String image) {
    return DockerClientFactory.instance().client().inspectImageCmd(image).exec().getId();
  }

  @Test
  void aTagThatStillNamesTheRecordedImageLetsComposeStart() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    Ran ran = run(repo, idOf(IMAGE));
    assertThat(ran.exitCode()).as(ran.stderr()).isZero();
    assertThat(ran.stdout())
        .isEqualTo(
            "COMPOSE -p agents-production -f docker-compose.yml -f rollback-images.yml up -d"
                + " --no-build --remove-orphans\n");
    assertThat(ran.stderr()).doesNotContain("ROLLBACK STOPPED");
    assertThat(dir.resolve("out/deploy/rollback-images.yml"))
        .content()
        .isEqualTo("services:\n  api:\n    image: " + IMAGE + "\n");
  }

  @Test
  void aTagThatMovedStopsTheCommandLoudlyBeforeComposeStarts() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    String recorded = "sha256:" + "5e".repeat(32);
    Ran ran = run(repo, recorded);
    assertThat(ran.exitCode()).isNotZero();
    assertThat(ran.stdout()).doesNotContain("COMPOSE");
    assertThat(ran.stderr())
        .contains(
            "ROLLBACK STOPPED: "
                + IMAGE
                + " is not "
                + recorded
                + ", the image the deployment ran; find that image (docker image ls --digests)"
                + " and tag it, or roll back by hand");
  }

  @Test
  void aTagThatIsGoneStopsTheCommandToo() throws Exception {
    RollbackRepo.Repo repo = RollbackRepo.create(dir.resolve("repo"), RollbackRepo.Target.GOOD);
    String command =
        RollbackCommand.check("stagegate-no-such/api:" + repo.previous(), idOf(IMAGE))
            + " &&\necho COMPOSE";
    Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + command).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = read(p.getInputStream());
    String err = read(p.getErrorStream());
    assertThat(p.exitValue()).isNotZero();
    assertThat(out).doesNotContain("COMPOSE");
    assertThat(err).contains("No such image").contains("ROLLBACK STOPPED: stagegate-no-such/api:");
  }
}
