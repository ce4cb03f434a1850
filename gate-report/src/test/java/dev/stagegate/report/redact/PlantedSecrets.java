package dev.stagegate.report.redact;

import static dev.stagegate.report.redact.FakeSecrets.*;

import dev.stagegate.report.AuditFixtures;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.GateKind;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.StatsSnapshot;
import dev.stagegate.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An audit with secrets planted in every free-text field, and benign lines that must survive. */
final class PlantedSecrets {
  static final List<String> BENIGN =
      List.of(
          "token_count=12",
          "GET /api/v1/keys 200",
          "request_id=3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b",
          "max_tokens: 512",
          "connected to postgres://app:",
          "@db:5432/shop");

  /** The stack's environment as {@link EnvSecrets} would return it. */
  static final Map<String, String> ENV = Map.of(ENV_ONLY_SECRET, "SIGNING_SEED");

  private PlantedSecrets() {}

  static Redactor redactor() {
    return Redactor.defaults().withEnvSecrets(ENV);
  }

  static AuditReport report() {
    List<String> log = new ArrayList<>();
    log.add("INFO boot token_count=12 request_id=3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b");
    log.add("INFO GET /api/v1/keys 200 max_tokens: 512");
    log.add("DEBUG env AWS_ACCESS_KEY_ID=" + AWS_ACCESS_KEY);
    log.add("DEBUG env AWS_SECRET_ACCESS_KEY=" + AWS_SECRET_KEY);
    log.add("INFO connected to postgres://app:" + URL_PASSWORD + "@db:5432/shop");
    log.add("DEBUG upstream headers {\"Authorization\": \"Bearer " + BEARER + "\"}");
    log.add("DEBUG session " + JWT);
    log.add("WARN git push with " + GITHUB_TOKEN + " and " + GITHUB_PAT);
    log.add("INFO notify slack " + SLACK_TOKEN);
    log.add("INFO llm client key=" + OPENAI_KEY + " maps=" + GOOGLE_KEY);
    log.add("DEBUG config {\"api_key\": \"" + API_KEY_VALUE + "\", \"db_password\": \"x\"}");
    log.add("DEBUG seed is " + ENV_ONLY_SECRET);
    for (String l : pem().split("\n")) {
      log.add("DEBUG tls " + l);
    }
    log.add("ERROR login failed password=" + DB_PASSWORD);

    ServiceEvidence api =
        new ServiceEvidence(
            "api",
            "sg1_api_1",
            false,
            "running",
            "unhealthy",
            1,
            null,
            false,
            List.of(
                new HealthProbe(
                    AuditFixtures.T0,
                    1,
                    "curl: (22) 401 for http://admin:"
                        + URL_PASSWORD
                        + "@localhost/health\n"
                        + "Authorization: Bearer "
                        + BEARER)),
            new StatsSnapshot(12.5, 100L << 20, 512L << 20, 1, 2, 3),
            List.of(
                LogFinding.single(
                    "api", 40, "error-level", "ERROR login failed password=" + DB_PASSWORD),
                LogFinding.single("api", 41, "error-level", "ERROR bad key " + AWS_ACCESS_KEY)),
            2,
            log,
            log.size());
    GateResult gate =
        GateResult.builder("shop.ShopGateTest#burnIn", GateKind.BURN_IN)
            .displayName("survives 10 minutes")
            .verdict(Verdict.FAIL)
            .startedAt(AuditFixtures.T0)
            .duration(Duration.ofMinutes(10))
            .composeFile("compose.yaml")
            .project("sg1")
            .engine(AuditFixtures.engine())
            .checks(
                List.of(
                    CheckResult.fail(
                        "smoke GET api:8000/orders?access_token=" + API_KEY_VALUE,
                        "status 401 with Authorization: Bearer " + BEARER,
                        "{\"error\": \"bad token\", \"echo\": {\"secret_key\": \""
                            + API_KEY_VALUE
                            + "\", \"seed\": \""
                            + ENV_ONLY_SECRET
                            + "\"}}\n"
                            + pem())))
            .services(List.of(api))
            .failures(
                List.of(
                    "api could not reach postgres://app:" + URL_PASSWORD + "@db:5432/shop",
                    "api logged " + GITHUB_TOKEN))
            .build();
    return new AuditReport(AuditReport.SCHEMA_VERSION, AuditFixtures.T0, List.of(gate));
  }
}
