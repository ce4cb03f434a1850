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

  /** Entries by the first char of their prefix, in catalogue order (longer prefixes first). */
  private final Entry[][] byFirstChar = new Entry[128][];

  TokenScanner(List<TokenFormat> formats) {
    List<List<Entry>> lists = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      lists.add(new ArrayList<>());
    }
    for (TokenFormat f : formats) {
      for (String p : f.prefixes()) {
        lists.get(p.charAt(0)).add(new Entry(p, f));
      }
    }
    for (int c = 0; c < 128; c++) {
      byFirstChar[c] = lists.get(c).isEmpty() ? null : lists.get(c).toArray(Entry[]::new);
    }
  }

  @Override
  public String apply(String line, String lowerLine) {
    StringBuilder out = null;
    int last = 0;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      Entry[] entries = c < 128 ? byFirstChar[c] : null;
      if (entries == null || (i > 0 && isTokenChar(line.charAt(i - 1)))) {
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

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
