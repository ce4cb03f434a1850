package dev.stagegate.report.risk;

import static dev.stagegate.report.risk.RiskCategory.AI_MODEL_COST;
import static dev.stagegate.report.risk.RiskCategory.DATABASE;
import static dev.stagegate.report.risk.RiskCategory.NETWORKING;
import static dev.stagegate.report.risk.RiskCategory.PROCESS_MANAGEMENT;
import static dev.stagegate.report.risk.RiskCategory.SECRETS_CONFIG;
import static dev.stagegate.report.risk.RiskLevel.HIGH;
import static dev.stagegate.report.risk.RiskLevel.MEDIUM;

import java.util.List;

/**
 * The rules every repository starts with: the files that took deployments down before (a FastAPI
 * style {@code app/} layout, compose, pm2) and the added lines that change cost, pooling, schema or
 * exposure. Documented, with ids, in {@code docs/risk-rules.md}; keep the two in step.
 */
final class DefaultRiskRules {
  // compose's own default names and the override/CI files beside them (compose.ci.yml, …)
  private static final String COMPOSE = "{docker-compose,compose}*.{yml,yaml}";

  static final List<RiskRule> RULES =
      List.of(
          // Dangerous files.
          RiskRule.onPath(
              "database-engine",
              DATABASE,
              HIGH,
              "app/core/database.py",
              "connection pool and engine settings: a mistake takes every service's database"
                  + " access down"),
          RiskRule.onPath(
              "database-models",
              DATABASE,
              HIGH,
              "app/models/*.py",
              "ORM models are the schema the code expects: a change without a matching migration"
                  + " breaks queries at runtime"),
          RiskRule.onPath(
              "app-config",
              AI_MODEL_COST,
              HIGH,
              "app/core/config.py",
              "central settings (model names, token limits, API keys, URLs): one wrong default"
                  + " changes cost or breaks every request"),
          RiskRule.onPath(
              "compose-file",
              NETWORKING,
              HIGH,
              COMPOSE,
              "compose defines ports, networks, volumes and limits of every service: a slip here"
                  + " cuts services off from each other or the outside"),
          RiskRule.onPath(
              "app-entry-point",
              PROCESS_MANAGEMENT,
              MEDIUM,
              "app/main.py",
              "the entry point: an import error or a startup change keeps the service from"
                  + " starting at all"),
          RiskRule.onPath(
              "env-file",
              SECRETS_CONFIG,
              HIGH,
              ".env",
              "environment file with secrets and settings: a committed value leaks or overrides"
                  + " what the environment provides"),
          RiskRule.onPath(
              "env-production",
              SECRETS_CONFIG,
              HIGH,
              ".env.production",
              "production secrets and settings: a wrong value reaches users directly"),
          RiskRule.onPath(
              "pm2-ecosystem",
              PROCESS_MANAGEMENT,
              MEDIUM,
              "ecosystem.config.js",
              "pm2 process definitions: instance counts, restart policy and memory limits of"
                  + " every process"),
          RiskRule.onPath(
              "proxy-config",
              NETWORKING,
              HIGH,
              "**/{nginx.conf,nginx/*.conf,conf.d/*.conf,Caddyfile,traefik.yml,traefik.yaml}",
              "the reverse proxy routes all traffic: a wrong upstream or header takes the site"
                  + " off the air"),
          RiskRule.onPath(
              "db-migrations",
              DATABASE,
              HIGH,
              "**/migrations/**",
              "migrations change the live schema on deploy, often irreversibly"),
          // Added lines.
          RiskRule.onContent(
              "ai-model-name",
              AI_MODEL_COST,
              MEDIUM,
              null,
              "(?i)model(?:_name)?\\s*[=:]\\s*[\"']?(?:gpt|claude|o[1-9]|gemini|llama|mistral)",
              "the model name sets price per token and behaviour for every call"),
          RiskRule.onContent(
              "ai-token-limit",
              AI_MODEL_COST,
              MEDIUM,
              null,
              "(?i)max_(?:completion_|output_)?tokens",
              "token limits bound the cost and length of every model response"),
          RiskRule.onContent(
              "ai-api-key",
              AI_MODEL_COST,
              HIGH,
              null,
              "(?:OPENAI|ANTHROPIC|GEMINI|GOOGLE|AZURE_OPENAI)_API_KEY",
              "which API key is used decides which account pays, and a key in the diff may be"
                  + " leaked"),
          RiskRule.onContent(
              "compose-ports",
              NETWORKING,
              HIGH,
              COMPOSE,
              "^\\s*(?:ports|expose)\\s*:|^\\s*-\\s*[\"']?(?:[\\d.]+:)?\\d+(?:-\\d+)?:\\d+"
                  + "|^\\s*(?:published|target)\\s*:",
              "published ports decide what is reachable from outside and what collides on the"
                  + " host"),
          RiskRule.onContent(
              "compose-networks",
              NETWORKING,
              HIGH,
              COMPOSE,
              "^\\s*(?:networks|ipv4_address|aliases|external|network_mode)\\s*:",
              "network changes decide which services can reach each other"),
          RiskRule.onContent(
              "db-schema-sql",
              DATABASE,
              HIGH,
              null,
              "(?i)\\b(?:ALTER|CREATE|DROP)\\s+TABLE\\b|\\bDROP\\s+(?:COLUMN|INDEX|DATABASE|SCHEMA)\\b",
              "schema statements change live data on deploy and rarely roll back cleanly"),
          RiskRule.onContent(
              "db-pool",
              DATABASE,
              HIGH,
              null,
              "\\b(?:pool_size|max_overflow|pool_recycle|pool_timeout)\\b",
              "pool sizing decides how many connections every worker holds: too many exhausts the"
                  + " database, too few queues requests"));

  private DefaultRiskRules() {}
}
