package dev.stagegate.report;

import java.time.Duration;
import java.util.List;

/** A rollback drill gate for report tests. */
public final class RollbackFixtures {
  public static final String PREVIOUS = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
  public static final String CURRENT = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
  public static final String API_ID =
      "sha256:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
  public static final String TARGET =
      "the last deployment to production at 2024-05-01 11:00 UTC (version 1.0.0, commit 1a2b3c4),"
          + " from /ci/report/deployments.jsonl: the images it ran, by tag, each checked against"
          + " the recorded ID";

  /** The command's shape as {@code RollbackCommand} renders it for a recorded deployment. */
  public static final String COMMAND =
      "# roll project agents-production back to v1.0.0 (1a2b3c4): the images its last deployment"
          + " ran, no rebuild\n"
          + "# target: "
          + TARGET
          + "\nmkdir -p /tmp/rollback-1a2b3c4 && git archive "
          + PREVIOUS
          + " deploy | tar -x -C /tmp/rollback-1a2b3c4\n"
          + "cd /tmp/rollback-1a2b3c4/deploy\n"
          + "cat > rollback-images.yml <<'IMAGES'\n"
          + "services:\n"
          + "  api:\n"
          + "    image: deploy/api:"
          + PREVIOUS
          + "\nIMAGES\n"
          + "# every tag must still be the image the deployment ran; otherwise nothing is started\n"
          + "{ test \"$(docker image inspect -f '{{.Id}}' deploy/api:"
          + PREVIOUS
          + ")\" = "
          + API_ID
          + " || { echo 'ROLLBACK STOPPED: deploy/api:"
          + PREVIOUS
          + " is not "
          + API_ID
          + ", the image the deployment ran; find that image (docker image ls --digests) and tag"
          + " it, or roll back by hand' >&2; false; }; } &&\n"
          + "docker compose -p agents-production -f docker-compose.yml -f rollback-images.yml up -d"
          + " --no-build --remove-orphans";

  private RollbackFixtures() {}

  public static RollbackEvidence evidence(boolean proven) {
    return new RollbackEvidence(
        "v1.0.0",
        PREVIOUS,
        "1.0.0",
        CURRENT,
        "sgdrill1",
        COMMAND,
        proven,
        AuditFixtures.T0,
        proven ? Duration.ofMillis(7_400) : null,
        proven ? "1.0.0" : null,
        TARGET);
  }

  public static GateResult drill(boolean passed) {
    return GateResult.builder("shop.RollbackIT#drill", GateKind.ROLLBACK_DRILL)
        .displayName("rollback drill")
        .verdict(passed ? Verdict.PASS : Verdict.FAIL)
        .startedAt(AuditFixtures.T0)
        .duration(Duration.ofSeconds(31))
        .composeFile("deploy/docker-compose.yml")
        .project("sgdrill1")
        .engine(AuditFixtures.engine())
        .checks(
            List.of(
                CheckResult.pass("current up", "HEAD 9f8e7d6 healthy in 5.1 s", ""),
                passed
                    ? CheckResult.pass("rollback to v1.0.0 (1a2b3c4)", "healthy in 7.4 s", "")
                    : CheckResult.fail("rollback to v1.0.0 (1a2b3c4)", "api unhealthy", "")))
        .services(List.of())
        .failures(passed ? List.of() : List.of("Rollback target v1.0.0 (1a2b3c4) did not come up"))
        .rollback(evidence(passed))
        .build();
  }
}
