package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvSecretsTest {
  @TempDir Path dir;

  @Test
  void collectsSecretsFromEnvironmentEnvFilesAndDotEnv() throws IOException {
    Files.writeString(
        dir.resolve(".env"),
        String.join(
            "\n",
            "# comment",
            "export STRIPE_KEY=sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
            "COMPOSE_PROJECT_NAME=shop",
            "DB_PASSWORD=\"s3cr3t Pa55 # not a comment\"",
            "SESSION_SALT='lit$eral\\n' # comment",
            ""));
    Files.createDirectories(dir.resolve("env"));
    Files.writeString(
        dir.resolve("env/api.env"),
        "API_TOKEN=tok-" + "Q8w7E6r5T4y3 # trailing\nLOG_LEVEL=debug\n");
    Files.writeString(dir.resolve("worker.env"), "WORKER_SECRET=worker-" + "Zz9Yy8Xx7\n");
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        """
        services:
          api:
            image: shop/api
            env_file: env/api.env
            environment:
              DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/shop
              SPRING_PROFILES_ACTIVE: docker
              NODE_ENV: production
              PORT: 8000
              FEATURE_FLAG: true
              SIGNING_SEED: 9fQ2mZ7xLp4RtV8nA1b2
              JWT_SECRET: ${JWT_SECRET:-dev-jwt-secret-123}
              FROM_SHELL_TOKEN:
          worker:
            image: shop/worker
            env_file:
              - path: worker.env
                required: false
              - missing.env
            environment:
              - ADMIN_PASSWORD=adm1n-Passw0rd
              - CACHE_HOST=redis
              - STRIPE_KEY
          db:
            image: postgres:16
        """);

    Map<String, String> secrets =
        EnvSecrets.fromCompose(compose, Map.of("FROM_SHELL_TOKEN", "shell-" + "T0k3n-xyz"));

    assertThat(secrets)
        .containsEntry("sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "STRIPE_KEY")
        .containsEntry("s3cr3t Pa55 # not a comment", "DB_PASSWORD")
        .containsEntry("lit$eral\\n", "SESSION_SALT")
        .containsEntry("tok-" + "Q8w7E6r5T4y3", "API_TOKEN")
        .containsEntry("worker-" + "Zz9Yy8Xx7", "WORKER_SECRET")
        .containsEntry("postgres://app:s3cr3t Pa55 # not a comment@db:5432/shop", "DATABASE_URL")
        .containsEntry("9fQ2mZ7xLp4RtV8nA1b2", "SIGNING_SEED")
        .containsEntry("dev-jwt-secret-123", "JWT_SECRET")
        .containsEntry("shell-" + "T0k3n-xyz", "FROM_SHELL_TOKEN")
        .containsEntry("adm1n-Passw0rd", "ADMIN_PASSWORD");
    // Names that do not announce a secret, with plain values, are left out on purpose.
    assertThat(secrets.values())
        .doesNotContain(
            "COMPOSE_PROJECT_NAME",
            "LOG_LEVEL",
            "SPRING_PROFILES_ACTIVE",
            "NODE_ENV",
            "PORT",
            "FEATURE_FLAG",
            "CACHE_HOST");
  }

  @Test
  void redactorMasksCollectedValuesWithTheirNames() throws IOException {
    Path compose = dir.resolve("docker-compose.yml");
    Files.writeString(
        compose,
        "services:\n  api:\n    environment:\n      PAYMENT_API_CREDENTIALS: crd-"
            + "77aa88bb99\n");
    Redactor redactor = Redactor.defaults().withEnvSecrets(EnvSecrets.fromCompose(compose));
    assertThat(redactor.redact("calling payments with crd-" + "77aa88bb99 as header"))
        .isEqualTo("calling payments with [REDACTED:env PAYMENT_API_CREDENTIALS] as header");
  }

  @Test
  void noServicesAndNoDotEnvGiveNothing() throws IOException {
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, "name: empty\n");
    assertThat(EnvSecrets.fromCompose(compose)).isEmpty();
  }

  @Test
  void missingComposeFileIsAnIoError() {
    assertThatThrownBy(() -> EnvSecrets.fromCompose(dir.resolve("nope.yaml")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void interpolation() {
    Map<String, String> env = Map.of("A", "1", "EMPTY", "");
    assertThat(EnvSecrets.interpolate("x${A}y$A-$$A", env)).isEqualTo("x1y1-$A");
    assertThat(EnvSecrets.interpolate("${EMPTY:-d}|${EMPTY-d}|${NONE-d}|${NONE}", env))
        .isEqualTo("d||d|");
  }

  @Test
  void dotEnvMultiLineDoubleQuotedValue() {
    assertThat(DotEnv.parse("KEY=\"line one\nline \\\"two\\\"\"\nNEXT=1\n"))
        .containsEntry("KEY", "line one\nline \"two\"")
        .containsEntry("NEXT", "1");
  }
}
