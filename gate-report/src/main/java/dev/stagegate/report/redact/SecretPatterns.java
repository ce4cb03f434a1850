package dev.stagegate.report.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secret shapes {@link Redactor#defaults()} recognises, in the order they are applied. Specific
 * shapes come first so they give the more precise label; the generic name-based assignment rule
 * comes last.
 */
final class SecretPatterns {
  private SecretPatterns() {}

  static List<LineRule> all() {
    List<LineRule> rules = new ArrayList<>();
    rules.add(TokenFormats.scanner());
    rules.addAll(TokenFormats.unprefixed());
    rules.add(
        PatternRule.simple(
            "jwt",
            List.of("eyJ"),
            // Not a JWT shortened for display ("eyJhbGciOi.eyJzdWIi..."): that gives nothing away.
            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*(?!\\.\\.|…)",
            0));
    rules.addAll(ConfigFileSecrets.all());
    rules.addAll(UrlSecrets.all());
    rules.addAll(AuthHeaders.all());
    rules.addAll(NameValuePairs.all());
    rules.add(awsSecretKeyByName());
    rules.addAll(CommandSecrets.all());
    rules.add(sqlPassword());
    rules.add(awsSecretKeyBesideAccessKey());
    rules.add(azureStorageKey());
    rules.add(prefixedToken());
    rules.add(phrase());
    rules.add(tableRow());
    rules.add(new Assignments());
    return List.copyOf(rules);
  }

  /**
   * A secret named in words rather than by an identifier, as tools print it: {@code API key: …},
   * {@code Your access token is …}, {@code client secret = …}.
   */
  private static PatternRule phrase() {
    List<String> qualifiers =
        List.of(
            "api",
            "access",
            "secret",
            "auth",
            "bearer",
            "personal access",
            "client",
            "private",
            "session",
            "refresh",
            "app",
            "application",
            "master",
            "signing",
            "encryption",
            "service account",
            "deploy",
            "bot",
            "webhook");
    List<String> markers = new ArrayList<>();
    for (String q : qualifiers) {
      for (String noun : List.of(" key", " token", " secret")) {
        markers.add(q + noun);
      }
    }
    return new PatternRule(
        markers,
        true,
        Pattern.compile(
            "(?i)\\b(?:"
                + String.join("|", qualifiers)
                + ") (?:key|token|secret)\\s*(?:is:?|:|=)\\s*[\"'`]?([^\\s\"'`,;]{8,512})"),
        List.of(1),
        m -> SecretLikeness.hasSecretShape(m.group(1)) ? "secret" : null);
  }

  /**
   * A two-column row as CLIs print settings ({@code vault kv get}, {@code aws configure list},
   * {@code kubectl describe secret}): a name, two or more spaces, one value and nothing else.
   */
  private static PatternRule tableRow() {
    return new PatternRule(
        List.of("key", "token", "secret", "pass", "pwd", "credential", "auth"),
        true,
        // Also with | borders, as aws --output table prints: |  SecretAccessKey |  …  |
        Pattern.compile(
            "^\\s*\\|?\\s*([A-Za-z][A-Za-z0-9_.-]{0,60})(?:\\s*\\|\\s*|\\s{2,})(\\S+)\\s*\\|?\\s*$"),
        List.of(2),
        m ->
            switch (SecretLikeness.nameKind(m.group(1))) {
              case PASSWORD ->
                  SecretLikeness.isPasswordValue(m.group(1), m.group(2)) ? "password" : null;
              case KEY -> SecretLikeness.hasSecretShape(m.group(2)) ? "secret" : null;
              case NONE -> null;
            });
  }

  /**
   * A password in SQL, as a database logs a statement: {@code CREATE USER app WITH PASSWORD '…'},
   * {@code ALTER USER … IDENTIFIED BY '…'}, {@code SET PASSWORD … = PASSWORD('…')}.
   */
  private static PatternRule sqlPassword() {
    return new PatternRule(
        List.of("password", "identified"),
        true,
        Pattern.compile(
            "(?i)\\b(?:(?:with|encrypted)\\s+password|identified\\s+(?:with\\s+\\S+\\s+)?by"
                + "|password\\s*\\()\\s*'([^']{1,512})'"),
        List.of(1),
        m -> ValueShape.isNotASecret(m.group(1)) ? null : "password");
  }

  /** {@code aws_secret_access_key = …}, also with a space only, as {@code aws configure} prints. */
  private static PatternRule awsSecretKeyByName() {
    return new PatternRule(
        List.of("secret"),
        true,
        Pattern.compile(
            "(?i)aws_?secret_?(?:access_?)?key\\\\?[\"']?\\s*[:=\\s]\\s*\\\\?[\"']?"
                + "([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
        List.of(1),
        m -> "aws-secret-key");
  }

  /**
   * A 40-char secret key on the same line as an access key id (a credentials CSV, {@code aws
   * configure list}): mixed case, so a 40-char git SHA (lower-case hex) stays.
   */
  private static PatternRule awsSecretKeyBesideAccessKey() {
    return new PatternRule(
        List.of("[REDACTED:aws-access-key]"),
        false,
        Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
        List.of(0),
        m -> {
          String v = m.group();
          boolean upper = v.chars().anyMatch(Character::isUpperCase);
          boolean lower = v.chars().anyMatch(Character::isLowerCase);
          return upper && lower && SecretLikeness.shannonBits(v) >= 4.0 ? "aws-secret-key" : null;
        });
  }

  /**
   * An Azure storage account key by its shape (88 chars of base64 ending in {@code ==}) on a line
   * that speaks of keys, as {@code az storage account keys list} prints it under {@code "value"}; a
   * {@code sha512-} integrity hash of the same shape stays.
   */
  private static PatternRule azureStorageKey() {
    return new PatternRule(
            List.of("key"),
            true,
            Pattern.compile("(?<![A-Za-z0-9+/=-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])"),
            List.of(0),
            m -> SecretLikeness.looksLikeTokenBody(m.group()) ? "azure-storage-key" : null)
        .gatedByRun(16);
  }

  /**
   * A token of a format not in {@link TokenFormats} but of the shape vendors use: a lower-case
   * prefix of 2 to 12 letters (optionally two words) and an underscore, then 32 or more random
   * chars with upper case, lower case and digits. Ids such as Stripe's {@code cus_…} (14 chars) and
   * lower-case hex ids stay.
   */
  private static PatternRule prefixedToken() {
    return new PatternRule(
            List.of("_"),
            false,
            Pattern.compile(
                "(?<![A-Za-z0-9_-])[a-z][a-z0-9]{1,11}(?:_[a-z]{2,8})?_([A-Za-z0-9]{32,})(?![A-Za-z0-9_-])"),
            List.of(0),
            m -> {
              String body = m.group(1);
              boolean upper = body.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
              boolean lower = body.chars().anyMatch(c -> c >= 'a' && c <= 'z');
              boolean digit = body.chars().anyMatch(c -> c >= '0' && c <= '9');
              return upper && lower && digit && SecretLikeness.shannonBits(body) >= 4.0
                  ? "token"
                  : null;
            })
        .gatedByRun(32);
  }
}
