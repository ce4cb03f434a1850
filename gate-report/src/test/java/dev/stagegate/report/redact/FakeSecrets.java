package dev.stagegate.report.redact;

/**
 * Fake credentials of real shapes for tests. Built by concatenation (and AWS's documented example
 * keys) so that no secret scanner mistakes this file for a leak, while every rule still sees the
 * exact shape it looks for.
 */
public final class FakeSecrets {
  public static final String AWS_ACCESS_KEY = "AKIA" + "IOSFODNN7EXAMPLE";
  public static final String AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
  public static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4".repeat(4) + "e5F6";
  public static final String GITHUB_PAT = "github_pat_" + "11ABCDEFG0" + "x9Y8z7W6v5U4t3S2r1Q0p";
  public static final String SLACK_TOKEN = "xoxb-" + "123456789012-" + "AbCdEfGhIjKlMnOp";
  public static final String OPENAI_KEY = "sk-proj-" + "Zx81Qw72Er63Ty54Ui45Op36As27Df18";
  public static final String GOOGLE_KEY = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
  public static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9"
          + "."
          + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
          + "."
          + "dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  public static final String BEARER = "Zm9vYmFy" + "LmJhei4xMjM0NTY3ODk";
  public static final String DB_PASSWORD = "hunter2" + "-Tr0ub4dor";
  public static final String URL_PASSWORD = "pa55" + "w0rdInUrl";
  public static final String API_KEY_VALUE = "k3y_" + "9fQ2mZ7xLp4RtV8n";
  public static final String ENV_ONLY_SECRET = "plainButKnown" + "Value42";
  public static final String PEM_BODY_1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
  public static final String PEM_BODY_2 = "VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDu";
  public static final String PEM_BODY_3 = "Xk7=";

  private FakeSecrets() {}

  /** A PEM private key, lines joined by {@code \n}. */
  public static String pem() {
    return String.join(
        "\n",
        "-----BEGIN PRIVATE KEY-----",
        PEM_BODY_1,
        PEM_BODY_2,
        PEM_BODY_3,
        "-----END PRIVATE KEY-----");
  }

  /** Every secret above whose text must never reach a report. */
  public static java.util.List<String> all() {
    return java.util.List.of(
        AWS_ACCESS_KEY,
        AWS_SECRET_KEY,
        GITHUB_TOKEN,
        GITHUB_PAT,
        SLACK_TOKEN,
        OPENAI_KEY,
        GOOGLE_KEY,
        JWT,
        BEARER,
        DB_PASSWORD,
        URL_PASSWORD,
        API_KEY_VALUE,
        ENV_ONLY_SECRET,
        PEM_BODY_1,
        PEM_BODY_2);
  }
}
