package dev.stagegate.report.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only record of deployments: one {@link DeploymentEntry} per line as JSON (JSON Lines),
 * readable with {@code jq} and safe to append to from many threads and processes at once.
 *
 * <p>Appending takes, in order, a lock shared by all threads of this JVM and an exclusive {@link
 * FileLock} on the sibling file {@code <log>.lock} (shared by all processes), then writes the whole
 * line with one write and forces it to disk. The lock is on a sibling, not on the log, because on
 * some systems closing any channel of a file drops every lock the JVM holds on it: {@link
 * #readAll()} opening the log would otherwise release a writer's lock. The {@code .lock} file is
 * never deleted; deleting it would let two writers lock two different files.
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
  /** One lock per lock file: {@link FileLock}s are per process, so threads need their own. */
  private static final ConcurrentMap<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;

  private DeploymentLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
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
    byte[] line = line(entry);
    locked(
        () -> {
          try (FileChannel log =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE)) {
            long end = log.size();
            ByteBuffer buffer =
                endsWithLineEnd(log, end)
                    ? ByteBuffer.wrap(line)
                    // End a line a killed writer left incomplete, in the same write as the entry.
                    : ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip();
            long at = end;
            while (buffer.hasRemaining()) {
              at += log.write(buffer, at);
            }
            log.force(false);
          }
          return null;
        });
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
      bytes = locked(this::readBytes);
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

  private interface LockedAction<T> {
    T run() throws IOException;
  }

  private <T> T locked(LockedAction<T> action) {
    ReentrantLock local;
    try {
      Files.createDirectories(lockFile.getParent());
      try {
        Files.createFile(lockFile);
      } catch (FileAlreadyExistsException e) {
        // another writer made it first
      }
      // Two paths to one file (a symlink) must share one lock, or FileChannel.lock would throw.
      local = LOCAL_LOCKS.computeIfAbsent(lockFile.toRealPath(), p -> new ReentrantLock());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the lock file " + lockFile, e);
    }
    local.lock();
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = lockChannel.lock();
      try {
        return action.run();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use the deployment log " + file, e);
    } finally {
      local.unlock();
    }
  }

  private static boolean endsWithLineEnd(FileChannel log, long size) throws IOException {
    if (size == 0) {
      return true;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    while (last.hasRemaining()) {
      if (log.read(last, size - 1) < 0) {
        return true;
      }
    }
    return last.get(0) == '\n';
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
