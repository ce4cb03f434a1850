package dev.stagegate.report.deploy;

import dev.stagegate.deploy.change.DeployedCommit;
import dev.stagegate.report.change.CommitIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the commit that runs now: the newest successful deployment in every configured history
 * format of a {@link DeploymentHistory} — the JSON Lines log, the seed's text log and the table
 * (the release tag is found in the repository itself by {@link
 * dev.stagegate.deploy.change.GitChangeReader}). It is the base of the change under review.
 *
 * <p>Only {@link Outcome#SUCCESS} counts: a failed or rolled-back deployment is not what runs. When
 * several formats hold deployments, the newest wins; on a tie the JSON Lines log, which keeps the
 * full commit id. Nothing here fails the gate: an unreadable log or a database that does not answer
 * becomes a note, and the next candidate is used.
 *
 * <pre>{@code
 * List<String> notes = new ArrayList<>();
 * Optional<DeployedCommit> deployed = LastDeployment.find(history, Optional.of("production"), notes);
 * ChangeSummary change =
 *     new GitChangeReader().read(Path.of("."), new BaseCandidates(deployed, base, notes));
 * }</pre>
 */
public final class LastDeployment {
  /** Rows read from the table: the newest successful one is nearly always among them. */
  static final int TABLE_ROWS = 50;

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private LastDeployment() {}

  /**
   * The newest successful deployment's commit in the history's formats.
   *
   * @param environment when present, only deployments to this environment count
   * @param notes receives one sentence per source that could not be read, or was read in part
   */
  public static Optional<DeployedCommit> find(
      DeploymentHistory history, Optional<String> environment, List<String> notes) {
    Optional<DeployedRelease> found = latest(history, environment, Optional.empty(), notes);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DeployedRelease newest = found.get();
    return Optional.of(
        new DeployedCommit(
            newest.commit(),
            newest.version()
                + " to "
                + newest.environment()
                + " at "
                + SHOWN.format(newest.when())
                + ", from "
                + newest.from()));
  }

  /**
   * The newest successful deployment in the history's formats, with the images it ran when the
   * source records them (the JSON Lines log does): what a rollback brings back.
   *
   * @param environment when present, only deployments to this environment count
   * @param notCommit when present, deployments of this commit (full or abbreviated) do not count: a
   *     rollback from HEAD to HEAD changes nothing, so the way back is the deployment before it
   * @param notes receives one sentence per source that could not be read, or was read in part
   */
  public static Optional<DeployedRelease> latest(
      DeploymentHistory history,
      Optional<String> environment,
      Optional<String> notCommit,
      List<String> notes) {
    Filter filter = new Filter(environment, notCommit);
    List<DeployedRelease> found = new ArrayList<>();
    jsonLog(history.jsonLog(), filter, notes).ifPresent(found::add);
    history.textLog().flatMap(t -> textLog(t.file(), filter, notes)).ifPresent(found::add);
    history.table().flatMap(t -> table(t, filter, notes)).ifPresent(found::add);
    DeployedRelease newest = null;
    for (DeployedRelease f : found) {
      // strictly newer only: on a tie the earlier source (JSON Lines, full id, images) stays
      if (newest == null || f.when().isAfter(newest.when())) {
        newest = f;
      }
    }
    return Optional.ofNullable(newest);
  }

  /** Which deployments count: successful, of the environment, not of the excluded commit. */
  private record Filter(Optional<String> environment, Optional<String> notCommit) {
    boolean counts(Outcome outcome, String env, String commit) {
      return outcome == Outcome.SUCCESS
          && environment.map(env::equals).orElse(true)
          && notCommit.map(c -> !CommitIds.samePrefix(c, commit)).orElse(true);
    }
  }

  private static Optional<DeployedRelease> jsonLog(
      DeploymentLog log, Filter filter, List<String> notes) {
    DeploymentLogContents read;
    try {
      read = log.readAll();
    } catch (UncheckedIOException e) {
      notes.add(
          "the deployment log "
              + log.file()
              + " could not be read ("
              + e.getCause().getMessage()
              + "); it was not used for the base");
      return Optional.empty();
    }
    if (!read.skipped().isEmpty()) {
      notes.add(
          "the deployment log "
              + log.file()
              + " has "
              + read.skipped().size()
              + (read.skipped().size() == 1 ? " line" : " lines")
              + " that are not deployments ("
              + read.skipped().get(0)
              + "); the base is the newest of the others");
    }
    DeployedRelease newest = null;
    for (DeploymentEntry e : read.entries()) {
      if (filter.counts(e.outcome(), e.environment(), e.commit())
          && (newest == null || !e.when().isBefore(newest.when()))) {
        newest =
            new DeployedRelease(
                e.when(),
                e.version(),
                e.commit(),
                e.environment(),
                e.images(),
                log.file().toString());
      }
    }
    return Optional.ofNullable(newest);
  }

  private static Optional<DeployedRelease> textLog(Path file, Filter filter, List<String> notes) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<SeedTextBlocks.Block> blocks;
    try {
      blocks = SeedTextBlocks.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      notes.add(
          "the deployment text log "
              + file
              + " could not be read ("
              + e.getMessage()
              + "); it was not used for the base");
      return Optional.empty();
    }
    DeployedRelease newest = null;
    for (SeedTextBlocks.Block b : blocks) {
      if (filter.counts(b.outcome(), b.environment(), b.commit())
          && (newest == null || !b.when().isBefore(newest.when()))) {
        newest =
            new DeployedRelease(
                b.when(), b.version(), b.commit(), b.environment(), List.of(), file.toString());
      }
    }
    return Optional.ofNullable(newest);
  }

  private static Optional<DeployedRelease> table(
      DeploymentHistoryTable table, Filter filter, List<String> notes) {
    List<DeploymentEntry> rows;
    try {
      rows = table.recent(TABLE_ROWS);
    } catch (RuntimeException e) {
      notes.add(
          "the history table "
              + table.table()
              + " could not be read ("
              + e.getMessage()
              + "); it was not used for the base");
      return Optional.empty();
    }
    for (DeploymentEntry e : rows) { // newest first
      if (filter.counts(e.outcome(), e.environment(), e.commit())) {
        return Optional.of(
            new DeployedRelease(
                e.when(),
                e.version(),
                e.commit(),
                e.environment(),
                List.of(),
                "table " + table.table()));
      }
    }
    return Optional.empty();
  }
}
