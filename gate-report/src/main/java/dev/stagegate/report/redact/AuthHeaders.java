package dev.stagegate.report.redact;

import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * HTTP credentials in headers: {@code Authorization} and {@code Proxy-Authorization} with any
 * scheme ({@code Bearer}, {@code Basic}, {@code Token}, {@code SSWS}, {@code Bot}, {@code
 * Api-Token}, {@code Digest username=…, response=…}, {@code AWS4-HMAC-SHA256 Credential=…,
 * Signature=…}, or none), API-key headers named like {@code X-…-Api}, {@code X-…-Auth}, and a
 * bearer token quoted in prose. The scheme stays (it says how the client authenticated); the
 * credentials go. Credentials that are a shell variable, a template or already masked stay.
 */
final class AuthHeaders {
  private static final String HEADER =
      "(?i)(?<![A-Za-z0-9_-])(?:proxy-|x-)?authorization\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?";

  /** Schemes whose credentials are a list of parameters, possibly with spaces and quotes. */
  private static final String PARAM_SCHEMES =
      "(?:digest|oauth|hawk|mac|aws4-hmac-sha256|goog4-rsa-sha256|signature|sharedkey|sharedkeylite)";

  private AuthHeaders() {}

  static List<PatternRule> all() {
    return List.of(
        new PatternRule(
            List.of("authorization"),
            true,
            Pattern.compile(HEADER + PARAM_SCHEMES + "\\s+([^'\\r\\n]{1,2048})"),
            List.of(1),
            m -> ValueShape.isNotASecret(m.group(1)) ? null : "authorization"),
        new PatternRule(
            List.of("authorization"),
            true,
            Pattern.compile(HEADER + "(?:([A-Za-z][A-Za-z0-9-]{1,23})\\s+)?([^\\s\"'\\\\,;]+)"),
            List.of(2),
            AuthHeaders::authorizationKind),
        new PatternRule(
            List.of("x-"),
            true,
            Pattern.compile(
                "(?i)(?<![A-Za-z0-9_-])(x-[A-Za-z0-9-]*-(?:api|auth|apikey|credentials?|session|"
                    + "access|sessionid))\\\\?[\"']?\\s*:\\s*\\\\?[\"']?([^\\s\"'\\\\,;]+)"),
            List.of(2),
            m -> SecretLikeness.hasSecretShape(m.group(2)) ? "api-key" : null),
        // Cookie: _gitlab_session=…; remember_user_token=…: session cookies are credentials.
        new PatternRule(
            List.of("cookie"),
            true,
            Pattern.compile(
                "(?i)(?<=[:;,]|[:;,]\\s)([A-Za-z0-9_.-]*(?:session|sess|sid|token|auth|jwt|remember)"
                    + "[A-Za-z0-9_.-]*)=([^;\\s\"',]{16,4096})"),
            List.of(2),
            m ->
                ValueShape.isNotASecret(m.group(2))
                        || !SecretLikeness.looksLikeTokenBody(m.group(2))
                    ? null
                    : "cookie"),
        new PatternRule(
            List.of("bearer"),
            true,
            Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9\\-._~+/]+=*)"),
            List.of(1),
            AuthHeaders::bearerKind));
  }

  private static String authorizationKind(MatchResult m) {
    String scheme = m.group(1);
    String credentials = m.group(2);
    if (ValueShape.isNotASecret(credentials)) {
      return null;
    }
    if (scheme != null) {
      String s = scheme.toLowerCase(Locale.ROOT);
      if (s.matches(PARAM_SCHEMES)) {
        return null; // the parameter rule masks these whole
      }
      // "Bearer token missing": a word is not a credential; anything with a digit, a symbol,
      // mixed case or of a token's length is.
      return credentials.length() >= 16 || !isLowerWord(credentials) ? "authorization" : null;
    }
    boolean random = SecretLikeness.looksLikeTokenBody(credentials);
    return credentials.length() >= 8 && random ? "authorization" : null;
  }

  /**
   * A bearer token has digits or symbols, or is long: this keeps prose such as "missing bearer
   * authentication" readable.
   */
  private static String bearerKind(MatchResult m) {
    String token = m.group(1);
    if (token.length() < 8 || ValueShape.isNotASecret(token)) {
      return null;
    }
    boolean mixed = token.chars().anyMatch(c -> !Character.isLetter(c));
    return mixed || token.length() >= 24 ? "bearer-token" : null;
  }

  private static boolean isLowerWord(String s) {
    return s.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }
}
