package dev.stagegate.report.risk;

/**
 * What kind of damage a risky change can do; each risk rule ({@code RiskRule}, gate-deploy) names
 * one. The audit has one line per category, "no change" included, so a reviewer sees the seed's
 * questions answered — the impact on the database, networking and AI model cost — also when the
 * answer is "nothing".
 *
 * <pre>{@code
 * boolean dbTouched = risk.findings().stream().anyMatch(f -> f.category() == RiskCategory.DATABASE);
 * String heading = RiskCategory.AI_MODEL_COST.label(); // "AI model cost"
 * }</pre>
 */
public enum RiskCategory {
  /** Schema, ORM models, migrations, engine and connection pool settings. */
  DATABASE("Database"),
  /** Published ports, compose networks, reverse-proxy configuration. */
  NETWORKING("Networking"),
  /** Model names, token limits and API keys: what every model call costs and who pays. */
  AI_MODEL_COST("AI model cost"),
  /** Environment files, configuration modules and the settings they hold. */
  SECRETS_CONFIG("Secrets and configuration"),
  /** Entry points, start commands and process managers: what starts, how many, how it restarts. */
  PROCESS_MANAGEMENT("Entry points and process managers");

  private final String label;

  RiskCategory(String label) {
    this.label = label;
  }

  /** The category's name for people, e.g. {@code Secrets and configuration}. */
  public String label() {
    return label;
  }
}
