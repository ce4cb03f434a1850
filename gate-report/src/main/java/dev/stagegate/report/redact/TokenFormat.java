package dev.stagegate.report.redact;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One vendor's token format, recognised by its prefix wherever it stands in a line: {@code ghp_…},
 * {@code glpat-…}, {@code xoxb-…}, {@code AKIA…}. The format specifications come from the public
 * rule sets of secret scanners (gitleaks, detect-secrets, trufflehog).
 *
 * @param kind what the replacement says, e.g. {@code github-token}
 * @param prefixes literal texts one of which every token starts with (case-sensitive)
 * @param pattern the whole token, matched from where a prefix starts a word
 * @param checkShape whether a match must also look random ({@link
 *     SecretLikeness#looksLikeTokenBody}) or carry a valid {@link TokenChecksum}; off for formats
 *     strict enough by themselves
 */
record TokenFormat(String kind, List<String> prefixes, Pattern pattern, boolean checkShape) {
  /** Not a token char after it, so the whole token is matched or nothing. */
  static final String END = "(?![A-Za-z0-9_])";

  TokenFormat {
    prefixes = List.copyOf(prefixes);
  }

  /** A format whose matches must look random. */
  static TokenFormat of(String kind, String regex, String... prefixes) {
    return new TokenFormat(kind, List.of(prefixes), Pattern.compile(regex + END), true);
  }

  /** A format strict enough (fixed length and alphabet) to need no shape check. */
  static TokenFormat strict(String kind, String regex, String... prefixes) {
    return new TokenFormat(kind, List.of(prefixes), Pattern.compile(regex + END), false);
  }

  /** The kind for a match of {@link #pattern}, or {@code null} when it does not look random. */
  String judge(MatchResult m) {
    if (!checkShape) {
      return kind;
    }
    String token = m.group();
    int cut = Math.max(token.lastIndexOf('_', 16), token.lastIndexOf('-', 16));
    String body = cut < 0 ? token : token.substring(cut + 1);
    return TokenChecksum.holds(body) || SecretLikeness.looksLikeTokenBody(body) ? kind : null;
  }
}
