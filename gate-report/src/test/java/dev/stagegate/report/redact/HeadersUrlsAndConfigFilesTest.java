package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authorization schemes and API-key headers, secrets in URLs (userinfo, query, webhook paths),
 * configuration-file shapes (.npmrc, Docker config.json, .netrc, .pgpass, XML) and whole-value
 * masking of quoted values.
 */
class HeadersUrlsAndConfigFilesTest {
  private static String r(String line) {
    return Redactor.defaults().redact(line);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Authorization: Bearer q8W2e4R6t8Y0u2I4o6P8|Authorization: Bearer [REDACTED:authorization]",
        "Authorization: Basic YXBwOkh1bnQzcjI=|Authorization: Basic [REDACTED:authorization]",
        "Authorization: Token 0f1e2d3c4b5a6978|Authorization: Token [REDACTED:authorization]",
        "Authorization: SSWS 00q8W2e4R6t8Y0u2I4o6P8|Authorization: SSWS [REDACTED:authorization]",
        "Authorization: Bot MTk4NjIy.Cl2FMQ.q8W2e4|Authorization: Bot [REDACTED:authorization]",
        "Authorization: Api-Token q8W2e4R6t8Y0|Authorization: Api-Token [REDACTED:authorization]",
        "Authorization: Digest username=\"app\", response=\"0f1e2d3c\""
            + "|Authorization: Digest [REDACTED:authorization]",
        "X-Api-Key: q8W2e4R6t8Y0u2I4o6P8|X-Api-Key: [REDACTED:secret]",
        "X-Octopus-ApiKey: API-Q8W2E4R6T8Y0U2I4|X-Octopus-ApiKey: [REDACTED:api-key]",
        "X-Auth-Token: q8W2e4R6t8Y0u2I4o6P8|X-Auth-Token: [REDACTED:secret]",
        "Cookie: _gitlab_session=0a1b2c3d4e5f6a7b8c9d0e1f; theme=dark"
            + "|Cookie: _gitlab_session=[REDACTED:cookie]; theme=dark",
      })
  void headers(String line, String expected) {
    assertThat(r(line)).as("redacting \"%s\"", line).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://app:Hunt3r#2@db/shop|postgres://app:[REDACTED:url-password]@db/shop",
        "smtp://alerts@example.com:Hunt3r2x@smtp:587|smtp://alerts@example.com:[REDACTED:url-password]@smtp:587",
        "postgres://app:Xy/9+ab=@db/x|postgres://app:[REDACTED:url-password]@db/x",
        "GET /x?sv=2022&sig=AbC%2Bq8W2e4R6t8Y0%3D 403|GET /x?sv=2022&sig=[REDACTED:url-secret] 403",
        "GET /dl?token=q8W2e4R6t8Y0u2I4o6P8&expires=1 302|GET /dl?token=[REDACTED:url-secret]&expires=1 302",
        "s3?X-Amz-Signature=0f1e2d3c4b5a69788796a5b4|s3?X-Amz-Signature=[REDACTED:url-secret]",
        "POST https://api.telegram.org/bot123456789:AAq8W2e4R6t8Y0u2I4o6P8/sendMessage"
            + "|POST https://api.telegram.org/bot[REDACTED:telegram-bot-token]/sendMessage",
        "POST https://hooks.slack.com/services/T0/B0/q8W2e4R6"
            + "|POST https://hooks.slack.com/services/[REDACTED:slack-webhook]",
        "https://discord.com/api/webhooks/123456/q8W2e4R6t8Y0u2I4o6P8_x"
            + "|https://discord.com/api/webhooks/123456/[REDACTED:discord-webhook]",
      })
  void urls(String line, String expected) {
    assertThat(r(line)).as("redacting \"%s\"", line).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "//registry.npmjs.org/:_authToken=q8W2e4R6t8Y0|//registry.npmjs.org/:_authToken=[REDACTED:npm-token]",
        "{\"auths\": {\"r\": {\"auth\": \"YXBwOkh1bnQzcjI=\"}}}|{\"auths\": {\"r\": {\"auth\": \"[REDACTED:docker-auth]\"}}}",
        "machine api.example.com login me password Hunt3r2|machine api.example.com login me password [REDACTED:password]",
        "db.internal:5432:shop:app:Hunt3r2|db.internal:5432:shop:app:[REDACTED:password]",
        "<password>Hunt3r2</password>|<password>[REDACTED:password]</password>",
        "requirepass Hunt3r2|requirepass [REDACTED:password]",
        "{\"user\": \"app\", \"password\": \"a}b{c]d\"}|{\"user\": \"app\", \"password\": \"[REDACTED:password]\"}",
        "level=info password=ab}cd user=app|level=info password=[REDACTED:password] user=app",
        "Config(url=x, password=Hunt3r2)|Config(url=x, password=[REDACTED:password])",
        "\"password\"=>\"Hunt3r2\"|\"password\"=>\"[REDACTED:password]\"",
        "export SECRET_KEY_BASE=0f1e2d3c4b5a6978|export SECRET_KEY_BASE=[REDACTED:secret]",
        "api_key             q8W2e4R6t8Y0u2I4o6P8|api_key             [REDACTED:secret]",
        "SSHPASS=Hunt3r2x sshpass -e ssh host|SSHPASS=[REDACTED:password] sshpass -e ssh host",
        "Your new API key: 0f1e2d3c4b5a6978 (keep it)|Your new API key: [REDACTED:secret] (keep it)",
        "{\"name\": \"DB_PASSWORD\", \"value\": \"Hunt3r2\"}|{\"name\": \"DB_PASSWORD\", \"value\": \"[REDACTED:password]\"}",
        "<add key=\"ApiKey\" value=\"q8W2e4R6t8Y0u2I4\"/>|<add key=\"ApiKey\" value=\"[REDACTED:secret]\"/>",
      })
  void configFilesAndWholeValues(String line, String expected) {
    assertThat(r(line)).as("redacting \"%s\"", line).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void cliTablesWithBorders() {
    assertThat(r("|  SecretAccessKey |  q8W2e4R6t8Y0u2I4o6P8  |"))
        .isEqualTo("|  SecretAccessKey |  [REDACTED:secret]  |");
    assertThat(r("|  Region          |  eu-west-1             |"))
        .isEqualTo("|  Region          |  eu-west-1             |");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Authorization: Bearer $API_KEY",
        "Authorization: Bearer {{token}}",
        "Authorization: Bearer undefined",
        "Authorization: required",
        "WWW-Authenticate: Bearer realm=\"https://auth.docker.io/token\"",
        "authorization_endpoint=https://auth.example.com/authorize",
        "amqp://guest:**@rabbitmq:5672//",
        "postgresql://app:***@db/shop",
        "https://example.com/search?page=2&sort=asc",
        "GET http://api:8000?x=a@b 200",
        "ssh://git@host:22/repo@v1",
        "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXX/YYY/ZZZ",
        "GET https://registry.npmjs.org:443/@babel/core 200",
        "GET /oauth/callback?state=xyz&token_type=bearer 302",
        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
        "DATABASE_URL=postgres://app:${DB_PASSWORD}@db/shop",
        "-e POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-postgres}",
        "Parameters: {\"password\"=>\"[FILTERED]\"}",
        "X-Hub-Signature: sha1=0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4",
        "token_accessor      q8W2e4R6t8Y0u2I4o6P8",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx...",
        "Bad window token: android.os.BinderProxy@2bd79ce",
        "wtoken = AppWindowToken{9f4ef63 token=Token{a64f992 ActivityRecord{de9231d}}}",
        "{\"name\": \"LOG_LEVEL\", \"value\": \"debug\"}",
        "integrity sha512-q8W2e4R6t8Y0u2I4o6P8q8W2e4R6t8Y0u2I4o6P8q8W2e4R6t8Y0u2I4o6P8q8W2e4R6t8Y0u2I4o6P8abcdef=="
      })
  void lookAlikesStay(String line) {
    assertThat(r(line)).as("\"%s\" holds no secret", line).isEqualTo(line);
  }
}
