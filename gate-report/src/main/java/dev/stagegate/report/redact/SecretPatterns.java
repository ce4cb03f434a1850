package dev.stagegate.report.redact;

import dev.stagegate.report.redact.SecretLikeness.NameKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The secret shapes {@link Redactor#defaults()} recognises, in the order they are applied. Specific
 * shapes come first so they give the more precise label; the generic name-based assignment rule
 * comes last.
 */
final class SecretPatterns {
  /** Name-like chars that may not directly precede a variable name (so we see the whole name). */
  private static final String NAME_START = "(?<![A-Za-z0-9_.])";

  private SecretPatterns() {}

  static List<PatternRule> all() {
    return List.of(
        // scheme://user:password@host: keep user and host, they say where the stack connected.
        // The password runs to the last @ before the path, so an unencoded @ in it cannot leak a
        // tail.
        PatternRule.simple(
            "url-password",
            List.of("://"),
            "\\b[A-Za-z][A-Za-z0-9+.\\-]{0,20}://[^:/?#@\\s]*:([^/?#\\s]+)@",
            1),
        PatternRule.simple(
            "aws-access-key", List.of("AKIA", "ASIA"), "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", 0),
        new PatternRule(
            List.of("secret"),
            true,
            Pattern.compile(
                "(?i)aws_?secret_?(?:access_?)?key[\"']?\\s*[:=]\\s*[\"']?"
                    + "([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
            List.of(1),
            m -> "aws-secret-key"),
        PatternRule.simple(
            "jwt",
            List.of("eyJ"),
            "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*",
            0),
        new PatternRule(
            List.of("authorization"),
            true,
            Pattern.compile(
                "(?i)\\b(?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?"
                    + "(bearer\\s+|basic\\s+|token\\s+|digest\\s+|negotiate\\s+|apikey\\s+)?"
                    + "([^\\s\"',;]+)"),
            List.of(2),
            SecretPatterns::authorizationKind),
        new PatternRule(
            List.of("bearer"),
            true,
            Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9\\-._~+/]+=*)"),
            List.of(1),
            SecretPatterns::bearerKind),
        PatternRule.simple(
            "github-token",
            List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            "\\b(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b",
            0),
        PatternRule.simple("slack-token", List.of("xox"), "\\bxox[baprs]-[A-Za-z0-9-]{10,}", 0),
        PatternRule.simple(
            "slack-webhook",
            List.of("hooks.slack.com"),
            "hooks\\.slack\\.com/services/([A-Za-z0-9/_-]+)",
            1),
        new PatternRule(
            List.of("sk-"),
            false,
            Pattern.compile("\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"),
            List.of(0),
            m -> hasDigit(m.group()) ? "openai-key" : null),
        PatternRule.simple(
            "stripe-key",
            List.of("k_live_", "k_test_"),
            "\\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}",
            0),
        PatternRule.simple("google-api-key", List.of("AIza"), "\\bAIza[0-9A-Za-z_-]{35}", 0),
        assignment());
  }

  /**
   * {@code NAME=value}, {@code name: value}, {@code "name": "value"} (also inside escaped JSON),
   * {@code --name=value}: masks the value by the name's last word, see {@link
   * SecretLikeness#nameKind}.
   */
  private static PatternRule assignment() {
    String name = "(\\\\?[\"']?)([A-Za-z][A-Za-z0-9_.\\-]{0,80})\\1";
    // Bounded, so that a rejected match (retried one char further on) stays cheap on a
    // pathological line such as "key=key=key=...".
    String value =
        "(?:\\\\?\"((?:[^\"\\\\]|\\\\[^\"]){0,1024}?)\\\\?\"|'([^']{0,1024})'"
            + "|([^\\s\"'\\\\,;&}\\]]{1,1024}))";
    return new PatternRule(
        List.of("key", "token", "secret", "pass", "pwd", "credential", "signature", "salt"),
        true,
        Pattern.compile(NAME_START + name + "\\s*[:=]\\s*" + value),
        List.of(3, 4, 5),
        SecretPatterns::assignmentKind);
  }

  private static String assignmentKind(MatchResult m) {
    NameKind kind = SecretLikeness.nameKind(m.group(2));
    String value = firstNonNull(m.group(3), m.group(4), m.group(5));
    if (value == null || value.isEmpty() || isPlaceholder(value)) {
      return null;
    }
    return switch (kind) {
      case PASSWORD -> "password";
      case KEY -> SecretLikeness.isHighEntropy(value) ? "secret" : null;
      case NONE -> null;
    };
  }

  /** Values that stand for "no value here" rather than a credential. */
  private static boolean isPlaceholder(String value) {
    if (value.startsWith("${") || value.startsWith(PatternRule.PREFIX)) {
      return true;
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("null") || v.equals("none") || v.equals("nil") || v.equals("undefined")) {
      return true;
    }
    return value.chars().allMatch(c -> c == '*');
  }

  private static String authorizationKind(MatchResult m) {
    String token = m.group(2);
    boolean scheme = m.group(1) != null;
    return scheme || token.length() >= 8 ? "authorization" : null;
  }

  /**
   * A bearer token has digits or symbols, or is long: this keeps prose such as "missing bearer
   * authentication" readable.
   */
  private static String bearerKind(MatchResult m) {
    String token = m.group(1);
    if (token.length() < 8) {
      return null;
    }
    boolean mixed = token.chars().anyMatch(c -> !Character.isLetter(c));
    return mixed || token.length() >= 24 ? "bearer-token" : null;
  }

  private static boolean hasDigit(String s) {
    return s.chars().anyMatch(Character::isDigit);
  }

  private static String firstNonNull(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
