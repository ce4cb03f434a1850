package dev.stagegate.report.writer;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.markdown.AuditMarkdown;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code stability_audit.md} and {@code stability_audit.json} into a directory.
 *
 * <p>Each file is written to a temporary file in the same directory, flushed to disk, then moved
 * over the target in one step, so a reader (or a reviewer after a crash) sees either the previous
 * audit or the new one, never half a file. Both temporary files are complete before either is
 * moved, which keeps the window in which the two files disagree to the gap between two renames.
 *
 * <pre>{@code
 * AuditFiles.Written written = AuditFiles.write(report, Path.of("target", "stagegate"));
 * System.out.println("audit: " + written.markdown());
 * }</pre>
 */
public final class AuditFiles {
  /** File name of the Markdown audit. */
  public static final String MARKDOWN_FILE = "stability_audit.md";

  /** File name of the JSON audit. */
  public static final String JSON_FILE = "stability_audit.json";

  /**
   * Where the two files were written.
   *
   * @param markdown the {@code stability_audit.md} path
   * @param json the {@code stability_audit.json} path
   */
  public record Written(Path markdown, Path json) {}

  private AuditFiles() {}

  /** {@code dir/stability_audit.md}. */
  public static Path markdownPath(Path dir) {
    return dir.resolve(MARKDOWN_FILE);
  }

  /** {@code dir/stability_audit.json}. */
  public static Path jsonPath(Path dir) {
    return dir.resolve(JSON_FILE);
  }

  /**
   * Writes both files with the standard Markdown; see {@link #write(AuditReport, Path,
   * AuditMarkdown)}.
   */
  public static Written write(AuditReport report, Path dir) throws IOException {
    return write(report, dir, AuditMarkdown.standard());
  }

  /**
   * Renders the report and writes both files into {@code dir}, creating it if needed and replacing
   * earlier files atomically.
   *
   * @return the paths written
   * @throws IOException when the directory or a file cannot be written; no partial file is left
   */
  public static Written write(AuditReport report, Path dir, AuditMarkdown markdown)
      throws IOException {
    // Render first: a rendering bug must not leave anything behind.
    // The JSON twin carries the checklist states the Markdown counts, filled from the same facts.
    byte[] json = AuditTwin.json(report, markdown.checklists()).getBytes(StandardCharsets.UTF_8);
    byte[] md = markdown.render(report).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir);
    Path jsonTarget = jsonPath(dir);
    Path mdTarget = markdownPath(dir);
    Path jsonTemp = writeTemp(dir, JSON_FILE, json);
    Path mdTemp;
    try {
      mdTemp = writeTemp(dir, MARKDOWN_FILE, md);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(jsonTemp);
      throw e;
    }
    try {
      moveIntoPlace(jsonTemp, jsonTarget);
      moveIntoPlace(mdTemp, mdTarget);
    } finally {
      Files.deleteIfExists(jsonTemp);
      Files.deleteIfExists(mdTemp);
    }
    return new Written(mdTarget, jsonTarget);
  }

  /**
   * Renders the report and replaces only the Markdown file in {@code dir}, atomically: the JSON
   * twin is left as it is, so a SHA-256 taken of it (a deployment record's) stays true. For a
   * deploy record that gains the deployment's block after the deployment was recorded.
   *
   * @return the Markdown file's path
   * @throws IOException when the directory or the file cannot be written; no partial file is left
   */
  public static Path writeMarkdown(AuditReport report, Path dir, AuditMarkdown markdown)
      throws IOException {
    byte[] md = markdown.render(report).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir);
    Path target = markdownPath(dir);
    Path temp = writeTemp(dir, MARKDOWN_FILE, md);
    try {
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** A hidden temporary file next to the target, fully written and forced to disk. */
  private static Path writeTemp(Path dir, String name, byte[] content) throws IOException {
    Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      // Without this, a power loss after the rename can leave an empty file under the new name.
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this is rare (some network file systems); a plain replace is the best
      // such a file system offers.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
