package dev.stagegate.assertions.logs;

/**
 * Finds where a log line's own text starts when {@code docker logs -t} put an RFC 3339 timestamp in
 * front of it, e.g. {@code 2024-05-01T12:00:00.123456789Z ValueError: boom}.
 *
 * <p>Rules that look at the start of a line (Python traceback frames, {@code panic: }, glog
 * prefixes) must see the text the service wrote, so they skip this prefix. The check is a few byte
 * compares because it runs on every line of the fast path.
 */
final class DockerTimestamp {
  // "2024-05-01T12:00:00" is 19 characters; fraction and zone add at most ~16 more.
  private static final int DATE_TIME_LENGTH = 19;
  private static final int MAX_PREFIX = 40;

  private DockerTimestamp() {}

  /** Index in {@code line} of the first character after a leading timestamp and one space. */
  static int contentStart(CharSequence line) {
    int n = line.length();
    if (n <= DATE_TIME_LENGTH
        || !isDigit(line.charAt(0))
        || line.charAt(4) != '-'
        || line.charAt(7) != '-'
        || line.charAt(10) != 'T'
        || line.charAt(13) != ':'
        || line.charAt(16) != ':') {
      return 0;
    }
    int limit = Math.min(n, MAX_PREFIX);
    for (int i = DATE_TIME_LENGTH; i < limit; i++) {
      if (line.charAt(i) == ' ') {
        return i + 1;
      }
    }
    return 0;
  }

  /** {@code line} without a leading timestamp and its space; {@code line} itself if it has none. */
  static String stripped(String line) {
    int start = contentStart(line);
    return start == 0 ? line : line.substring(start);
  }

  /** Same as {@link #contentStart(CharSequence)} for the bytes {@code [from, to)}. */
  static int contentStart(byte[] buf, int from, int to) {
    int n = to - from;
    if (n <= DATE_TIME_LENGTH
        || !isDigit(buf[from])
        || buf[from + 4] != '-'
        || buf[from + 7] != '-'
        || buf[from + 10] != 'T'
        || buf[from + 13] != ':'
        || buf[from + 16] != ':') {
      return from;
    }
    int limit = from + Math.min(n, MAX_PREFIX);
    for (int i = from + DATE_TIME_LENGTH; i < limit; i++) {
      if (buf[i] == ' ') {
        return i + 1;
      }
    }
    return from;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
