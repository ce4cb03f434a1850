package dev.stagegate.report.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules' markers a line holds, found in one pass over the line instead of one {@code indexOf}
 * per marker per rule: with some fifty rules, most of a benign line's cost was looking for markers
 * it does not hold.
 *
 * <p>Built once from the rules; {@link #scan} gives a bit per distinct marker, {@link #mayMatch}
 * says whether a rule's markers are among them. Rules that are not {@link PatternRule}s (the {@link
 * TokenScanner}) always run.
 */
final class MarkerIndex {
  private record Marker(String text, boolean ignoreCase, int bit) {}

  /**
   * Markers by their first two chars in lower case ({@code c1 * 128 + c2}; a one-char marker is
   * filed under every second char): one lookup per char of the line finds the candidates of both
   * kinds, compared exactly or ignoring case.
   */
  private final Marker[][] byFirstTwo = new Marker[128 * 128][];

  /** Per rule, the bits of its markers; {@code null} for a rule that always runs. */
  private final long[][] ruleBits;

  private final int words;

  MarkerIndex(List<LineRule> rules) {
    Map<String, Marker> markers = new LinkedHashMap<>();
    ruleBits = new long[rules.size()][];
    List<long[]> pending = new ArrayList<>();
    for (LineRule rule : rules) {
      if (rule.markers().isEmpty()) {
        pending.add(null);
        continue;
      }
      List<Integer> bits = new ArrayList<>();
      for (String m : rule.markers()) {
        String key = (rule.markersIgnoreCase() ? "i:" : "e:") + m;
        boolean fold = rule.markersIgnoreCase();
        Marker marker = markers.computeIfAbsent(key, k -> new Marker(m, fold, markers.size()));
        bits.add(marker.bit());
      }
      pending.add(bits.stream().mapToLong(Integer::longValue).toArray());
    }
    words = (markers.size() + 63) / 64;
    for (int i = 0; i < pending.size(); i++) {
      long[] bits = pending.get(i);
      if (bits != null) {
        long[] mask = new long[words];
        for (long b : bits) {
          mask[(int) (b >>> 6)] |= 1L << (b & 63);
        }
        ruleBits[i] = mask;
      }
    }
    for (Marker m : markers.values()) {
      String t = m.text();
      if (t.charAt(0) >= 128 || (t.length() > 1 && t.charAt(1) >= 128)) {
        throw new IllegalArgumentException("marker must start with ASCII chars: " + t);
      }
      Marker[][] table = byFirstTwo;
      for (int c2 = 0; c2 < 128; c2++) {
        if (t.length() == 1 || lower(t.charAt(1)) == c2) {
          int key = lower(t.charAt(0)) * 128 + c2;
          Marker[] old = table[key];
          Marker[] grown =
              old == null ? new Marker[1] : java.util.Arrays.copyOf(old, old.length + 1);
          grown[grown.length - 1] = m;
          table[key] = grown;
        }
      }
    }
  }

  /** The markers the line holds, as bits; markers that ignore case are compared so. */
  long[] scan(String line) {
    long[] present = new long[words];
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c >= 128) {
        continue;
      }
      // The last char, or one before a non-ASCII char, pairs with NUL, under which one-char
      // markers are filed too (no two-char marker has a non-ASCII second char).
      char d = i + 1 < n ? line.charAt(i + 1) : 0;
      if (d >= 128) {
        d = 0;
      }
      mark(line, i, byFirstTwo[lower(c) * 128 + lower(d)], present);
    }
    return present;
  }

  private static void mark(String line, int at, Marker[] candidates, long[] present) {
    if (candidates == null) {
      return;
    }
    for (Marker m : candidates) {
      String t = m.text();
      boolean found =
          m.ignoreCase() ? line.regionMatches(true, at, t, 0, t.length()) : line.startsWith(t, at);
      if (found) {
        present[m.bit() >>> 6] |= 1L << (m.bit() & 63);
      }
    }
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Whether rule {@code index} may match a line whose markers are {@code present}. */
  boolean mayMatch(int index, long[] present) {
    long[] mask = ruleBits[index];
    if (mask == null) {
      return true;
    }
    for (int w = 0; w < words; w++) {
      if ((mask[w] & present[w]) != 0) {
        return true;
      }
    }
    return false;
  }
}
