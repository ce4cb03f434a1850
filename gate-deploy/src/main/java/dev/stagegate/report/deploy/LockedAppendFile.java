package dev.stagegate.report.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only file that many threads and processes write to at once: the locking and the
 * whole-record append shared by {@link DeploymentLog} (JSON Lines) and {@link DeploymentTextLog}
 * (the seed's text blocks).
 *
 * <p>{@link #locked} takes, in order, a lock shared by all threads of this JVM and an exclusive
 * {@link FileLock} on the sibling file {@code <file>.lock} (shared by all processes). The lock is
 * on a sibling, not on the file, because on some systems closing any channel of a file drops every
 * lock the JVM holds on it: a reader opening the file would otherwise release a writer's lock. The
 * {@code .lock} file is never deleted; deleting it would let two writers lock two different files.
 */
final class LockedAppendFile {
  /** One lock per lock file: {@link FileLock}s are per process, so threads need their own. */
  private static final ConcurrentMap<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final String what;

  /**
   * @param what the file in messages, e.g. {@code the deployment log}
   */
  LockedAppendFile(Path file, String what) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.what = what;
  }

  Path file() {
    return file;
  }

  Path lockFile() {
    return lockFile;
  }

  /**
   * Appends {@code record} (which ends in a line end) with one write under the lock and forces it
   * to disk. Creates the file and its directory when missing. A writer killed mid-write leaves an
   * incomplete last line; this first ends that line, in the same write, so the new record stays
   * whole and starts a line.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  void append(byte[] record) {
    locked(
        () -> {
          try (FileChannel out =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE)) {
            long end = out.size();
            ByteBuffer buffer =
                endsWithLineEnd(out, end)
                    ? ByteBuffer.wrap(record)
                    : ByteBuffer.allocate(record.length + 1).put((byte) '\n').put(record).flip();
            long at = end;
            while (buffer.hasRemaining()) {
              at += out.write(buffer, at);
            }
            out.force(false);
          }
          return null;
        });
  }

  /** Work done while holding the lock. */
  interface LockedAction<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code action} holding both locks.
   *
   * @throws UncheckedIOException when the lock file cannot be created or locked, or the action
   *     fails; the message names the file
   */
  <T> T locked(LockedAction<T> action) {
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
      throw new UncheckedIOException("Cannot use " + what + " " + file, e);
    } finally {
      local.unlock();
    }
  }

  private static boolean endsWithLineEnd(FileChannel channel, long size) throws IOException {
    if (size == 0) {
      return true;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    while (last.hasRemaining()) {
      if (channel.read(last, size - 1) < 0) {
        return true;
      }
    }
    return last.get(0) == '\n';
  }
}
