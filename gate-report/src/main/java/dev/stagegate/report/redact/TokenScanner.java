package dev.stagegate.report.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the tokens of a {@link TokenFormat} catalogue in one pass over a line: at each word start
 * it looks up the formats whose prefix begins with that char, and runs a format's pattern only
 * where its prefix is actually there. A hundred formats cost about as much as one {@code indexOf}
 * per char, where a rule per format would scan the line a hundred times.
 */
final class TokenScanner implements LineRule {
  private record Entry(String prefix, TokenFormat format) {}

  /**
   * Entries by the first two chars of their prefix ({@code c1 * 128 + c2}), in catalogue order; a
   * one-char prefix is filed under every second char.
   */
  private final Entry[][] byFirstTwo = new Entry[128 * 128][];

  /** Whether any prefix starts with the char: a cheap first test per word. */
  private final boolean[] firstChar = new boolean[128];

  TokenScanner(List<TokenFormat> formats) {
    List<List<Entry>> lists = new ArrayList<>();
    for (int i = 0; i < 128 * 128; i++) {
      lists.add(null);
    }
    for (TokenFormat f : formats) {
      for (String p : f.prefixes()) {
        char c1 = p.charAt(0);
        firstChar[c1] = true;
        for (int c2 = 0; c2 < 128; c2++) {
          if (p.length() == 1 || p.charAt(1) == c2) {
            int key = c1 * 128 + c2;
            if (lists.get(key) == null) {
              lists.set(key, new ArrayList<>());
            }
            lists.get(key).add(new Entry(p, f));
          }
        }
      }
    }
    for (int i = 0; i < 128 * 128; i++) {
      byFirstTwo[i] = lists.get(i) == null ? null : lists.get(i).toArray(Entry[]::new);
    }
  }

  @Override
  public String applyToCandidate(String line) {
    StringBuilder out = null;
    int last = 0;
    int n = line.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = line.charAt(i);
      if (c >= 128 || !firstChar[c] || (i > 0 && isTokenChar(line.charAt(i - 1)))) {
        continue;
      }
      char d = line.charAt(i + 1);
      if (d >= 128) {
        d = 0; // only a one-char prefix (filed under every second char) can start here
      }
      Entry[] entries = byFirstTwo[c * 128 + d];
      if (entries == null) {
        continue;
      }
      int run = runLength(line, i);
      if (run < MIN_TOKEN_LENGTH) {
        i += run; // no token fits anywhere in this run either
        continue;
      }
      if (line.startsWith(PatternRule.PREFIX, i)) {
        continue;
      }
      for (Entry e : entries) {
        if (!line.startsWith(e.prefix(), i)) {
          continue;
        }
        Matcher m = e.format().pattern().matcher(line);
        m.useTransparentBounds(true).region(i, n);
        if (m.lookingAt()) {
          String kind = e.format().judge(m);
          if (kind != null) {
            if (out == null) {
              out = new StringBuilder(n);
            }
            out.append(line, last, i).append(PatternRule.replacement(kind));
            last = m.end();
            i = m.end() - 1;
            break;
          }
        }
      }
    }
    return out == null ? line : out.append(line, last, n).toString();
  }

  /** No catalogued token is shorter; a shorter word needs no regex at all. */
  private static final int MIN_TOKEN_LENGTH = 16;

  /** How many chars from {@code at} could belong to one token (letters, digits, _-.~+/=$:). */
  private static int runLength(String line, int at) {
    int i = at;
    int n = line.length();
    while (i < n && i - at < MIN_TOKEN_LENGTH) {
      char c = line.charAt(i);
      boolean tokenChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.'
              || c == '~'
              || c == '+'
              || c == '/'
              || c == '='
              || c == '$'
              || c == ':';
      if (!tokenChar) {
        break;
      }
      i++;
    }
    return i - at;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
