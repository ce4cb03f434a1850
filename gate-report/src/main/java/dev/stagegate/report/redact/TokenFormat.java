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
 * @param oneCase whether the format's alphabet has one case only ({@code AKIA} + {@code
 *     [A-Z2-7]{16}}), so that a real token may lack digits or lower case: then only a placeholder's
 *     runs of one char ({@code AKIAXXXXXXXXXXXXXXXX}) disqualify it
 */
record TokenFormat(String kind, List<String> prefixes, Pattern pattern, boolean oneCase) {
  /** Not a token char after it, so the whole token is matched or nothing. */
  static final String END = "(?![A-Za-z0-9_])";

  TokenFormat {
    prefixes = List.copyOf(prefixes);
  }

  /** A format; {@code regex} matches the whole token, prefix included. */
  static TokenFormat of(String kind, String regex, String... prefixes) {
    return new TokenFormat(kind, List.of(prefixes), Pattern.compile(regex + END), false);
  }

  /** A format whose alphabet has one case only, see {@link #oneCase}. */
  static TokenFormat ofOneCase(String kind, String regex, String... prefixes) {
    return new TokenFormat(kind, List.of(prefixes), Pattern.compile(regex + END), true);
  }

  /**
   * The kind for a match of {@link #pattern}, or {@code null} when its body neither looks random
   * ({@link SecretLikeness#looksLikeTokenBody}) nor carries a valid {@link TokenChecksum}: a
   * documentation placeholder such as {@code AKIAXXXXXXXXXXXXXXXX} or {@code glpat-xxxx…} stays.
   */
  String judge(MatchResult m) {
    String token = m.group();
    int cut = Math.max(token.lastIndexOf('_', 16), token.lastIndexOf('-', 16));
    String body = cut < 0 ? token : token.substring(cut + 1);
    if (oneCase) {
      return hasRunOfFour(body) || SecretLikeness.shannonBits(body) < 3.0 ? null : kind;
    }
    return TokenChecksum.holds(body) || SecretLikeness.looksLikeTokenBody(body) ? kind : null;
  }

  private static boolean hasRunOfFour(String s) {
    int run = 1;
    for (int i = 1; i < s.length(); i++) {
      run = s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
      if (run >= 4) {
        return true;
      }
    }
    return false;
  }
}
