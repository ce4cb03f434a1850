package dev.stagegate.assertions.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The cheap first pass over every log line: could any rule match it?
 *
 * <p>Each rule needs at least one literal "anchor" (e.g. {@code ERROR}, {@code Traceback}, {@code
 * =error}) somewhere in the line, so a line without any anchor is skipped before a regex or even a
 * {@link String} is built. The anchors are case-sensitive on purpose: {@code 0 errors}, {@code
 * errors=0} or {@code /api/v1/errors} contain none of them, so the common benign lines are rejected
 * here rather than by a regex. The one rule without a literal, glog's {@code E1123 ...} prefix, is
 * checked at the start of the line.
 *
 * <p>The search reads the line as overlapping 4-byte words at every second position: any anchor (at
 * least 5 long) has its first or second 4 characters at one of those positions. Each word is hashed
 * into a 64 Kibit set of the anchors' words; only a hit (rare in ordinary lines) is verified
 * against the anchors. Unlike a Boyer–Moore style skip, the next position never depends on the
 * bytes just read, so the CPU can overlap the iterations. Byte and character versions make the same
 * decision so that {@link LogAudit#audit(String, java.io.InputStream)} and {@link
 * LogScanner#accept(String)} agree.
 */
final class AnchorPrefilter {
  /** The literals a line must contain to pass, see {@link PrefilterAnchors}. */
  static final List<String> ANCHORS = PrefilterAnchors.ALL;

  private static final int GRAM = 4;
  private static final int STRIDE = 2;
  // STRIDE + GRAM - 1 = 5: the shortest anchor, so every occurrence contains a sampled word.
  private static final int MIN_ANCHOR = STRIDE + GRAM - 1;

  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long[] BITS = new long[1 << 10];

  // Parallel arrays, grouped by the word's bucket (hash >>> 6, the BITS index): word GRAMS[i]
  // occurs at offset OFFSETS[i] of anchor ANCHOR_BYTES[i]; bucket b is [BUCKET_START[b],
  // BUCKET_START[b + 1]). A hit is then verified against the one or two anchors that can explain
  // it, not against all of them — ordinary words such as "errors" hit the set often.
  private static final int[] GRAMS;
  private static final int[] OFFSETS;
  private static final byte[][] ANCHOR_BYTES;
  private static final int[] BUCKET_START = new int[BITS.length + 1];

  static {
    int n = ANCHORS.size() * STRIDE;
    int[] grams = new int[n];
    int[] offsets = new int[n];
    byte[][] anchors = new byte[n][];
    int i = 0;
    for (String anchor : ANCHORS) {
      byte[] a = anchor.getBytes(StandardCharsets.US_ASCII);
      if (a.length < MIN_ANCHOR) {
        throw new ExceptionInInitializerError("anchor shorter than " + MIN_ANCHOR + ": " + anchor);
      }
      for (int k = 0; k < STRIDE; k++) {
        int gram = (int) INTS.get(a, k);
        int h = hash(gram);
        BITS[h >>> 6] |= 1L << h;
        BUCKET_START[(h >>> 6) + 1]++;
        grams[i] = gram;
        offsets[i] = k;
        anchors[i] = a;
        i++;
      }
    }
    for (int b = 0; b < BITS.length; b++) {
      BUCKET_START[b + 1] += BUCKET_START[b];
    }
    GRAMS = new int[n];
    OFFSETS = new int[n];
    ANCHOR_BYTES = new byte[n][];
    int[] next = Arrays.copyOf(BUCKET_START, BITS.length);
    for (int j = 0; j < n; j++) {
      int at = next[hash(grams[j]) >>> 6]++;
      GRAMS[at] = grams[j];
      OFFSETS[at] = offsets[j];
      ANCHOR_BYTES[at] = anchors[j];
    }
  }

  private AnchorPrefilter() {}

  private static int hash(int gram) {
    return (gram * 0x9E3779B1) >>> 16;
  }

  private static boolean mayContain(int gram) {
    int h = hash(gram);
    return (BITS[h >>> 6] & (1L << h)) != 0;
  }

  /** Whether the bytes {@code [from, to)} (one line, no terminator) may match some rule. */
  static boolean mayMatch(byte[] buf, int from, int to) {
    int c = DockerTimestamp.contentStart(buf, from, to);
    if (c + 1 < to
        && startsLikeLevelPrefix(
            buf[c],
            buf[c + 1],
            c + 8 < to ? buf[c + 2] : 0,
            c + 8 < to ? buf[c + 5] : 0,
            c + 8 < to ? buf[c + 8] : 0)) {
      return true;
    }
    if (c < to
        && isNodePathStart(buf[c])
        && isDigit(buf[to - 1])
        && endsLikeNodeFileLine(buf, c, to)) {
      return true;
    }
    // A docker timestamp holds no anchor; starting one byte before the content still samples a
    // word of every anchor that begins at the space in front of it (" ERR ").
    for (int i = Math.max(from, c - 1); i <= to - GRAM; i += STRIDE) {
      int gram = (int) INTS.get(buf, i);
      if (mayContain(gram) && verify(buf, from, to, i, gram)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verify(byte[] buf, int from, int to, int at, int gram) {
    int b = hash(gram) >>> 6;
    for (int k = BUCKET_START[b], end = BUCKET_START[b + 1]; k < end; k++) {
      if (GRAMS[k] == gram) {
        int start = at - OFFSETS[k];
        if (start >= from && regionMatches(buf, start, to, ANCHOR_BYTES[k])) {
          return true;
        }
      }
    }
    return false;
  }

  /** Same decision as {@link #mayMatch(byte[], int, int)} for a decoded line. */
  static boolean mayMatch(CharSequence line) {
    int to = line.length();
    int c = DockerTimestamp.contentStart(line);
    if (c + 1 < to
        && startsLikeLevelPrefix(
            line.charAt(c),
            line.charAt(c + 1),
            c + 8 < to ? line.charAt(c + 2) : 0,
            c + 8 < to ? line.charAt(c + 5) : 0,
            c + 8 < to ? line.charAt(c + 8) : 0)) {
      return true;
    }
    if (c < to
        && isNodePathStart(line.charAt(c))
        && isDigit(line.charAt(to - 1))
        && endsLikeNodeFileLine(line, c, to)) {
      return true;
    }
    for (int i = Math.max(0, c - 1); i <= to - GRAM; i += STRIDE) {
      // Characters above 0xFF alias to Latin-1 here; verify() compares them in full.
      int gram =
          (line.charAt(i) & 0xFF)
              | (line.charAt(i + 1) & 0xFF) << 8
              | (line.charAt(i + 2) & 0xFF) << 16
              | (line.charAt(i + 3) & 0xFF) << 24;
      if (mayContain(gram) && verify(line, to, i, gram)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verify(CharSequence line, int to, int at, int gram) {
    int b = hash(gram) >>> 6;
    for (int k = BUCKET_START[b], end = BUCKET_START[b + 1]; k < end; k++) {
      if (GRAMS[k] == gram) {
        int start = at - OFFSETS[k];
        if (start >= 0 && regionMatches(line, start, to, ANCHOR_BYTES[k])) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean regionMatches(byte[] buf, int start, int to, byte[] anchor) {
    if (to - start < anchor.length) {
      return false;
    }
    for (int i = 0; i < anchor.length; i++) {
      if (buf[start + i] != anchor[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean regionMatches(CharSequence line, int start, int to, byte[] anchor) {
    if (to - start < anchor.length) {
      return false;
    }
    for (int i = 0; i < anchor.length; i++) {
      if (line.charAt(start + i) != anchor[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The level prefixes that carry no literal, judged from the first bytes of the content: klog's
   * {@code E1123}/{@code F1123}, a syslog priority {@code <3>}, logcat's brief {@code E/Tag} and
   * the {@code 12-07 12:00:00} date that starts logcat's time and threadtime formats (whose level
   * letter comes after the pids; {@link LevelDetector} reads it).
   */
  private static boolean startsLikeLevelPrefix(int c0, int c1, int c2, int c5, int c8) {
    if ((c0 == 'E' || c0 == 'F') && isDigit(c1)) {
      return true;
    }
    if (c0 == '<' && isDigit(c1)) {
      return true;
    }
    if ((c0 == 'E' || c0 == 'F' || c0 == 'A') && c1 == '/') {
      return true;
    }
    return isDigit(c0) && isDigit(c1) && c2 == '-' && c5 == ' ' && c8 == ':';
  }

  /**
   * Whether the line ends like Node's {@code /app/server.js:452} or {@code
   * node:internal/process/promises:288}: digits after a colon after {@code js}/{@code ts}/{@code
   * jsx}/{@code tsx} or a {@code node:} start. Only lines ending in a digit get this far.
   */
  private static boolean endsLikeNodeFileLine(byte[] buf, int from, int to) {
    int i = to - 1;
    while (i > from && isDigit(buf[i])) {
      i--;
    }
    if (buf[i] != ':' || i - from < 3) {
      return false;
    }
    int e = buf[i - 1] == 'x' ? i - 1 : i;
    return (buf[e - 1] == 's' && (buf[e - 2] == 'j' || buf[e - 2] == 't'))
        || (to - from > 5
            && buf[from] == 'n'
            && buf[from + 1] == 'o'
            && buf[from + 2] == 'd'
            && buf[from + 3] == 'e'
            && buf[from + 4] == ':');
  }

  private static boolean endsLikeNodeFileLine(CharSequence line, int from, int to) {
    int i = to - 1;
    while (i > from && isDigit(line.charAt(i))) {
      i--;
    }
    if (line.charAt(i) != ':' || i - from < 3) {
      return false;
    }
    int e = line.charAt(i - 1) == 'x' ? i - 1 : i;
    return (line.charAt(e - 1) == 's' && (line.charAt(e - 2) == 'j' || line.charAt(e - 2) == 't'))
        || (to - from > 5
            && line.charAt(from) == 'n'
            && line.charAt(from + 1) == 'o'
            && line.charAt(from + 2) == 'd'
            && line.charAt(from + 3) == 'e'
            && line.charAt(from + 4) == ':');
  }

  /** Node prints an absolute path, a {@code file://} URL or a {@code node:} module there. */
  private static boolean isNodePathStart(int c) {
    return c == '/' || c == 'f' || c == 'n';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
