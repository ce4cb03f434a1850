package dev.stagegate.report.risk;

/**
 * What kind of damage a risky change can do; each {@link RiskRule} names one.
 *
 * <pre>{@code
 * boolean dbTouched = risk.findings().stream().anyMatch(f -> f.category() == RiskCategory.DATABASE);
 * }</pre>
 */
public enum RiskCategory {
  /** Schema, ORM models, migrations, engine and connection pool settings. */
  DATABASE,
  /** Published ports, compose networks, reverse-proxy configuration. */
  NETWORKING,
  /** Model names, token limits and API keys: what every model call costs and who pays. */
  AI_MODEL_COST,
  /** Environment files holding secrets and per-environment settings. */
  SECRETS_CONFIG,
  /** Process managers and entry points: what starts, how many, and how it restarts. */
  PROCESS_MANAGEMENT
}
