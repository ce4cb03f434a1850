package dev.stagegate.deploy.risk;

import static dev.stagegate.report.risk.RiskCategory.AI_MODEL_COST;
import static dev.stagegate.report.risk.RiskCategory.DATABASE;
import static dev.stagegate.report.risk.RiskCategory.NETWORKING;
import static dev.stagegate.report.risk.RiskCategory.PROCESS_MANAGEMENT;
import static dev.stagegate.report.risk.RiskCategory.SECRETS_CONFIG;
import static dev.stagegate.report.risk.RiskLevel.HIGH;
import static dev.stagegate.report.risk.RiskLevel.MEDIUM;

import java.util.List;

/**
 * The rules every repository starts with: the seed's dangerous files ({@code app/core/database.py},
 * {@code app/models/*.py}, {@code app/core/config.py}, {@code app/main.py}, {@code .env*}, {@code
 * docker-compose*.yml}), at any depth so a monorepo's {@code services/api/app/...} counts, the
 * other files that took deployments down before (migrations, proxies, process managers), and the
 * added lines that change cost, pooling, schema, exposure or what starts. Grouped by category.
 * Documented, with ids, in {@code docs/risk-rules.md}; keep the two in step.
 */
final class DefaultRiskRules {
  // compose's own default names and the override/CI files beside them (compose.ci.yml, …)
  private static final String COMPOSE = "{docker-compose,compose}*.{yml,yaml}";
  private static final String DOCKERFILE = "{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile}";

