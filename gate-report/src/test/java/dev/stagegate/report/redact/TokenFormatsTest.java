package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prefixed tokens in plain text, with no {@code name=} before them: each catalogued format is
 * masked whole, and placeholders or words that merely share a prefix stay. Fake values are built by
 * concatenation so that no scanner mistakes this file for a leak.
 */
class TokenFormatsTest {
  private static final String AL20 = "a1B2c3D4e5F6g7H8i9J0";
  private static final String HEX32 = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  private static final String HEX40 = HEX32 + "a1b2c3d4";

  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of("github-token", "ghp_" + AL20 + "k9L8m7N6o5P4q3R2s1T0"),
        Arguments.of("github-token", "gho_" + AL20 + "k9L8m7N6o5P4q3R2s1T0"),
        Arguments.of("github-token", "ghs_" + AL20 + "k9L8m7N6o5P4q3R2s1T0"),
        Arguments.of("github-token", "github_pat_11" + "ABCDEFG0123456789_" + AL20 + AL20),
        Arguments.of("gitlab-token", "glpat-" + AL20),
        Arguments.of("gitlab-token", "glrt-t1_" + AL20 + "x9y8z7w.01abcdefg"),
        Arguments.of("slack-token", "xoxb-" + "123456789012-1234567890123-" + AL20),
        Arguments.of("slack-token", "xapp-1-" + "A0123456789-1234567890123-" + HEX32),
        Arguments.of("stripe-key", "sk_live_" + AL20 + "XyZ"),
        Arguments.of("stripe-key", "rk_live_" + AL20 + "XyZ"),
        Arguments.of("stripe-webhook-secret", "whsec_" + AL20 + AL20),
        Arguments.of("aws-access-key", "AKIA" + "Z3X5C7V9B1N3M5Q7"),
        Arguments.of("aws-access-key", "ASIA" + "Z3X5C7V9B1N3M5Q7"),
        Arguments.of("google-api-key", "AIza" + "Sy" + AL20 + "-_0123456789abc"),
        Arguments.of("openai-key", "sk-proj-" + AL20 + AL20),
        Arguments.of("anthropic-key", "sk-ant-api03-" + AL20 + AL20 + "AA"),
        Arguments.of("huggingface-token", "hf_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH"),
        Arguments.of("npm-token", "npm_" + "abcdefghijklmnopqrstuvwxyz0123" + "2LolCm"),
        Arguments.of("pypi-token", "pypi-AgEIcHlwaS5vcmc" + AL20 + AL20 + AL20),
        Arguments.of("dockerhub-token", "dckr_pat_" + AL20 + "x_y-z01"),
        Arguments.of("sendgrid-key", "SG." + AL20 + "ab." + AL20 + AL20 + "abc"),
        Arguments.of("twilio-key", "SK" + HEX32),
        Arguments.of("twilio-account", "AC" + HEX32),
        Arguments.of("shopify-token", "shpat_" + HEX32),
        Arguments.of("atlassian-token", "ATATT3" + "xFfGF0" + AL20 + AL20 + AL20 + "=ABCD1234"),
        Arguments.of("digitalocean-token", "dop_v1_" + HEX32 + HEX32),
        Arguments.of("heroku-key", "HRKU-AA" + AL20 + AL20),
        Arguments.of("mailgun-key", "key-" + HEX32),
        Arguments.of("vault-token", "hvs." + AL20 + AL20),
        Arguments.of("discord-token", "MTk4NjIyNDgzNDcxOTI1MjQ4" + ".Cl2FMQ." + AL20 + "ZmmKu0Ik"),
        Arguments.of("telegram-bot-token", "1234567890:AA" + AL20 + "bCdEfGhIjKlMn"),
        Arguments.of("databricks-token", "dapi" + HEX32),
        Arguments.of("sonar-token", "sqp_" + HEX40),
        Arguments.of("linear-key", "lin_api_" + AL20 + AL20),
        Arguments.of("grafana-token", "glsa_" + AL20 + "abcdefghijkl" + "_0a1b2c3d"),
        Arguments.of("newrelic-key", "NRAK-" + "ABCDEFGHIJ0123456789KLMNOPQ"),
        Arguments.of("square-token", "sq0atp-" + AL20 + "ab"),
        Arguments.of("terraform-token", "ABCDEFGHIJ0123" + ".atlasv1." + AL20 + AL20 + AL20),
        Arguments.of("azure-ad-secret", "abc8Q~" + AL20 + "k9L8m7N6o5P4q3R2"),
        Arguments.of("mailchimp-key", HEX32 + "-us12"),
        Arguments.of("openshift-token", "sha256~" + AL20 + AL20 + "abc"),
        Arguments.of("octopus-key", "API-" + "ABCDEFGHJK0123456789LMNOPQ"),
        Arguments.of("sourcegraph-token", "sgp_" + HEX40),
        Arguments.of("crates-token", "cio" + AL20 + "k9L8m7N6o5P4"),
        Arguments.of("token", "acme_live_" + AL20 + "Q9w8E7r6T5y4U3i2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void prefixedTokenInPlainTextIsMaskedWhole(String kind, String token) {
    String line = "2026-03-01 INFO using " + token + " for the upstream call";
    assertThat(Redactor.defaults().redact(line))
        .as("the %s in \"%s\" must be masked whole", kind, line)
        .isEqualTo("2026-03-01 INFO using [REDACTED:" + kind + "] for the upstream call");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AKIAXXXXXXXXXXXXXXXX",
        "glpat-XXXXXXXXXXX-XXXXXXXX",
        "sk_live_xxxxxxxxxxxxxxxx",
        "sk-learn-model-selection-pipeline",
        "xoxb-your-bot-token-goes-here",
        "Error: key-value store unavailable",
        "hf_transfer enabled",
        "using npm_config_cache=/tmp/.npm",
        "customer cus_NffrFeUfNV2Hib charged",
        "payment_intent pi_3MtwBwLkdIwHu7ix28a3tqPa",
        "pk_live_" + "51HxYzAbCdEfGhIjKlMnOpQr",
        "commit 4f9c2b1e8d7a6c5b4a3928171615141312111009",
        "AGE-SECRET-KEY-1 documented in the age README"
      })
  void placeholdersAndLookAlikesStay(String line) {
    assertThat(Redactor.defaults().redact(line))
        .as("\"%s\" has no token and must stay as it is", line)
        .isEqualTo(line);
  }
}
