package dev.stagegate.report.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Credentials in the shapes of well-known configuration files, as they appear when a container
 * prints or dumps one: {@code .npmrc} ({@code //registry.npmjs.org/:_authToken=…}, {@code _auth},
 * {@code _password}), Docker's {@code config.json} ({@code "auth": "<base64 user:password>"}) and a
 * base64 JSON document holding credentials ({@code .dockerconfigjson}, a service-account key),
 * {@code .netrc} ({@code machine h login u password p}), {@code .pgpass} ({@code
 * host:port:db:user:password}), {@code redis.conf} ({@code requirepass}, {@code masterauth}), an
 * Oracle JDBC URL ({@code jdbc:oracle:thin:user/password@host}) and XML such as Maven's {@code
 * settings.xml} ({@code <password>…</password>}).
 */
final class ConfigFileSecrets {
  private static final Pattern CREDENTIAL_JSON =
      Pattern.compile(
          "(?i)\"(?:auths?|password|passwd|token|secret|private_key|client_secret|"
              + "identitytoken|access_token|refresh_token|api_key)\"");

  private ConfigFileSecrets() {}

  static List<PatternRule> all() {
    return List.of(
        new PatternRule(
            List.of("_auth", "_password"),
            false,
            Pattern.compile(
                "(?<![A-Za-z0-9])_(?:authToken|auth|password)\\s*[=:]\\s*[\"']?([^\\s\"']{1,2048})"),
            List.of(1),
            m -> ValueShape.isNotASecret(m.group(1)) ? null : "npm-token"),
        new PatternRule(
            List.of("\"auth"),
            false,
            Pattern.compile("\\\\?\"auth\\\\?\"\\s*:\\s*\\\\?\"([A-Za-z0-9+/]{6,}={0,2})\\\\?\""),
            List.of(1),
            m -> "docker-auth"),
        new PatternRule(
            List.of("eyJ", "ewo", "ewog"),
            false,
            Pattern.compile(
                "(?<![A-Za-z0-9+/])(?:eyJ|ewo)[A-Za-z0-9+/]{30,16384}={0,2}(?![A-Za-z0-9+/=])"),
            List.of(0),
            ConfigFileSecrets::base64JsonKind),
        // A PEM private key in base64 (a Kubernetes secret's tls.key, a JSON field).
        new PatternRule(
            List.of("LS0tLS1CRUdJTi"),
            false,
            Pattern.compile("(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,16384}={0,2}"),
            List.of(0),
            ConfigFileSecrets::base64PemKind),
        new PatternRule(
            List.of("password"),
            true,
            Pattern.compile(
                "(?i)(?:\\bmachine\\s+\\S+(?:\\s+login\\s+\\S+)?\\s+|^\\s*(?:login\\s+\\S+\\s+)?)"
                    + "password\\s+(\\S+)\\s*(?:$|\\s+(?:machine|login|account|default)\\b)"),
            List.of(1),
            m -> ValueShape.isNotASecret(m.group(1)) ? null : "password"),
        new PatternRule(
                List.of(":"),
                false,
                Pattern.compile(
                    "^\\s*[A-Za-z0-9.*_-]+:(?:\\d{2,5}|\\*):[^:\\s]+:[^:\\s]+:(\\S+)\\s*$"),
                List.of(1),
                m -> ValueShape.isNotASecret(m.group(1)) ? null : "password")
            // A .pgpass line has no space inside it; a log line always has.
            .gatedBy(line -> line.strip().indexOf(' ') < 0),
        new PatternRule(
            List.of("requirepass", "masterauth"),
            false,
            Pattern.compile("\\b(?:requirepass|masterauth)\\s+[\"']?([^\\s\"']+)"),
            List.of(1),
            m -> ValueShape.isNotASecret(m.group(1)) ? null : "password"),
        new PatternRule(
            List.of("jdbc:oracle:"),
            false,
            Pattern.compile("jdbc:oracle:[a-z]+:[^/\\s@:]+/([^@\\s]+)@"),
            List.of(1),
            m -> ValueShape.isNotASecret(m.group(1)) ? null : "password"),
        new PatternRule(
            List.of("</"),
            false,
            Pattern.compile("<([A-Za-z][A-Za-z0-9:_.-]{0,60})>([^<]{1,2048})</\\1>"),
            List.of(2),
            ConfigFileSecrets::xmlKind));
  }

  private static String base64JsonKind(MatchResult m) {
    String text = m.group();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(padded(text));
    } catch (IllegalArgumentException e) {
      return null;
    }
    String json = new String(bytes, StandardCharsets.UTF_8);
    return CREDENTIAL_JSON.matcher(json).find() ? "base64-credentials" : null;
  }

  private static String base64PemKind(MatchResult m) {
    try {
      String text =
          new String(Base64.getDecoder().decode(padded(m.group())), StandardCharsets.UTF_8);
      return text.contains("PRIVATE KEY") ? PemBlocks.KIND : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String padded(String base64) {
    String b = base64.replace("=", "");
    return b + "=".repeat((4 - b.length() % 4) % 4);
  }

  private static String xmlKind(MatchResult m) {
    String element = m.group(1);
    String value = m.group(2).strip();
    String local = element.substring(element.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
    return switch (SecretLikeness.nameKind(local)) {
      case PASSWORD -> SecretLikeness.isPasswordValue(local, value) ? "password" : null;
      case KEY -> SecretLikeness.hasSecretShape(value) ? "secret" : null;
      case NONE -> null;
    };
  }
}
