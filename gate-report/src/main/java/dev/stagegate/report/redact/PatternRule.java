package dev.stagegate.report.redact;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret found by a regular expression, with cheap markers that must occur in a line
 * before the expression is run at all.
 *
 * <p>Most lines of a log hold no marker of any rule; {@link MarkerIndex} finds the markers of all
 * rules in one pass, so the common case costs that pass and no regex.
 *
 * @param markers substrings of which at least one occurs in every match
 * @param markersIgnoreCase whether the markers are compared ignoring ASCII case
 * @param pattern the expression; the secret is the first of {@code secretGroups} that matched
 * @param secretGroups the groups that may hold the secret, in order (0 for the whole match)
 * @param kindOf the kind to put in the replacement for a match, or {@code null} to leave it
 * @param gate a cheap condition on the line besides the markers ({@code null} for none), for shapes
 *     whose markers are common: a long run of letters and digits, no space
 */
record PatternRule(
    List<String> markers,
    boolean markersIgnoreCase,
    Pattern pattern,
    List<Integer> secretGroups,
    Function<MatchResult, String> kindOf,
    Predicate<String> gate)
    implements LineRule {
  /** Text that starts a replacement; a value that already starts with it is never masked again. */
  static final String PREFIX = "[REDACTED:";

  PatternRule {
    markers = List.copyOf(markers);
    if (markersIgnoreCase) {
      markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }
    secretGroups = List.copyOf(secretGroups);
  }

  /** A rule with no run-length gate. */
  PatternRule(
      List<String> markers,
      boolean markersIgnoreCase,
      Pattern pattern,
      List<Integer> secretGroups,
      Function<MatchResult, String> kindOf) {
    this(markers, markersIgnoreCase, pattern, secretGroups, kindOf, null);
  }

  /** This rule, run only on lines holding {@code length} ASCII letters and digits in a row. */
  PatternRule gatedByRun(int length) {
    return gatedBy(line -> hasAlnumRun(line, length));
  }

  /** This rule, run only on lines that pass {@code condition} (and hold a marker). */
  PatternRule gatedBy(Predicate<String> condition) {
    return new PatternRule(markers, markersIgnoreCase, pattern, secretGroups, kindOf, condition);
  }

  /** A rule that masks {@code group} of every match as {@code kind}. */
  static PatternRule simple(String kind, List<String> markers, String regex, int group) {
    return new PatternRule(markers, false, Pattern.compile(regex), List.of(group), m -> kind);
  }

  /** Replacement text for a secret of the given kind: {@code [REDACTED:kind]}. */
  static String replacement(String kind) {
    return PREFIX + kind + "]";
  }

  /** The line, known to hold a marker, with every accepted match's secret group replaced. */
  @Override
  public String applyToCandidate(String line) {
    if (gate != null && !gate.test(line)) {
      return line;
    }
    Matcher m = pattern.matcher(line);
    StringBuilder out = null;
    int last = 0;
    int from = 0;
    while (from <= line.length() && m.find(from)) {
      int group = firstMatched(m);
      String kind = group < 0 || isInsideReplacement(line, m.start(group)) ? null : kindOf.apply(m);
      if (kind == null) {
        // A rejected match must not hide a secret that starts inside it (the name of a benign
        // field before a quoted JSON document, say): look again one char further.
        from = m.start() + 1;
        continue;
      }
      from = m.end() > m.start() ? m.end() : m.end() + 1;
      if (out == null) {
        out = new StringBuilder(line.length());
      }
      out.append(line, last, m.start(group)).append(replacement(kind));
      last = m.end(group);
    }
    if (out == null) {
      return line;
    }
    return out.append(line, last, line.length()).toString();
  }

  /**
   * Whether {@code at} is the start or the inside of a replacement an earlier rule wrote ({@code
   * [REDACTED:kind]}): it is never masked again, nor split ({@code -a [REDACTED:password]} is no
   * {@code user:password}).
   */
  static boolean isInsideReplacement(String line, int at) {
    if (line.startsWith(PREFIX, at)) {
      return true;
    }
    int open = line.lastIndexOf(PREFIX, at);
    return open >= 0 && line.indexOf(']', open) >= at;
  }

  /** The first secret group that took part in the match and is not empty, or -1. */
  int firstMatched(MatchResult m) {
    for (int g : secretGroups) {
      if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
        return g;
      }
    }
    return -1;
  }

  /** The text of {@link #firstMatched}, or {@code ""}. */
  String secret(MatchResult m) {
    int g = firstMatched(m);
    return g < 0 ? "" : m.group(g);
  }

  /** Whether {@code line} holds {@code length} ASCII letters and digits in a row. */
  static boolean hasAlnumRun(String line, int length) {
    int run = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        if (++run >= length) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }
}