  static final List<RiskRule> RULES =
      List.of(
          // Database: schema, models, migrations, engine.
          RiskRule.onPath(
              "database-engine",
              DATABASE,
              HIGH,
              "**/app/core/database.py",
              "connection pool and engine settings: a mistake takes every service's database"
                  + " access down"),
          RiskRule.onPath(
              "database-models",
              DATABASE,
              HIGH,
              "**/app/models/**/*.py",
              "ORM models are the schema the code expects: a change without a matching migration"
                  + " breaks queries at runtime"),
          RiskRule.onPath(
              "db-migrations",
              DATABASE,
              HIGH,
              "**/{migrations/**,alembic/**,alembic.ini}",
              "migrations change the live schema on deploy, often irreversibly"),
          RiskRule.onPath(
              "db-schema-file",
              DATABASE,
              HIGH,
              "{*.sql,schema.prisma,schema.rb}",
              "schema and SQL files change tables or data when they are applied"),
          RiskRule.onContent(
              "db-schema-sql",
              DATABASE,
              HIGH,
              null,
              "(?i)\\b(?:ALTER|CREATE|DROP)\\s+TABLE\\b|\\bDROP\\s+(?:COLUMN|INDEX|DATABASE|SCHEMA)\\b",
              "schema statements change live data on deploy and rarely roll back cleanly"),
          RiskRule.onContent(
              "db-schema-code",
              DATABASE,
              MEDIUM,
              "*.py",
              "\\b(?:__tablename__|mapped_column\\(|Column\\(|ForeignKey\\(|relationship\\("
                  + "|op\\.(?:add|drop|alter)_column\\(|op\\.(?:create|drop)_(?:table|index)\\()",
              "columns, tables and relations in code are the schema: the database must match"
                  + " before the new code runs"),
          RiskRule.onContent(
              "db-pool",
              DATABASE,
              HIGH,
              null,
              "\\b(?:pool_size|max_overflow|pool_recycle|pool_timeout)\\b",
              "pool sizing decides how many connections every worker holds: too many exhausts the"
                  + " database, too few queues requests"),
          RiskRule.onContent(
              "db-url",
              DATABASE,
              MEDIUM,
              null,
              "\\b(?:DATABASE_URL|SQLALCHEMY_DATABASE_URI|POSTGRES_(?:HOST|DB|PORT|USER)"
                  + "|DB_(?:HOST|NAME|PORT))\\b",
              "which database the services connect to: a wrong value points production at the"
                  + " wrong data or at none"),
          // Networking: compose networks and ports, proxies.
          RiskRule.onPath(
              "compose-file",
              NETWORKING,
              HIGH,
              COMPOSE,
              "compose defines ports, networks, volumes and limits of every service: a slip here"
                  + " cuts services off from each other or the outside"),
          RiskRule.onPath(
              "proxy-config",
              NETWORKING,
              HIGH,
              "**/{nginx.conf,nginx/**,conf.d/*.conf,Caddyfile,traefik.yml,traefik.yaml,"
                  + "traefik/**,haproxy.cfg,envoy.yaml}",
              "the reverse proxy routes all traffic: a wrong upstream or header takes the site"
                  + " off the air"),
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
              "proxy-routing",
              NETWORKING,
              MEDIUM,
              null,
              "\\b(?:proxy_pass|server_name|upstream\\s+[\\w.-]+\\s*\\{|listen\\s+\\d+"
                  + "|traefik\\.(?:enable|http\\.(?:routers|services|middlewares)))",
              "routing rules decide which service answers which request"),
          RiskRule.onContent(
              "dockerfile-expose",
              NETWORKING,
              MEDIUM,
              DOCKERFILE,
              "^\\s*EXPOSE\\b",
              "the ports an image declares must match what compose and the proxy send it"),
          // AI model cost: model names, token limits, provider keys.
          RiskRule.onContent(
              "ai-model-name",
              AI_MODEL_COST,
              MEDIUM,
              null,
              "(?i)model(?:_name|_id)?[\"']?\\s*[=:]\\s*[\"']?(?:gpt|claude|o[1-9]|gemini|llama"
                  + "|mistral)|\\b(?:gpt-(?:3\\.5|4|5)[\\w.-]*|o[1-9]-(?:mini|preview|pro)"
                  + "|claude-[a-z0-9][\\w.-]*|gemini-[0-9][\\w.-]*|text-embedding-[\\w.-]+)",
              "the model name sets price per token and behaviour for every call"),
          RiskRule.onContent(
              "ai-token-limit",
              AI_MODEL_COST,
              MEDIUM,
              null,
              "(?i)max_(?:completion_|output_|new_)?tokens|\\bmaxTokens\\b",
              "token limits bound the cost and length of every model response"),
          RiskRule.onContent(
              "ai-api-key",
              AI_MODEL_COST,
              HIGH,
              null,
              "(?:OPENAI|ANTHROPIC|GEMINI|GOOGLE|AZURE_OPENAI|MISTRAL|COHERE|GROQ|TOGETHER"
                  + "|DEEPSEEK|OPENROUTER)_API_KEY|\\bHF_TOKEN\\b",
              "which API key is used decides which account pays, and a key in the diff may be"
                  + " leaked"),
          RiskRule.onContent(
              "ai-sdk",
              AI_MODEL_COST,
              MEDIUM,
              "{requirements*.txt,pyproject.toml,Pipfile,package.json}",
              "(?i)^\\s*[\"']?(?:openai|anthropic|litellm|langchain[\\w-]*|tiktoken"
                  + "|google-generativeai|@anthropic-ai/sdk)\\b",
              "the AI client library decides retries, defaults and what every call costs"),
          // Secrets and configuration: .env*, config modules, environment wiring.
          RiskRule.onPath(
              "env-file",
              SECRETS_CONFIG,
              HIGH,
              ".env*",
              "environment files hold secrets and per-environment settings (.env.production"
                  + " reaches users directly): a committed value leaks or overrides what the"
                  + " environment provides"),
          RiskRule.onPath(
              "app-config",
              SECRETS_CONFIG,
              HIGH,
              "**/{config.py,settings.py}",
              "central settings (model names, token limits, API keys, URLs): one wrong default"
                  + " changes cost or breaks every request"),
          RiskRule.onPath(
              "config-module",
              SECRETS_CONFIG,
              MEDIUM,
              "**/{settings/*.py,config/*.py,config/*.yml,config/*.yaml,"
                  + "config/*.toml,config/*.json,config/*.ini}",
              "a configuration module: its defaults apply wherever the environment says nothing"),
          RiskRule.onContent(
              "compose-environment",
              SECRETS_CONFIG,
              MEDIUM,
              COMPOSE,
              "^\\s*(?:environment|env_file|secrets)\\s*:",
              "which settings and secrets each service gets: a missing one fails at startup"),
          RiskRule.onContent(
              "env-read",
              SECRETS_CONFIG,
              MEDIUM,
              null,
              "\\bos\\.environ\\b|\\bgetenv\\(|\\bprocess\\.env\\.|\\(BaseSettings\\)",
              "a setting read from the environment must exist in every environment, or the"
                  + " service fails or falls back to a default"),
          // Entry points and process managers.
          RiskRule.onPath(
              "app-entry-point",
              PROCESS_MANAGEMENT,
              MEDIUM,
              "**/main.py",
              "the entry point: an import error or a startup change keeps the service from"
                  + " starting at all"),
          RiskRule.onPath(
              "entry-point",
              PROCESS_MANAGEMENT,
              MEDIUM,
              "{__main__.py,wsgi.py,asgi.py,manage.py,gunicorn.conf.py,uwsgi.ini}",
              "what the service runs at startup: an error here keeps it from starting"),
          RiskRule.onPath(
              "pm2-ecosystem",
              PROCESS_MANAGEMENT,
              MEDIUM,
              "ecosystem.config.js",
              "pm2 process definitions: instance counts, restart policy and memory limits of"
                  + " every process"),
          RiskRule.onPath(
              "process-manager",
              PROCESS_MANAGEMENT,
              MEDIUM,
              "**/{Procfile,supervisord.conf,supervisor/*.conf,*.service,celeryconfig.py}",
              "the process manager decides which processes run, how many, and how they restart"),
          RiskRule.onContent(
              "dockerfile-start",
              PROCESS_MANAGEMENT,
              MEDIUM,
              DOCKERFILE,
              "^\\s*(?:CMD|ENTRYPOINT|HEALTHCHECK|STOPSIGNAL|USER)\\b",
              "the image's start command, user and healthcheck decide whether it starts and"
                  + " counts as healthy"),
          RiskRule.onContent(
              "compose-command",
              PROCESS_MANAGEMENT,
              MEDIUM,
              COMPOSE,
              "^\\s*(?:command|entrypoint|restart|replicas|healthcheck|stop_grace_period)\\s*:",
              "what each service runs, how often it restarts and how many copies run"),
          RiskRule.onContent(
              "celery-beat",
              PROCESS_MANAGEMENT,
              MEDIUM,
              null,
              "\\b(?:beat_schedule|CELERYBEAT_SCHEDULE|crontab\\(|worker_concurrency)\\b"
                  + "|\\bcelery\\b.*\\b(?:beat|--concurrency)\\b",
              "periodic tasks and worker concurrency: a schedule change runs jobs twice or"
                  + " never, and concurrency multiplies memory"));

  private DefaultRiskRules() {}
}
