package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.deploy.change.BaseCandidates;
import dev.stagegate.deploy.change.DeployedCommit;
import dev.stagegate.deploy.change.GitChangeReader;
import dev.stagegate.deploy.change.TestRepo;
import dev.stagegate.report.change.BaseSource;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change base in its order of precedence — last deployment (JSON Lines, text log, table), last
 * release tag, {@code stagegate.git.base}, none — on real repositories built with JGit.
 */
class ChangeBaseFromHistoryTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path tmp;
  private TestRepo git;

  /** A repository: v1.0.0 tagged on the first commit, deployed second, two commits on top. */
  private record Repo(RevCommit tagged, RevCommit deployed, RevCommit head) {}

  @BeforeEach
  void initRepository() throws Exception {
    git = TestRepo.init(tmp.resolve("repo"));
  }

  @AfterEach
  void closeRepository() {
    if (git != null) {
      git.close();
    }
  }

  private Repo repo() throws Exception {
    RevCommit tagged = git.commit("app/main.py", "app = 1\n", "First release");
    git.tag("v1.0.0");
    RevCommit deployed = git.commit("app/core/database.py", "pool_size=5\n", "Engine");
    git.commit("app/models/user.py", "class User: pass\n", "User model");
    RevCommit head = git.commit("README.md", "docs\n", "Docs");
    return new Repo(tagged, deployed, head);
  }

  private static DeploymentEntry entry(
      Instant when, String version, String commit, String environment, Outcome outcome) {
    return DeploymentEntries.bare(when, version, commit, environment, outcome, List.of());
  }

  private DeploymentHistory history() {
    return history(Map.of());
  }

  private DeploymentHistory history(Map<String, String> config) {
    return DeploymentHistory.fromConfig(
        key -> Optional.ofNullable(config.get(key)), Map.of(), tmp.resolve("reports"));
  }

  private ChangeSummary read(
      DeploymentHistory history, Optional<String> environment, Optional<String> key)
      throws Exception {
    List<String> notes = new ArrayList<>();
    Optional<DeployedCommit> deployed = LastDeployment.find(history, environment, notes);
    return new GitChangeReader().read(git.dir(), new BaseCandidates(deployed, key, notes));
  }

  @Test
  void theLastSuccessfulDeploymentInTheJsonLogIsTheBase() throws Exception {
    Repo r = repo();
    DeploymentHistory history = history();
    history.jsonLog().append(entry(T0, "1.0.0", r.tagged().name(), "production", Outcome.SUCCESS));
    history
        .jsonLog()
        .append(
            entry(T0.plusSeconds(60), "1.1.0", r.deployed().name(), "production", Outcome.SUCCESS));
    // a later failed and a later rolled-back deployment are not what runs
    history
        .jsonLog()
        .append(entry(T0.plusSeconds(120), "1.2.0", r.head().name(), "production", Outcome.FAILED));
    history
        .jsonLog()
        .append(
            entry(
                T0.plusSeconds(180), "1.2.1", r.head().name(), "production", Outcome.ROLLED_BACK));

    ChangeSummary change = read(history, Optional.empty(), Optional.empty());

    assertThat(change.baseSource()).isEqualTo(BaseSource.DEPLOYMENT);
    assertThat(change.baseCommit()).isEqualTo(r.deployed().name());
    assertThat(change.baseRef()).isEqualTo(r.deployed().name());
    assertThat(change.baseChoice())
        .isEqualTo(
            "last deployment: 1.1.0 to production at 2026-12-01 10:01:00 UTC, from "
                + history.jsonLog().file());
    assertThat(change.files())
        .extracting(ChangedFile::path)
        .containsExactly("README.md", "app/models/user.py");
    assertThat(change.notes()).isEmpty();
  }

  @Test
  void theSeedTextLogIsReadWithItsShortCommitId() throws Exception {
    Repo r = repo();
    // JSON Lines log off (pointed at a file that is not there): only the text log has it
    DeploymentHistory history =
        history(Map.of(DeploymentHistory.JSON_LOG, tmp.resolve("none.jsonl").toString()));
    history
        .textLog()
        .orElseThrow()
        .append(entry(T0, "1.1.0", r.deployed().name(), "production", Outcome.SUCCESS));
    assertThat(Files.readString(history.textLog().orElseThrow().file()))
        .contains("Commit: " + r.deployed().name().substring(0, 7) + "\n");

    ChangeSummary change = read(history, Optional.empty(), Optional.empty());

    assertThat(change.baseSource()).isEqualTo(BaseSource.DEPLOYMENT);
    assertThat(change.baseCommit()).isEqualTo(r.deployed().name());
    assertThat(change.baseRef()).isEqualTo(r.deployed().name().substring(0, 7));
    assertThat(change.baseChoice()).endsWith("from " + history.textLog().orElseThrow().file());
  }

  @Test
  void theTableIsReadAndTheNewestOfAllFormatsWins() throws Exception {
    Repo r = repo();
    Map<String, String> config = new HashMap<>();
    config.put(
        DeploymentHistory.JDBC_URL, "jdbc:h2:mem:base_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.put(DeploymentHistory.JDBC_USER, "sa");
    DeploymentHistory history = history(config);
    history.jsonLog().append(entry(T0, "1.0.0", r.tagged().name(), "production", Outcome.SUCCESS));
    history
        .table()
        .orElseThrow()
        .record(
            entry(T0.plusSeconds(60), "1.1.0", r.deployed().name(), "production", Outcome.SUCCESS));

    ChangeSummary change = read(history, Optional.empty(), Optional.empty());

    assertThat(change.baseCommit()).isEqualTo(r.deployed().name());
    assertThat(change.baseChoice()).endsWith("from table deployment_history");
  }

  @Test
  void onlyTheConfiguredEnvironmentCounts() throws Exception {
    Repo r = repo();
    DeploymentHistory history = history();
    history.jsonLog().append(entry(T0, "1.0.0", r.tagged().name(), "production", Outcome.SUCCESS));
    history
        .jsonLog()
        .append(
            entry(T0.plusSeconds(60), "1.1.0", r.deployed().name(), "staging", Outcome.SUCCESS));

    ChangeSummary change = read(history, Optional.of("production"), Optional.empty());

    assertThat(change.baseCommit()).isEqualTo(r.tagged().name());
    assertThat(change.baseChoice()).startsWith("last deployment: 1.0.0 to production");
  }

  @Test
  void aDeploymentComesBeforeTheTagAndTheKeyAndTheUnusedKeyIsNamed() throws Exception {
    Repo r = repo();
    DeploymentHistory history = history();
    history
        .jsonLog()
        .append(entry(T0, "1.1.0", r.deployed().name(), "production", Outcome.SUCCESS));

    ChangeSummary change = read(history, Optional.empty(), Optional.of("v1.0.0"));

    assertThat(change.baseCommit()).isEqualTo(r.deployed().name());
    assertThat(change.notes())
        .containsExactly(
            "stagegate.git.base = 'v1.0.0' is not used: the last deployment comes first");
  }

  @Test
  void aDeployedCommitMissingFromTheRepositoryFallsBackToTheReleaseTagAndSaysSo() throws Exception {
    Repo r = repo();
    DeploymentHistory history = history();
    String missing = "0123456789abcdef0123456789abcdef01234567";
    history.jsonLog().append(entry(T0, "0.9.0", missing, "production", Outcome.SUCCESS));
    Files.writeString(
        history.jsonLog().file(), "{\"half\":", java.nio.file.StandardOpenOption.APPEND);

    ChangeSummary change = read(history, Optional.empty(), Optional.empty());

    assertThat(change.baseSource()).isEqualTo(BaseSource.RELEASE_TAG);
    assertThat(change.baseRef()).isEqualTo("v1.0.0");
    assertThat(change.baseCommit()).isEqualTo(r.tagged().name());
    assertThat(change.notes()).hasSize(2);
    assertThat(change.notes().get(0))
        .startsWith("the deployment log " + history.jsonLog().file() + " has 1 line that");
    assertThat(change.notes().get(1))
        .startsWith("the last deployed commit " + missing + " (0.9.0 to production")
        .endsWith(
            "is not in this repository (a shallow clone? fetch the full history, e.g."
                + " fetch-depth: 0), so it cannot be the base");
  }

  @Test
  void aDeploymentOfHeadMeansNothingChanges() throws Exception {
    Repo r = repo();
    DeploymentHistory history = history();
    history.jsonLog().append(entry(T0, "1.3.0", r.head().name(), "production", Outcome.SUCCESS));

    ChangeSummary change = read(history, Optional.empty(), Optional.empty());

    assertThat(change.baseCommit()).isEqualTo(r.head().name());
    assertThat(change.files()).isEmpty();
    assertThat(change.notes())
        .containsExactly(
            "HEAD is the last deployed commit: nothing changes compared with what runs");
  }

  @Test
  void withoutHistoryTheReleaseTagComesBeforeTheKey() throws Exception {
    Repo r = repo();
    git.tag("nightly-2026-12-01"); // at HEAD, and not a release
    DeploymentHistory history = history();

    ChangeSummary change = read(history, Optional.empty(), Optional.of(r.deployed().name()));

    assertThat(change.baseSource()).isEqualTo(BaseSource.RELEASE_TAG);
    assertThat(change.baseChoice()).isEqualTo("last release tag v1.0.0");
    assertThat(change.notes())
        .containsExactly(
            "stagegate.git.base = '"
                + r.deployed().name()
                + "' is not used: the last release tag comes first");
  }

  @Test
  void withoutHistoryOrReleaseTagTheKeyIsTheBase() throws Exception {
    RevCommit first = git.commit("a.txt", "1\n", "First");
    git.tag("build-17");
    git.commit("b.txt", "2\n", "Second");
    DeploymentHistory history = history();

    ChangeSummary change = read(history, Optional.empty(), Optional.of("build-17"));

    assertThat(change.baseSource()).isEqualTo(BaseSource.CONFIGURED);
    assertThat(change.baseRef()).isEqualTo("build-17");
    assertThat(change.baseCommit()).isEqualTo(first.name());
    assertThat(change.notes()).isEmpty();
  }

  @Test
  void withNothingTheSummarySaysOnlyTheLastCommitWasLookedAt() throws Exception {
    git.commit("a.txt", "1\n", "First");
    git.commit("app/models/user.py", "class User: pass\n", "User model");
    DeploymentHistory history = history();

    ChangeSummary change = read(history, Optional.empty(), Optional.empty());

    assertThat(change.baseSource()).isEqualTo(BaseSource.NONE);
    assertThat(change.baseCommit()).isNull();
    assertThat(change.files()).extracting(ChangedFile::path).containsExactly("app/models/user.py");
    assertThat(change.notes()).containsExactly(ChangeSummary.NO_BASE_NOTE);
    assertThat(ChangeSummary.NO_BASE_NOTE)
        .isEqualTo(
            "no base: only the last commit was looked at; set stagegate.git.base or record"
                + " deployments");
  }

  @Test
  void aMistypedKeyIsAnErrorEvenWhenADeploymentComesFirst() throws Exception {
    Repo r = repo();
    DeploymentHistory history = history();
    history
        .jsonLog()
        .append(entry(T0, "1.1.0", r.deployed().name(), "production", Outcome.SUCCESS));

    assertThatThrownBy(() -> read(history, Optional.empty(), Optional.of("orign/main")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stagegate.git.base = 'orign/main' does not name a commit")
        .hasMessageContaining("set stagegate.git.base to a branch, tag or commit id");
  }
}
