package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The look-alike classes: values that stand where a secret could, and names that announce none. */
class ValueShapeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "**",
        "***",
        "********",
        "<redacted>",
        "[FILTERED]",
        "(hidden)",
        "REDACTED",
        "null",
        "None",
        "YOUR_API_KEY",
        "<your-token>",
        "sk-...a1B2",
        "ab****yz",
        "xxxxxxxx",
        "~",
        "$API_KEY",
        "${TOKEN}",
        "$(cat /run/secrets/x)",
        "`cat /etc/key`",
        "%DB_PASS%",
        "{{ .Values.db.password }}",
        "#{ENV['DB_PASSWORD']}",
        "%(password)s",
        ":password"
      })
  void maskedPlaceholderAndReferenceValuesAreNotSecrets(String value) {
    assertThat(ValueShape.isNotASecret(value)).as("\"%s\" gives nothing away", value).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "os.environ[", "settings.SECRET_KEY", "getpass(", "process.env.API_KEY", "self.password",
        "config.get(", "DB_PASSWORD", "str", "Optional[str]", "vault.read("
      })
  void sourceCodeReadingASecretIsNotASecret(String value) {
    assertThat(ValueShape.isCodeExpression(value)).as("\"%s\" is code", value).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2(", "Summer.Sale2024", "q8W2e4R6t8Y0u2I4o6P8", "p@ss:word"})
  void literalsAreNotCode(String value) {
    assertThat(ValueShape.isCodeExpression(value)).as("\"%s\" is a literal", value).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "user_profile", "reports/2024/01.csv", "session:42", "orders.created", "tenant-42",
        "created_at", "checkout.button.pay", "userProfile", "HTTPServer", "v2"
      })
  void namesAndPathsAreWordsAndNumbers(String value) {
    assertThat(ValueShape.isWordsAndNumbers(value)).as("\"%s\" is a name", value).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q8W2e4R6t8Y0u2I4o6P8",
        "3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b",
        "aBcDeFgH",
        "supersecretvalue"
      })
  void randomValuesAreNotWordsAndNumbers(String value) {
    assertThat(ValueShape.isWordsAndNumbers(value)).as("\"%s\" looks random", value).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "schemaKey",
        "bucket_key",
        "nextPageToken",
        "public_key",
        "primary_key",
        "sort_key",
        "cache_key",
        "routing_key",
        "idempotency_key",
        "cancellationToken",
        "token_count",
        "max_tokens",
        "secret_name",
        "key_name",
        "STRIPE_PUBLISHABLE_KEY",
        "RECAPTCHA_SITE_KEY"
      })
  void harmlessNamesAnnounceNoSecret(String name) {
    assertThat(SecretLikeness.nameKind(name))
        .as("\"%s\" names no credential", name)
        .isEqualTo(SecretLikeness.NameKind.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "API_KEY",
        "client_secret",
        "SECRET_KEY_BASE",
        "JWT_SECRET_2",
        "x-auth-token",
        "sig"
      })
  void credentialNamesAreKeys(String name) {
    assertThat(SecretLikeness.nameKind(name))
        .as("\"%s\" names a credential", name)
        .isEqualTo(SecretLikeness.NameKind.KEY);
  }
}
