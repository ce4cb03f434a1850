package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets given on echoed command lines, and command lines that give none away. */
class CommandSecretsTest {
  private static String r(String line) {
    return Redactor.defaults().redact(line);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "+ docker login -u deploy -p Hunt3r-2Pass registry.example.com"
            + " => + docker login -u deploy -p [REDACTED:password] registry.example.com",
        "docker login --username ci --password Hunt3r2Pass ghcr.io"
            + " => docker login --username ci --password [REDACTED:password] ghcr.io",
        "app migrate --password 'two words' --host db"
            + " => app migrate --password '[REDACTED:password]' --host db",
        "cli deploy --token q8W2e4R6t8Y0u2I4o6P8 --env prod"
            + " => cli deploy --token [REDACTED:secret] --env prod",
        "./bin/app --client-secret q8W2e4R6t8Y0u2I4o6P8 => ./bin/app --client-secret [REDACTED:secret]",
        "mysql -uroot -pHunt3r2Pass -h db shop => mysql -uroot -p[REDACTED:password] -h db shop",
        "mysql --user=app --password=Hunt3r2Pass shop => mysql --user=app --password=[REDACTED:password] shop",
        "curl -u admin:Hunt3r2Pass https://jenkins/api => curl -u admin:[REDACTED:password] https://jenkins/api",
        "http -a admin:Hunt3r2Pass GET https://x => http -a admin:[REDACTED:password] GET https://x",
        "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCY0xAMPLEKEY"
            + " => aws configure set aws_secret_access_key [REDACTED:aws-secret-key]",
        "docker run -e POSTGRES_PASSWORD=Hunt3r2Pass -d postgres"
            + " => docker run -e POSTGRES_PASSWORD=[REDACTED:password] -d postgres",
        "sshpass -p Hunt3r2Pass ssh deploy@host => sshpass -p [REDACTED:password] ssh deploy@host",
        "redis-cli -h cache -a Hunt3r2Pass ping => redis-cli -h cache -a [REDACTED:password] ping",
        "keytool -list -storepass Hunt3r2Pass => keytool -list -storepass [REDACTED:password]",
        "openssl pkcs12 -passout pass:Hunt3r2Pass => openssl pkcs12 -passout pass:[REDACTED:password]",
        "gh secret set KEY --body q8W2e4R6t8Y0u2I4o6P8 => gh secret set KEY --body [REDACTED:password]",
        "echo q8W2e4R6t8Y0 | docker login --password-stdin ghcr.io"
            + " => echo [REDACTED:password] | docker login --password-stdin ghcr.io",
        "htpasswd -bc .htpasswd admin Hunt3r2Pass => htpasswd -bc .htpasswd admin [REDACTED:password]",
        "CREATE USER app WITH PASSWORD 'Hunt3r2Pass'; => CREATE USER app WITH PASSWORD '[REDACTED:password]';",
      })
  void secretAfterAFlagIsMasked(String line, String expected) {
    assertThat(r(line)).as("redacting \"%s\"", line).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker run -p 8080:80 nginx",
        "ssh -p 2222 deploy@host",
        "docker run -u 1000:1000 app",
        "curl -k https://localhost:8443/health",
        "curl -u admin https://jenkins/api",
        "docker login --password-stdin ghcr.io",
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.",
        "aws configure set region eu-west-1",
        "mysql -u root -p shop",
        "docker build --secret id=npmrc,src=$HOME/.npmrc .",
        "--password $DB_PASSWORD",
        "docker login -u ci -p \"$REGISTRY_PASSWORD\" ghcr.io",
        "cli deploy --token ${GITHUB_TOKEN}",
        "openssl pkcs12 -passout env:P12_PASS",
        "cli --token-file /run/secrets/token",
        "mysql -uroot -p******",
      })
  void commandsThatGiveNothingAwayStay(String line) {
    assertThat(r(line)).as("\"%s\" holds no secret", line).isEqualTo(line);
  }
}
