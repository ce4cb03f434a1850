package dev.stagegate.deploy.change;

import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangeType;
import dev.stagegate.report.change.ChangedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The added lines of each file of a {@link ChangeSummary}, read with JGit's diff between the same
 * base and HEAD (or HEAD's parent when the summary has no base). Keeps the repository open: close
 * it.
 *
 * <p>Bounded like the reader: blobs over {@value #MAX_BLOB_BYTES} bytes and binary files give no
 * lines, and at most {@value #MAX_LINES} lines are returned per file, since a risk rule needs the
 * first match, not every one.
 *
 * <pre>{@code
 * try (GitAddedLines lines = GitAddedLines.open(Path.of("."), change)) {
 *   RiskAssessment risk = RiskAssessor.assess(change, lines, rules);
 * }
 * }</pre>
 */
public final class GitAddedLines implements AddedLines, AutoCloseable {
  /** Larger blobs are skipped: generated or vendored files, not hand edits. */
  public static final int MAX_BLOB_BYTES = 4 * 1024 * 1024;

  /** The most added lines returned for one file. */
  public static final int MAX_LINES = 20_000;

  private final Repository repo;
  private final RevCommit from;
  private final RevCommit head;

  private GitAddedLines(Repository repo, RevCommit from, RevCommit head) {
    this.repo = repo;
    this.from = from;
    this.head = head;
  }

  /**
   * Opens the repository the summary was read from.
   *
   * @param workDir the directory given to {@link GitChangeReader#read}
   * @return access to added lines; {@link AddedLines#none()}-like when there is no repository or no
   *     HEAD
   */
  public static GitAddedLines open(Path workDir, ChangeSummary change) throws IOException {
    if (change.headCommit() == null) {
      return new GitAddedLines(null, null, null);
    }
    Optional<Repository> found = GitChangeReader.open(workDir);
    if (found.isEmpty()) {
      return new GitAddedLines(null, null, null);
    }
    Repository repo = found.get();
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit head = walk.parseCommit(ObjectId.fromString(change.headCommit()));
      RevCommit from =
          change.baseCommit() != null
              ? walk.parseCommit(ObjectId.fromString(change.baseCommit()))
              : GitChangeReader.firstParent(walk, head);
      return new GitAddedLines(repo, from, head);
    } catch (IOException | RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  @Override
  public List<String> addedLines(ChangedFile file) throws IOException {
    if (repo == null || file.changeType() == ChangeType.DELETE) {
      return List.of();
    }
    try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE);
        ObjectReader reader = repo.newObjectReader()) {
      df.setRepository(repo);
      df.setDetectRenames(true);
      // Both paths of a rename must pass the filter, or the rename is seen as an add.
      df.setPathFilter(
          file.oldPath() == null
              ? PathFilterGroup.createFromStrings(file.path())
              : PathFilterGroup.createFromStrings(file.path(), file.oldPath()));
      for (DiffEntry entry : df.scan(from == null ? null : from.getTree(), head.getTree())) {
        if (!file.path().equals(entry.getNewPath())) {
          continue;
        }
        ObjectLoader blob = reader.open(entry.getNewId().toObjectId());
        if (blob.getSize() > MAX_BLOB_BYTES) {
          return List.of();
        }
        byte[] bytes = blob.getCachedBytes(MAX_BLOB_BYTES);
        if (RawText.isBinary(bytes)) {
          return List.of();
        }
        RawText text = new RawText(bytes);
        List<String> lines = new ArrayList<>();
        for (Edit edit : df.toFileHeader(entry).toEditList()) {
          for (int i = edit.getBeginB(); i < edit.getEndB(); i++) {
            if (lines.size() >= MAX_LINES) {
              return lines;
            }
            lines.add(text.getString(i));
          }
        }
        return lines;
      }
      return List.of();
    }
  }

  @Override
  public void close() {
    if (repo != null) {
      repo.close();
    }
  }
}
