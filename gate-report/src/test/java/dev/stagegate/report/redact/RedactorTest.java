package dev.stagegate.report.redact;

import static dev.stagegate.report.redact.FakeSecrets.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private final Redactor redactor = Redactor.defaults();

  private String r(String text) {
    return redactor.redact(text);
  }

  @Test
  void awsKeys() {
    assertThat(r("using key " + AWS_ACCESS_KEY + " for s3"))
        .isEqualTo("using key [REDACTED:aws-access-key] for s3");
    assertThat(r("ASIA" + "ABCDEFGHIJKLMNOP expired")).startsWith("[REDACTED:aws-access-key]");
    assertThat(r("AWS_SECRET_ACCESS_KEY=" + AWS_SECRET_KEY))
        .isEqualTo("AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-key]");
    assertThat(r("aws_secret_access_key = \"" + AWS_SECRET_KEY + "\""))
        .isEqualTo("aws_secret_access_key = \"[REDACTED:aws-secret-key]\"");
  }

  @Test
  void bearerTokensAndAuthorizationHeaders() {
    assertThat(r("Authorization: Bearer " + BEARER))
        .isEqualTo("Authorization: Bearer [REDACTED:authorization]");
    assertThat(r("curl -H 'authorization: Basic dXNlcjpwYXNzd29yZA=='"))
        .isEqualTo("curl -H 'authorization: Basic [REDACTED:authorization]'");
    assertThat(r("sending bearer " + BEARER + " upstream"))
        .isEqualTo("sending bearer [REDACTED:bearer-token] upstream");
    assertThat(r("401: missing bearer authentication"))
        .isEqualTo("401: missing bearer authentication");
  }

  @Test
  void jwt() {
    assertThat(r("token=" + JWT + " ok")).isEqualTo("token=[REDACTED:jwt] ok");
    assertThat(r("Authorization: Bearer " + JWT)).isEqualTo("Authorization: Bearer [REDACTED:jwt]");
  }

  @Test
  void urlPasswordKeepsUserAndHost() {
    assertThat(r("connecting to postgres://app:" + URL_PASSWORD + "@db:5432/shop"))
        .isEqualTo("connecting to postgres://app:[REDACTED:url-password]@db:5432/shop");
    assertThat(r("redis://:" + URL_PASSWORD + "@cache:6379/0"))
        .isEqualTo("redis://:[REDACTED:url-password]@cache:6379/0");
    // An unencoded @ in the password must not leave its tail behind.
    assertThat(r("amqp://guest:p@ss" + URL_PASSWORD + "@mq/"))
        .isEqualTo("amqp://guest:[REDACTED:url-password]@mq/");
    assertThat(r("GET http://api:8000/health?x=a@b 200"))
        .isEqualTo("GET http://api:8000/health?x=a@b 200");
  }

  @Test
  void vendorTokens() {
    assertThat(r("push with " + GITHUB_TOKEN)).isEqualTo("push with [REDACTED:github-token]");
    assertThat(r(GITHUB_PAT)).isEqualTo("[REDACTED:github-token]");
    assertThat(r("slack " + SLACK_TOKEN)).isEqualTo("slack [REDACTED:slack-token]");
    assertThat(r("POST https://hooks.slack.com/services/T04AB12CD/B05EF34GH/q8W2e4R6t8Y0u2I4"))
        .isEqualTo("POST https://hooks.slack.com/services/[REDACTED:slack-webhook]");
    assertThat(r("openai key " + OPENAI_KEY)).isEqualTo("openai key [REDACTED:openai-key]");
    assertThat(r("maps key=" + GOOGLE_KEY)).isEqualTo("maps key=[REDACTED:google-api-key]");
    assertThat(r("sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc")).isEqualTo("[REDACTED:stripe-key]");
  }

  @Test
  void assignmentsInEnvJsonYamlAndFlags() {
    assertThat(r("DB_PASSWORD=" + DB_PASSWORD)).isEqualTo("DB_PASSWORD=[REDACTED:password]");
    assertThat(r("export API_KEY=\"" + API_KEY_VALUE + "\""))
        .isEqualTo("export API_KEY=\"[REDACTED:secret]\"");
    assertThat(r("{\"user\": \"app\", \"api_key\": \"" + API_KEY_VALUE + "\"}"))
        .isEqualTo("{\"user\": \"app\", \"api_key\": \"[REDACTED:secret]\"}");
    assertThat(r("  client_secret: " + API_KEY_VALUE))
        .isEqualTo("  client_secret: [REDACTED:secret]");
    assertThat(r("level=info msg=login password=" + DB_PASSWORD + " user=app"))
        .isEqualTo("level=info msg=login password=[REDACTED:password] user=app");
    assertThat(r("app --db-password=" + DB_PASSWORD))
        .isEqualTo("app --db-password=[REDACTED:password]");
    assertThat(r("GET /cb?code=1&access_token=" + API_KEY_VALUE + "&state=x"))
        .isEqualTo("GET /cb?code=1&access_token=[REDACTED:url-secret]&state=x");
    // JSON inside a JSON string, as structured loggers print it.
    assertThat(r("{\"msg\":\"{\\\"password\\\": \\\"" + DB_PASSWORD + "\\\"}\"}"))
        .isEqualTo("{\"msg\":\"{\\\"password\\\": \\\"[REDACTED:password]\\\"}\"}");
  }

  @Test
  void passwordsAreMaskedEvenWhenShortButPlaceholdersStay() {
    assertThat(r("POSTGRES_PASSWORD=abc")).isEqualTo("POSTGRES_PASSWORD=[REDACTED:password]");
    assertThat(r("password: null")).isEqualTo("password: null");
    assertThat(r("PASSWORD=")).isEqualTo("PASSWORD=");
    assertThat(r("password=\"\"")).isEqualTo("password=\"\"");
    assertThat(r("DB_PASSWORD=${DB_PASSWORD}")).isEqualTo("DB_PASSWORD=${DB_PASSWORD}");
    assertThat(r("password=*****")).isEqualTo("password=*****");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "token_count=12",
        "max_tokens: 512",
        "GET /api/v1/keys 200",
        "request_id=3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b",
        "cache key=user:42:profile hit",
        "API_KEY=short",
        "api_key: aaaaaaaaaaaa",
        "sort_key=created_at",
        "INFO listening on :8000",
        "bypass=true",
        "-----BEGIN CERTIFICATE-----",
        "the task-runner-1234567890abcdefghij started",
        "2024-05-01T12:00:00Z INFO GET /health 200 1.2ms",
        "Authorization failed for user app",
      })
  void benignTextSurvives(String line) {
    assertThat(r(line)).isEqualTo(line);
  }

  @Test
  void pemKeyInWholeText() {
    String text = "loaded key:\n" + pem() + "\nserver started";
    assertThat(r(text)).isEqualTo("loaded key:\n" + repeatRedacted(5) + "\nserver started");
  }

  @Test
  void pemKeyOnOneLineWithEscapes() {
    String json = "{\"private_key\": \"" + pem().replace("\n", "\\n") + "\\n\", \"ok\": true}";
    assertThat(r(json)).isEqualTo("{\"private_key\": \"[REDACTED:private-key]\\n\", \"ok\": true}");
  }

  @Test
  void pemKeyAcrossLogLinesWithPrefixes() {
    List<String> lines = new ArrayList<>();
    lines.add("2024-05-01 INFO boot");
    for (String l : pem().split("\n")) {
      lines.add("2024-05-01 DEBUG " + l);
    }
    lines.add("2024-05-01 INFO ready");
    assertThat(redactor.redactLines(lines))
        .containsExactly(
            "2024-05-01 INFO boot",
            "2024-05-01 DEBUG [REDACTED:private-key]",
            "2024-05-01 DEBUG [REDACTED:private-key]",
            "2024-05-01 DEBUG [REDACTED:private-key]",
            "2024-05-01 DEBUG [REDACTED:private-key]",
            "2024-05-01 DEBUG [REDACTED:private-key]",
            "2024-05-01 INFO ready");
  }

  @Test
  void truncatedPemKeyDoesNotSwallowTheLog() {
    List<String> lines =
        List.of("-----BEGIN RSA PRIVATE KEY-----", PEM_BODY_1, "INFO server started on :8000");
    assertThat(redactor.redactLines(lines))
        .containsExactly(
            "[REDACTED:private-key]", "[REDACTED:private-key]", "INFO server started on :8000");
  }

  @Test
  void aValueOnTheLineAfterItsNameIsMaskedByThatName() {
    assertThat(
            redactor.redactLines(
                List.of(
                    "        - name: DB_PASSWORD",
                    "          value: " + DB_PASSWORD,
                    "        - name: LOG_LEVEL",
                    "          value: debug",
                    "        - name: API_KEY",
                    "          valueFrom:")))
        .containsExactly(
            "        - name: DB_PASSWORD",
            "          value: [REDACTED:password]",
            "        - name: LOG_LEVEL",
            "          value: debug",
            "        - name: API_KEY",
            "          valueFrom:");
    assertThat(r("{\n  \"name\": \"API_TOKEN\",\n  \"value\": \"" + API_KEY_VALUE + "\"\n}"))
        .isEqualTo("{\n  \"name\": \"API_TOKEN\",\n  \"value\": \"[REDACTED:secret]\"\n}");
  }

  @Test
  void knownValuesAreMaskedExactlyWithTheirName() {
    Redactor withEnv =
        Redactor.defaults()
            .withEnvSecrets(
                Map.of(
                    ENV_ONLY_SECRET,
                    "SIGNING_SEED",
                    ENV_ONLY_SECRET + "-extended",
                    "LONGER",
                    "true",
                    "FEATURE_X",
                    "8000",
                    "PORT",
                    "localhost",
                    "HOST",
                    "abc",
                    "SHORT"));
    assertThat(withEnv.knownValueCount()).isEqualTo(2);
    assertThat(withEnv.redact("seed " + ENV_ONLY_SECRET + " and " + ENV_ONLY_SECRET + "-extended"))
        .isEqualTo("seed [REDACTED:env SIGNING_SEED] and [REDACTED:env LONGER]");
    assertThat(withEnv.redact("debug=true on localhost:8000"))
        .isEqualTo("debug=true on localhost:8000");
    assertThat(
            Redactor.defaults()
                .withSecretValues(List.of("line-one-secret\nline-two-secret"))
                .redact("x line-two-secret y"))
        .isEqualTo("x [REDACTED:secret] y");
  }

  @Test
  void redactingTwiceChangesNothing() {
    String text =
        "DB_PASSWORD="
            + DB_PASSWORD
            + " Authorization: Bearer "
            + BEARER
            + " postgres://u:"
            + URL_PASSWORD
            + "@db/x api_key="
            + API_KEY_VALUE
            + "\n"
            + pem();
    String once = r(text);
    assertThat(r(once)).isEqualTo(once);
    for (String secret : all()) {
      assertThat(once).doesNotContain(secret);
    }
  }

  @Test
  void nullAndEmpty() {
    assertThat(r(null)).isNull();
    assertThat(r("")).isEmpty();
  }

  @Test
  void fastOnOrdinaryLogLines() {
    Redactor withEnv =
        Redactor.defaults()
            .withEnvSecrets(
                Map.of(
                    ENV_ONLY_SECRET, "A", DB_PASSWORD, "B", API_KEY_VALUE, "C", URL_PASSWORD, "D"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      lines.add(
          "2024-05-01T12:00:00.123Z INFO  [worker-"
              + (i % 8)
              + "] handled GET /api/v1/orders/"
              + i
              + " status=200 duration_ms=12 request_id=3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b"
              + " user=app region=eu-west-1 cache=hit bytes=5120 upstream=http://api:8000/x");
    }
    withEnv.redactLines(lines.subList(0, 10_000)); // warm up
    long start = System.nanoTime();
    List<String> out = withEnv.redactLines(lines);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "redaction: %d lines of ~%d chars in %.3f s (%.0f lines/s)%n",
        lines.size(),
        lines.get(0).length(),
        seconds,
        lines.size() / seconds);
    assertThat(out).isEqualTo(lines);
    // 20 services x 1000 lines is 20 000 lines: this is 10x that, with a generous CI bound.
    assertThat(seconds).isLessThan(5.0);
  }

  @Test
  void pathologicalLinesStayLinear() {
    String line = "key=".repeat(25_000) + " sort_key=" + "x".repeat(100_000);
    long start = System.nanoTime();
    String out = r(line);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(out).isEqualTo(line);
    assertThat(seconds).isLessThan(2.0);
  }

  /** Lines of 50 000 chars built to make a rule retry at every occurrence: must stay linear. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "://a:",
        "?a=",
        "mysql ",
        "login ",
        "secret set ",
        "LS0tLS1CRUdJTi",
        "-u a:",
        "Authorization: ",
        "--password ",
        "eyJ",
        "Cookie: a="
      })
  void adversarialRepetitionsStayLinear(String seed) {
    String line = seed.repeat(50_000 / seed.length());
    long start = System.nanoTime();
    r(line);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(seconds)
        .as("seconds to redact \"%s\" repeated to 50 000 chars", seed)
        .isLessThan(2.0);
  }

  private static String repeatRedacted(int lines) {
    return String.join("\n", java.util.Collections.nCopies(lines, "[REDACTED:private-key]"));
  }
}
