package dev.stagegate.report.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of deployments: one {@link DeploymentEntry} per line as JSON (JSON Lines),
 * readable with {@code jq} and safe to append to from many threads and processes at once.
 *
 * <p>Appending takes, in order, a lock shared by all threads of this JVM and an exclusive file lock
 * on the sibling file {@code <log>.lock} (shared by all processes), then writes the whole line with
 * one write and forces it to disk. The lock is on a sibling, not on the log, because on some
 * systems closing any channel of a file drops every lock the JVM holds on it: {@link #readAll()}
 * opening the log would otherwise release a writer's lock. The {@code .lock} file is never deleted;
 * deleting it would let two writers lock two different files. ({@link DeploymentTextLog} appends
 * the same way.)
 *
 * <p>A writer killed mid-write leaves an incomplete last line. The next append first ends that
 * line, so the new entry stays whole; {@link #readAll()} skips such lines and reports them.
 *
 * <pre>{@code
 * DeploymentLog log = DeploymentLog.at(Path.of("deployments.jsonl"));
 * log.append(entry);
 * DeploymentLogContents all = log.readAll();
 * Files.writeString(Path.of("deployments.md"), log.toMarkdown());
 * }</pre>
 */
public final class DeploymentLog {
  private final LockedAppendFile out;
  private final Path file;
  private final Path lockFile;

  private DeploymentLog(Path file) {
    this.out = new LockedAppendFile(file, "the deployment log");
    this.file = out.file();
    this.lockFile = out.lockFile();
  }

  /** The log in {@code file}; nothing is created until the first append. */
  public static DeploymentLog at(Path file) {
    return new DeploymentLog(file);
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /**
   * Appends one entry as one line and forces it to disk before returning. Creates the file and its
   * directory when missing.
   *
   * @throws UncheckedIOException when the log cannot be written
   */
  public void append(DeploymentEntry entry) {
    out.append(line(entry));
  }

  /**
   * Every entry, in file order, and the lines that could not be read: an incomplete last line (a
   * writer killed mid-write), or a damaged line. Empty when the file does not exist.
   *
   * <p>Takes the writers' lock, so that an append in progress is not reported as an incomplete
   * line; where the lock file cannot be created (a read-only copy of the log) it reads without.
   *
   * @throws UncheckedIOException when the log cannot be read
   */
  public DeploymentLogContents readAll() {
    if (!Files.exists(file)) {
      // Reading must not leave a lock file behind where there is no log.
      return new DeploymentLogContents(List.of(), List.of());
    }
    boolean canLock =
        Files.exists(lockFile) ? Files.isWritable(lockFile) : Files.isWritable(file.getParent());
    byte[] bytes;
    if (canLock) {
      bytes = out.locked(this::readBytes);
    } else {
      try {
        bytes = readBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the deployment log " + file, e);
      }
    }
    return parse(bytes);
  }

  private byte[] readBytes() throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new byte[0];
    }
  }

  private static DeploymentLogContents parse(byte[] bytes) {
    List<DeploymentEntry> entries = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    while (start < bytes.length) {
      lineNumber++;
      int end = indexOf(bytes, (byte) '\n', start);
      if (end < 0) {
        skipped.add(
            "line "
                + lineNumber
                + ": incomplete last line ("
                + (bytes.length - start)
                + " bytes without a line end; a writer was probably stopped mid-write)");
        break;
      }
      if (!isBlank(bytes, start, end)) {
        try {
          entries.add(
              DeployJson.MAPPER.readValue(bytes, start, end - start, DeploymentEntry.class));
        } catch (IOException e) {
          skipped.add("line " + lineNumber + ": not a deployment entry: " + reason(e));
        }
      }
      start = end + 1;
    }
    return new DeploymentLogContents(entries, skipped);
  }

  /** The log as Markdown, newest deployment first; see {@link DeploymentLogMarkdown}. */
  public String toMarkdown() {
    return DeploymentLogMarkdown.render(readAll());
  }

  static byte[] line(DeploymentEntry entry) {
    try {
      // Jackson escapes line breaks inside strings, so the entry is exactly one line.
      return (DeployJson.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      // Entries hold only strings, enums, instants and durations: this is a bug.
      throw new IllegalStateException("cannot write a deployment entry: " + e.getMessage(), e);
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Why a line was not an entry, without Jackson's source dump. */
  private static String reason(IOException e) {
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage();
    }
    if (e instanceof JsonMappingException m) {
      return m.getOriginalMessage();
    }
    if (e instanceof JsonProcessingException p) {
      return p.getOriginalMessage();
    }
    return e.toString();
  }
}
