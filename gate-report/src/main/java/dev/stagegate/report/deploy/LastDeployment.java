package dev.stagegate.report.deploy;

import dev.stagegate.report.change.DeployedCommit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * dev.stagegate.report.change.GitChangeReader}). It is the base of the change under review.
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

  /** One successful deployment and where it was read. */
  private record Found(
      Instant when, String version, String commit, String environment, String from) {}

  /**
   * The newest successful deployment's commit in the history's formats.
   *
   * @param environment when present, only deployments to this environment count
   * @param notes receives one sentence per source that could not be read, or was read in part
   */
  public static Optional<DeployedCommit> find(
      DeploymentHistory history, Optional<String> environment, List<String> notes) {
    List<Found> found = new ArrayList<>();
    jsonLog(history.jsonLog(), environment, notes).ifPresent(found::add);
    history.textLog().flatMap(t -> textLog(t.file(), environment, notes)).ifPresent(found::add);
    history.table().flatMap(t -> table(t, environment, notes)).ifPresent(found::add);
    Found newest = null;
    for (Found f : found) {
      // strictly newer only: on a tie the earlier source (JSON Lines, full id) stays
      if (newest == null || f.when().isAfter(newest.when())) {
        newest = f;
      }
    }
    if (newest == null) {
      return Optional.empty();
    }
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

  private static boolean counts(Outcome outcome, String env, Optional<String> environment) {
    return outcome == Outcome.SUCCESS && environment.map(env::equals).orElse(true);
  }

  private static Optional<Found> jsonLog(
      DeploymentLog log, Optional<String> environment, List<String> notes) {
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
    Found newest = null;
    for (DeploymentEntry e : read.entries()) {
      if (counts(e.outcome(), e.environment(), environment)
          && (newest == null || !e.when().isBefore(newest.when()))) {
        newest =
            new Found(e.when(), e.version(), e.commit(), e.environment(), log.file().toString());
      }
    }
    return Optional.ofNullable(newest);
  }

  private static Optional<Found> textLog(
      Path file, Optional<String> environment, List<String> notes) {
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
    Found newest = null;
    for (SeedTextBlocks.Block b : blocks) {
      if (counts(b.outcome(), b.environment(), environment)
          && (newest == null || !b.when().isBefore(newest.when()))) {
        newest = new Found(b.when(), b.version(), b.commit(), b.environment(), file.toString());
      }
    }
    return Optional.ofNullable(newest);
  }

  private static Optional<Found> table(
      DeploymentHistoryTable table, Optional<String> environment, List<String> notes) {
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
      if (counts(e.outcome(), e.environment(), environment)) {
        return Optional.of(
            new Found(
                e.when(), e.version(), e.commit(), e.environment(), "table " + table.table()));
      }
    }
    return Optional.empty();
  }
}
