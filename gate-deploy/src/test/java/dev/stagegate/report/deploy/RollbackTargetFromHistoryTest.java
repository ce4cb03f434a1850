package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.TestedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment a rollback goes back to ({@link LastDeployment#latest}): the newest successful one
 * of the environment, not of HEAD, with the images it ran when the source recorded them.
 */
class RollbackTargetFromHistoryTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:14:00Z");
  private static final String OLD = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String PREV = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  private static final String HEAD = "3333333ccccccccccccccccccccccccccccccccc";
  private static final TestedImage API =
      new TestedImage("api", "sha256:" + "ab".repeat(32), "examples/api:" + PREV);

  @TempDir Path tmp;

  private DeploymentHistory history() {
    return DeploymentHistory.fromConfig(key -> Optional.empty(), Map.of(), tmp);
  }

  private static DeploymentEntry entry(
      int minutes, String commit, String environment, Outcome outcome, List<TestedImage> images) {
    return DeploymentEntries.bare(
        T0.plusSeconds(60L * minutes),
        commit.substring(0, 3),
        commit,
        environment,
        outcome,
        images);
  }

  private Optional<DeployedRelease> latest(
      DeploymentHistory history, Optional<String> environment, List<String> notes) {
    return LastDeployment.latest(history, environment, Optional.of(HEAD), notes);
  }

  @Test
  void theLastSuccessfulDeploymentOfTheEnvironmentComesWithTheImagesItRan() {
    DeploymentHistory history = history();
    history.jsonLog().append(entry(0, OLD, "production", Outcome.SUCCESS, List.of()));
    history.jsonLog().append(entry(1, PREV, "production", Outcome.SUCCESS, List.of(API)));
    // later, but not a way back: failed, rolled back, another environment, HEAD itself
    history.jsonLog().append(entry(2, OLD, "production", Outcome.FAILED, List.of()));
    history.jsonLog().append(entry(3, OLD, "production", Outcome.ROLLED_BACK, List.of()));
    history.jsonLog().append(entry(4, OLD, "staging", Outcome.SUCCESS, List.of()));
    history.jsonLog().append(entry(5, HEAD, "production", Outcome.SUCCESS, List.of(API)));
    List<String> notes = new ArrayList<>();

    DeployedRelease found = latest(history, Optional.of("production"), notes).orElseThrow();

    assertThat(found.commit()).isEqualTo(PREV);
    assertThat(found.images()).containsExactly(API);
    assertThat(found.environment()).isEqualTo("production");
    assertThat(found.describe())
        .isEqualTo(
            "the last deployment to production at 2026-12-07 10:15 UTC (version 222, commit"
                + " 2222222), from "
                + history.jsonLog().file());
    assertThat(notes).isEmpty();
    // without an environment, staging's later deployment is the newest
    assertThat(latest(history, Optional.empty(), notes).orElseThrow().environment())
        .isEqualTo("staging");
  }

  @Test
  void anOlderEntryWithoutImagesIsStillTheTargetWithNoImages() {
    DeploymentHistory history = history();
    history.jsonLog().append(entry(0, OLD, "production", Outcome.SUCCESS, List.of(API)));
    history.jsonLog().append(entry(1, PREV, "production", Outcome.SUCCESS, List.of()));

    DeployedRelease found =
        latest(history, Optional.of("production"), new ArrayList<>()).orElseThrow();

    assertThat(found.commit()).isEqualTo(PREV);
    assertThat(found.images()).isEmpty();
  }

  @Test
  void theSeedTextLogGivesItsShortCommitAndNoImagesTheJsonLogWinsATie() {
    DeploymentHistory history = history();
    DeploymentEntry withImages = entry(1, PREV, "production", Outcome.SUCCESS, List.of(API));
    history.jsonLog().append(withImages);
    history.textLog().orElseThrow().append(withImages);

    assertThat(latest(history, Optional.of("production"), new ArrayList<>()).orElseThrow())
        .satisfies(r -> assertThat(r.images()).containsExactly(API))
        .satisfies(r -> assertThat(r.from()).isEqualTo(history.jsonLog().file().toString()));

    history.textLog().orElseThrow().append(entry(2, OLD, "production", Outcome.SUCCESS, List.of()));
    DeployedRelease fromText =
        latest(history, Optional.of("production"), new ArrayList<>()).orElseThrow();
    assertThat(fromText.commit()).isEqualTo(OLD.substring(0, 7));
    assertThat(fromText.images()).isEmpty();
    assertThat(fromText.from()).isEqualTo(history.textLog().orElseThrow().file().toString());
  }

  @Test
  void noHistoryOrOnlyFailedDeploymentsOrOnlyHeadGiveNothing() {
    DeploymentHistory history = history();
    assertThat(latest(history, Optional.of("production"), new ArrayList<>())).isEmpty();

    history.jsonLog().append(entry(0, PREV, "production", Outcome.FAILED, List.of(API)));
    history.jsonLog().append(entry(1, PREV, "production", Outcome.ROLLED_BACK, List.of(API)));
    // the text log abbreviates HEAD: still HEAD
    history
        .textLog()
        .orElseThrow()
        .append(entry(2, HEAD, "production", Outcome.SUCCESS, List.of()));
    List<String> notes = new ArrayList<>();
    assertThat(latest(history, Optional.of("production"), notes)).isEmpty();
    assertThat(notes).isEmpty();
  }
}
