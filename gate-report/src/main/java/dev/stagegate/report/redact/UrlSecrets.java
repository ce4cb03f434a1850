package dev.stagegate.report.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Secrets carried by URLs: the password of {@code scheme://user:password@host}, credentials in the
 * query ({@code ?sig=…}, {@code &access_token=…}, {@code X-Amz-Signature=…}) and tokens that
 * webhook and bot URLs carry in their path (Slack, Discord, Microsoft Teams, Telegram, Zapier,
 * Mattermost, IFTTT). The host, the path up to the secret and the other parameters stay, because
 * they say where the stack connected.
 */
final class UrlSecrets {
  /** Query parameter names that hold a credential whatever the rest of their name says. */
  private static final Set<String> CREDENTIAL_PARAMS =
      Set.of(
          "sig",
          "sign",
          "signature",
          "x-amz-signature",
          "x-goog-signature",
          "x-amz-security-token",
          "x-goog-credential",
          "token",
          "access_token",
          "accesstoken",
          "auth",
          "auth_token",
          "authtoken",
          "key",
          "apikey",
          "api_key",
          "api-key",
          "secret",
          "client_secret",
          "jwt",
          "session",
          "sessionid",
          "session_id",
          "sid",
          "sas",
          "hmac",
          "private_token",
          "id_token",
          "refresh_token",
          "code_verifier",
          "password",
          "passwd",
          "pwd",
          "pass");

  private static final Pattern PORT_AND_PATH = Pattern.compile("\\d{1,5}(?:[/?#].*)?");

  private UrlSecrets() {}

  static List<PatternRule> all() {
    return List.of(
        // The password runs to the last @ before the path, so an unencoded @ in it cannot leak a
        // tail; a value already masked by the program that printed it (guest:**@mq) stays.
        new PatternRule(
            List.of("://"),
            false,
            // A generated password may hold / and + (base64); a port followed by a path to an @
            // (https://registry:443/@scope/pkg) is no password.
            Pattern.compile("://[^:/?#\\s]{0,256}:([^\\s\"'<>]{1,256})@"),
            List.of(1),
            m ->
                ValueShape.isNotASecret(m.group(1)) || PORT_AND_PATH.matcher(m.group(1)).matches()
                    ? null
                    : "url-password"),
        // https://<token>@github.com/…: a token as the user name, no password.
        new PatternRule(
            List.of("://"),
            false,
            Pattern.compile("://([A-Za-z0-9_-]{20,256})@[A-Za-z0-9.-]"),
            List.of(1),
            m -> SecretLikeness.looksLikeTokenBody(m.group(1)) ? "url-token" : null),
        webhook(
            "slack-webhook",
            "hooks.slack.com",
            "hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9/_-]+)"),
        webhook(
            "discord-webhook",
            "/api/webhooks/",
            "discord(?:app)?\\.com/api/webhooks/\\d+/([A-Za-z0-9_-]{20,})"),
        webhook(
            "teams-webhook",
            "webhook",
            "(?:webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/([^\\s\"'<>]+)"),
        webhook("telegram-bot-token", "/bot", "/bot(\\d{5,12}:[A-Za-z0-9_-]{20,})"),
        webhook(
            "zapier-webhook",
            "hooks.zapier.com",
            "hooks\\.zapier\\.com/hooks/catch/\\d+/([A-Za-z0-9]+)"),
        webhook(
            "ifttt-key",
            "ifttt.com",
            "maker\\.ifttt\\.com/(?:trigger/[^/\\s]+/with/)?key/([A-Za-z0-9_-]+)"),
        new PatternRule(
            List.of("/hooks/"),
            false,
            Pattern.compile("/hooks/([a-z0-9]{26})(?![A-Za-z0-9])"),
            List.of(1),
            m -> SecretLikeness.looksLikeTokenBody(m.group(1)) ? "webhook-token" : null),
        new PatternRule(
            List.of("?", "&"),
            false,
            Pattern.compile("[?&;]([A-Za-z][A-Za-z0-9_.\\-]{0,60})=([^&#\\s\"'<>\\\\]{1,1024})"),
            List.of(2),
            UrlSecrets::queryKind));
  }

  private static PatternRule webhook(String kind, String marker, String regex) {
    return new PatternRule(
        List.of(marker),
        false,
        Pattern.compile(regex),
        List.of(1),
        // A documentation placeholder (services/XXX/YYY/ZZZ) has no random part.
        m ->
            ValueShape.isNotASecret(m.group(1)) || !SecretLikeness.looksLikeTokenBody(m.group(1))
                ? null
                : kind);
  }

  private static String queryKind(MatchResult m) {
    String name = m.group(1);
    String value = m.group(2);
    String lower = name.toLowerCase(Locale.ROOT);
    SecretLikeness.NameKind kind = SecretLikeness.nameKind(name);
    if (kind == SecretLikeness.NameKind.NONE && !CREDENTIAL_PARAMS.contains(lower)) {
      return null;
    }
    if (kind == SecretLikeness.NameKind.PASSWORD
        || lower.equals("password")
        || lower.equals("pwd")
        || lower.equals("pass")) {
      return SecretLikeness.isPasswordValue(name, value) ? "url-password" : null;
    }
    return isEncodedSecret(value) || SecretLikeness.hasSecretShape(value) ? "url-secret" : null;
  }

  /** A URL-encoded base64 value ({@code %2B}, {@code %2F}, {@code %3D}) of a signature length. */
  private static boolean isEncodedSecret(String value) {
    return value.length() >= 16 && value.contains("%") && !ValueShape.isNotASecret(value);
  }
}
