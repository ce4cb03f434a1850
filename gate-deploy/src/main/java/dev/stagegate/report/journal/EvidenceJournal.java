package dev.stagegate.report.journal;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A running gate's evidence on disk, rewritten as it comes, so that a killed JVM loses nothing: the
 * next run (or {@link JournalRecovery}) renders it as an INCOMPLETE gate.
 *
 * <p>One folder per run under {@code <report dir>/journal/<run id>/}: {@code owner} (host and pid
 * of the JVM), {@code gate.json} (the latest snapshot, a {@link GateResult} with verdict
 * INCOMPLETE, replaced atomically). A run that finishes deletes its folder.
 *
 * <pre>{@code
 * EvidenceJournal journal = EvidenceJournal.open(reportDir, runId, host, pid);
 * journal.checkpoint(partialResult); // as often as evidence comes
 * journal.finish();                  // the audit proper now holds it
 * }</pre>
 */
public final class EvidenceJournal {
  static final String SNAPSHOT = "gate.json";
  static final String OWNER = "owner";

  private final Path dir;

  private EvidenceJournal(Path dir) {
    this.dir = dir;
  }

  /** Opens (creates) the journal of one run. */
  public static EvidenceJournal open(Path reportDir, String runId, String host, long pid) {
    Path dir = journalRoot(reportDir).resolve(runId);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(OWNER), host + "\n" + pid + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the evidence journal " + dir, e);
    }
    return new EvidenceJournal(dir);
  }

  static Path journalRoot(Path reportDir) {
    return reportDir.resolve("journal");
  }

  /** Replaces the snapshot; a crash mid-write leaves the previous one whole. */
  public synchronized void checkpoint(GateResult partial) {
    try {
      Path temp = Files.createTempFile(dir, SNAPSHOT, ".tmp");
      Files.writeString(temp, AuditJson.write(partial), StandardCharsets.UTF_8);
      try {
        Files.move(
            temp,
            dir.resolve(SNAPSHOT),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, dir.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the evidence journal " + dir, e);
    }
  }

  /** The run finished and its result is in the audit: the journal is no longer needed. */
  public synchronized void finish() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a stale journal is recovered as INCOMPLETE later: better than losing evidence
    }
  }

  /** This run's folder. */
  public Path dir() {
    return dir;
  }
}
