package dev.stagegate.report.journal;

import dev.stagegate.deploy.checklist.DeployFacts;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.json.AuditJsonException;
import dev.stagegate.report.markdown.AuditMarkdown;
import dev.stagegate.report.writer.AuditFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Turns the journals of runs whose JVM died into INCOMPLETE gates, so nothing collected is lost.
 * The JUnit extension does this at the start of every test run; by hand:
 *
 * <pre>
 * java -cp "$(cat gate-deploy.classpath)" dev.stagegate.report.journal.JournalRecovery target/stagegate
 * </pre>
 *
 * which renders {@code stability_audit.md} and {@code .json} in that folder from the journals
 * alone.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class JournalRecovery {
  private JournalRecovery() {}

  /**
   * The gates of dead runs' journals under {@code reportDir}, as INCOMPLETE results; their journals
   * are moved to {@code journal-recovered/} so they are recovered once.
   *
   * @param ownerIsDead given a journal's owner ({@code host} line, {@code pid} line), whether that
   *     JVM is gone
   */
  public static List<GateResult> recover(Path reportDir, Predicate<List<String>> ownerIsDead) {
    Path root = EvidenceJournal.journalRoot(reportDir);
    List<GateResult> recovered = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return recovered;
    }
    try (Stream<Path> runs = Files.list(root)) {
      for (Path run : runs.sorted().toList()) {
        Path owner = run.resolve(EvidenceJournal.OWNER);
        Path snapshot = run.resolve(EvidenceJournal.SNAPSHOT);
        if (!Files.exists(snapshot)
            || (Files.exists(owner) && !ownerIsDead.test(Files.readAllLines(owner)))) {
          continue;
        }
        try {
          recovered.add(incomplete(AuditJson.readGate(snapshot)));
        } catch (AuditJsonException e) {
          continue; // unreadable snapshot: leave it where it is for a person to look at
        }
        Path target = reportDir.resolve("journal-recovered").resolve(run.getFileName());
        Files.createDirectories(target.getParent());
        Files.move(run, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the evidence journals in " + root, e);
    }
    return recovered;
  }

  private static GateResult incomplete(GateResult g) {
    List<String> failures = new ArrayList<>(g.failures());
    failures.add(
        0,
        "The run was cut off (its JVM died) after "
            + Duration.between(g.startedAt(), g.startedAt().plus(g.duration())).toSeconds()
            + " s; this is the evidence journaled until then, last written "
            + g.startedAt().plus(g.duration()));
    return g.toBuilder().verdict(Verdict.INCOMPLETE).failures(failures).build();
  }

  /** Renders the audit in DIR from its dead runs' journals (every journal found counts as dead). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: JournalRecovery REPORT_DIR   (e.g. target/stagegate)");
      return 2;
    }
    Path dir = Path.of(args[0]);
    List<GateResult> gates = recover(dir, owner -> true);
    if (gates.isEmpty()) {
      err.println("No journal to recover in " + EvidenceJournal.journalRoot(dir).toAbsolutePath());
      return 1;
    }
    try {
      AuditFiles.Written w =
          AuditFiles.write(
              new AuditReport(AuditReport.SCHEMA_VERSION, Instant.now(), gates),
              dir,
              AuditMarkdown.standard().withChecklists(DeployFacts.none()));
      out.println(
          "Recovered " + gates.size() + " gate(s) as INCOMPLETE: " + w.markdown().toAbsolutePath());
      return 0;
    } catch (IOException e) {
      err.println("Cannot write the audit into " + dir.toAbsolutePath() + ": " + e.getMessage());
      return 2;
    }
  }
}
