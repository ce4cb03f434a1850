package dev.stagegate.assertions.logs;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Feeds a UTF-8 byte stream to a {@link LogScanner} without turning every line into a {@link
 * String}.
 *
 * <p>Lines are split in a reusable buffer, eight bytes at a time, and run through {@link
 * AnchorPrefilter} as bytes; only the few lines that pass (or that an open traceback needs) are
 * decoded. This is what lets the audit keep up with {@code grep} on large logs: an ordinary INFO
 * line costs a newline search and a Wu–Manber skip, with no allocation.
 */
final class LogStreamReader {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private static final int INITIAL_BUFFER = 1 << 16;

  private LogStreamReader() {}

  /**
   * Reads {@code in} to its end, passing each failure to {@code sink}, including those flushed by
   * {@link LogScanner#finish()}. Does not close {@code in}.
   *
   * @return the number of bytes read
   */
  static long feed(InputStream in, LogScanner scanner, Consumer<LogFailure> sink)
      throws IOException {
    byte[] buf = new byte[INITIAL_BUFFER];
    int filled = 0;
    long total = 0;
    int read;
    // One flat loop: the JIT compiles newline search and prefilter together, which measured
    // clearly faster than a loop calling a per-line method.
    while ((read = in.read(buf, filled, buf.length - filled)) >= 0) {
      total += read;
      filled += read;
      int start = 0;
      int nl;
      while ((nl = indexOfNewline(buf, start, filled)) >= 0) {
        int end = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
        if (scanner.needsEveryLine() || AnchorPrefilter.mayMatch(buf, start, end)) {
          deliver(buf, start, end, scanner, sink);
        } else {
          scanner.skipLine();
        }
        start = nl + 1;
      }
      if (start == 0 && filled == buf.length) {
        // One line longer than the buffer: grow rather than cut it.
        buf = Arrays.copyOf(buf, buf.length * 2);
      } else {
        System.arraycopy(buf, start, buf, 0, filled - start);
        filled -= start;
      }
    }
    if (filled > 0) {
      int end = buf[filled - 1] == '\r' ? filled - 1 : filled;
      deliver(buf, 0, end, scanner, sink);
    }
    scanner.finishFailures().forEach(sink);
    return total;
  }

  private static void deliver(
      byte[] buf, int from, int to, LogScanner scanner, Consumer<LogFailure> sink) {
    String line = new String(buf, from, to - from, StandardCharsets.UTF_8);
    scanner.acceptCandidate(line).forEach(sink);
  }

  /** Index of the first {@code '\n'} in {@code buf[from, to)}, or -1. */
  static int indexOfNewline(byte[] buf, int from, int to) {
    int i = from;
    // SWAR: a byte of x is zero where buf has '\n'; the lowest flagged byte is exact.
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(buf, i) ^ NEWLINES;
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
