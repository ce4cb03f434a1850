package dev.stagegate.junit.catalog;

import dev.stagegate.deploy.change.GitChangeReader;
import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.docker.SshTunnel;
import dev.stagegate.junit.gate.BaselineRun;
import dev.stagegate.junit.gate.LoadSpec;
import dev.stagegate.junit.gate.PostDeploySpec;
import dev.stagegate.junit.gate.PreDeploySpec;
import dev.stagegate.junit.gate.ReportSession;
import dev.stagegate.junit.gate.RollbackSpec;
import dev.stagegate.report.deploy.DeploymentHistory;
import dev.stagegate.report.policy.DeployPolicy;
import java.util.List;

/**
 * Every configuration key the library reads, with its type, default and meaning: the tables of
 * {@code docs/configuration.md} are generated from it ({@code ConfigurationDocTest} fails when they
 * drift, and a source scan fails when the code reads a key that is not here). The names are the
 * constants next to the code that reads each key, so a renamed key cannot leave this list behind.
 *
 * <p>Longer than 300 lines because it is one table: one constant per configuration key.
 *
 * <pre>{@code
 * ConfigCatalog.ALL.stream().filter(k -> k.section() == ConfigSection.GATES).map(ConfigKey::name)
 * }</pre>
 */
public final class ConfigCatalog {
  private ConfigCatalog() {}

  public static final ConfigKey REPORT_DIR =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.REPORT_DIR,
          "path",
          "`target/stagegate`",
          "where `stability_audit.md` and `.json` are written",
          "`GateSettings`");

  public static final ConfigKey STARTUP_TIMEOUT =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.STARTUP_TIMEOUT,
          "duration",
          "`PT2M`",
          "how long services may take to become healthy",
          "`GateSettings`");

  public static final ConfigKey BUILD_TIMEOUT =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.BUILD_TIMEOUT,
          "duration",
          "`PT10M`",
          "how long the no-cache build may take",
          "`GateSettings`");

  public static final ConfigKey SMOKE_TIMEOUT =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.SMOKE_TIMEOUT,
          "duration",
          "`PT10S`",
          "per smoke request",
          "`GateSettings`");

  public static final ConfigKey SMOKE_SETTLE =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.SETTLE,
          "duration",
          "`PT2S`",
          "how long a smoke gate keeps watching once healthy",
          "`GateSettings`");

  public static final ConfigKey LOGS_ALLOW =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.LOGS_ALLOW,
          "regex",
          "none",
          "matching lines of every service are not findings",
          "`GateSettings`");

  public static final ConfigKey LOGS_ALLOW_SERVICE =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.LOGS_ALLOW + ".<service>",
          "regex",
          "none",
          "the same for one service",
          "`GateSettings`");

  public static final ConfigKey LOGS_LINES =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.LOG_LINES,
          "integer",
          "`1000`",
          "last log lines kept per service for the audit",
          "`GateSettings`");

  public static final ConfigKey LOGS_FAILFAST =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.LOGS_FAIL_FAST,
          "boolean",
          "`true`",
          "a log finding ends a burn-in at once (`false`: judged at the end)",
          "`GateSettings`");

  public static final ConfigKey BURNIN_DURATION =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.BURNIN_DURATION,
          "duration",
          "none",
          "overrides every burn-in's duration (e.g. `PT2M` in CI); reported as `PASS_SHORTENED`",
          "`GateSettings`");

  public static final ConfigKey BURNIN_WATCH_AFTER_FAILURE =
      new ConfigKey(
          ConfigSection.GATES,
          BurnIn.WATCH_AFTER_FAILURE_KEY,
          "duration",
          "`PT0S`",
          "how long a burn-in keeps watching after its first failure, so the other services'"
              + " reactions are in the evidence (at most `PT30M`; `@BurnIn(watchAfterFailure)` wins)",
          "`@BurnIn`");

  public static final ConfigKey STATS_INTERVAL =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.STATS_INTERVAL,
          "duration",
          "`PT1S`",
          "how often a burn-in samples `docker stats`",
          "`GateSettings`");

  public static final ConfigKey STATS_STALL =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.STATS_STALL,
          "duration",
          "`PT30S`",
          "a stats stream silent this long makes the burn-in `INCONCLUSIVE`",
          "`GateSettings`");

  public static final ConfigKey PROGRESS_INTERVAL =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.PROGRESS_INTERVAL,
          "duration",
          "`PT1M`",
          "how often a burn-in prints progress",
          "`GateSettings`");

  public static final ConfigKey TREND_MIN_SPAN =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.TREND_MIN_SPAN,
          "duration",
          "`PT5M`",
          "the shortest watch the trend judges decide on; shorter windows are \"not judged\"",
          "`GateSettings`");

  public static final ConfigKey JOURNAL_INTERVAL =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.JOURNAL_INTERVAL,
          "duration",
          "`PT10S`",
          "how often a burn-in journals its evidence to disk",
          "`GateSettings`");

  public static final ConfigKey COMPOSE_COMMAND =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.COMPOSE_COMMAND,
          "command",
          "the `docker compose` plugin, else a standalone `docker-compose` that reports v2",
          "the Compose v2 command to run, e.g. `docker compose` or `/opt/bin/docker-compose`; Compose v1 is refused",
          "`GateSettings`");

  public static final ConfigKey COMPOSE_PROFILES =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.COMPOSE_PROFILES,
          "list",
          "none",
          "compose profiles to activate, comma-separated (as `--profile`)",
          "`GateSettings`");

  public static final ConfigKey DOCKER_HOST =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.DOCKER_HOST,
          "URL",
          "the engine Testcontainers finds (`DOCKER_HOST`)",
          "the engine the gate builds and runs on: `tcp://host:2375` or `ssh://user@host[:port]` (through an ssh tunnel, settings as for [Docker hosts behind ssh](deploy-flow.md#docker-hosts-behind-ssh)); smoke checks reach published ports at that host",
          "`GateSettings`");

  public static final ConfigKey GIT_BASE =
      new ConfigKey(
          ConfigSection.GATES,
          GitChangeReader.BASE_KEY,
          "git ref",
          "none",
          "the git ref the change summary, the risk and the rollback command are measured against when no deployment is recorded and no release tag is below HEAD (order: last deployed commit, newest release tag, this key, the merge-base with the default branch, none); see [risk-rules.md](risk-rules.md)",
          "`GitChangeReader`");

  public static final ConfigKey GIT_BASE_ENVIRONMENT =
      new ConfigKey(
          ConfigSection.GATES,
          GitChangeReader.BASE_ENVIRONMENT_KEY,
          "text",
          "any",
          "only deployments to this environment count as the change base, and as the rollback target when the drill names no environment",
          "`LastDeployment`, `RollbackSpec`");

  public static final ConfigKey IMAGES_KEEP =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.IMAGES_KEEP,
          "boolean",
          "`true`",
          "a gate that passed keeps the images it built and tested, tagged `<repository>/<service>:<commit>`, so the approved images can be deployed without a rebuild; `false` removes them at teardown; see [images-and-rollback.md](images-and-rollback.md)",
          "`GateSettings`");

  public static final ConfigKey IMAGES_REPOSITORY =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.IMAGES_REPOSITORY,
          "image repository",
          "the compose project's name",
          "the repository part of those tags, e.g. `registry.example.com:5000/agents`",
          "`GateSettings`");

  public static final ConfigKey TEARDOWN_ENGINE_WAIT =
      new ConfigKey(
          ConfigSection.GATES,
          GateSettings.ENGINE_WAIT,
          "duration",
          "`PT60S`",
          "how long a gate whose engine stopped or became unreachable waits for it to answer again before it collects evidence and tears down; see [engine-interruptions.md](engine-interruptions.md)",
          "`GateSettings`");

  public static final ConfigKey TESTS_REPORTS =
      new ConfigKey(
          ConfigSection.GATES,
          ReportSession.TEST_REPORTS,
          "paths, comma-separated",
          "`target/surefire-reports,target/failsafe-reports`",
          "the Surefire/Failsafe report directories the \"Tests passing\" checklist item reads; see [deploy-record.md](deploy-record.md)",
          "`ReportSession`");

  public static final ConfigKey LOAD_INTERVAL =
      new ConfigKey(
          ConfigSection.GATES,
          LoadSpec.INTERVAL_KEY,
          "duration",
          "`PT1M`",
          "how long each `@Load` summary interval is (p50/p95/p99/max, errors, achieved rate)",
          "`LoadSpec`");

  public static final ConfigKey BASELINE_MODE =
      new ConfigKey(
          ConfigSection.GATES,
          BaselineRun.MODE_KEY,
          "`sequential`",
          "side by side when the engine has ≥ 2 CPUs and 2 GiB",
          "`sequential` runs the baseline after the release",
          "`BaselineRun`");

  public static final ConfigKey ROLLBACK_PREVIOUS =
      new ConfigKey(
          ConfigSection.ROLLBACK_DRILL,
          RollbackSpec.PREVIOUS,
          "git ref",
          "the annotation's `previous`, else the last successful deployment of the environment in the deployment history, else the newest tag below HEAD, else `HEAD~1`",
          "the ref to roll back to",
          "`RollbackSpec`");

  public static final ConfigKey ROLLBACK_COMPOSE =
      new ConfigKey(
          ConfigSection.ROLLBACK_DRILL,
          RollbackSpec.COMPOSE,
          "path",
          "the annotation's `compose`",
          "the compose file",
          "`RollbackSpec`");

  public static final ConfigKey ROLLBACK_MARKER_SERVICE =
      new ConfigKey(
          ConfigSection.ROLLBACK_DRILL,
          RollbackSpec.MARKER_SERVICE,
          "service",
          "the annotation's `markerService`",
          "service holding the marker",
          "`RollbackSpec`");

  public static final ConfigKey ROLLBACK_MARKER_FILE =
      new ConfigKey(
          ConfigSection.ROLLBACK_DRILL,
          RollbackSpec.MARKER_FILE,
          "path",
          "the annotation's `markerFile`",
          "marker path in the build context",
          "`RollbackSpec`");

  public static final ConfigKey ROLLBACK_ENVIRONMENT =
      new ConfigKey(
          ConfigSection.ROLLBACK_DRILL,
          RollbackSpec.ENVIRONMENT,
          "string",
          "the annotation's `environment`",
          "marker environment, and the environment whose last recorded deployment is the rollback target",
          "`RollbackSpec`");

  public static final ConfigKey ROLLBACK_STARTUP_TIMEOUT =
      new ConfigKey(
          ConfigSection.ROLLBACK_DRILL,
          RollbackSpec.STARTUP_TIMEOUT,
          "duration",
          "the annotation's `startupTimeout`",
          "per step, to healthy",
          "`RollbackSpec`");

  public static final ConfigKey DEPLOY_DOCKER_HOST =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.DOCKER_HOST,
          "URL",
          "the annotation's `dockerHost`, else `DOCKER_HOST`",
          "the target's Docker engine; unreachable → `GateConfigurationException` naming host and key",
          "`PostDeploySpec`");

  public static final ConfigKey DEPLOY_PROJECT =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.PROJECT,
          "string",
          "the annotation's `project`",
          "compose project label to watch",
          "`PostDeploySpec`");

  public static final ConfigKey DEPLOY_BASE_URL =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.BASE_URL,
          "URL",
          "the annotation's `baseUrl`",
          "base URL of health and metric hooks",
          "`PostDeploySpec`");

  public static final ConfigKey DEPLOY_WATCH_DURATION =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.WATCH_DURATION,
          "duration",
          "none",
          "overrides the watch's duration (e.g. `PT2M` in CI); reported as `PASS_SHORTENED`",
          "`PostDeploySpec`");

  public static final ConfigKey DEPLOY_EXPECTED_COMMIT =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.EXPECTED_COMMIT,
          "commit",
          "HEAD of the repository around the working directory",
          "commit the marker must name (also for `@PreDeployCheck`)",
          "`DeployCommit`");

  public static final ConfigKey DEPLOY_VERSION =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.VERSION,
          "string",
          "the annotation's `version`",
          "version the marker must name (also for `@PreDeployCheck`)",
          "`PostDeploySpec`, `PreDeploySpec`");

  public static final ConfigKey DEPLOY_HOOK_TIMEOUT =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PostDeploySpec.HOOK_TIMEOUT,
          "duration",
          "`PT10S`",
          "per hook (and per hook run)",
          "`PostDeploySpec`");

  public static final ConfigKey DEPLOY_LOG =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          DeploymentHistory.JSON_LOG,
          "path",
          "`<stagegate.report.dir>/deployments.jsonl`",
          "the deployment log the watch appends to (and the change base and the rollback target are read from)",
          "`DeploymentHistory`");

  public static final ConfigKey APPROVAL_AUDIT =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PreDeploySpec.AUDIT,
          "path",
          "none",
          "the approved audit this deploy builds on: its gates and approval fill the watch's checklists",
          "`PreDeploySpec`");

  public static final ConfigKey DEPLOY_PRE_CHECK_AUDIT =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          PreDeploySpec.PRE_CHECK_AUDIT,
          "path",
          "none",
          "the `@PreDeployCheck`'s audit: its decision (deploy window, override) fills the checklists",
          "`PreDeploySpec`");

  public static final ConfigKey DEPLOY_SSH_SOCKET =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          SshTunnel.SOCKET_KEY,
          "path",
          "`/var/run/docker.sock`",
          "for an `ssh://` host: the engine's socket on that host (e.g. `/run/user/1000/docker.sock` for rootless Docker)",
          "`SshTunnel`");

  public static final ConfigKey DEPLOY_SSH_OPTIONS =
      new ConfigKey(
          ConfigSection.POST_DEPLOY_WATCH,
          SshTunnel.OPTIONS_KEY,
          "ssh arguments",
          "none",
          "for an `ssh://` host: extra `ssh` arguments, split like shell words (quotes group), e.g. `-i ~/.ssh/deploy_ed25519 -o StrictHostKeyChecking=accept-new`; `-f` is refused",
          "`SshTunnel`");

  public static final ConfigKey APPROVAL_AUDIT_PRE_DEPLOY_CHECK =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          PreDeploySpec.AUDIT,
          "path",
          "`target/stagegate/stability_audit.md`",
          "the reviewed audit (its JSON twin is read too)",
          "`PreDeploySpec`");

  public static final ConfigKey APPROVAL_FILE =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          PreDeploySpec.APPROVAL,
          "path",
          "`stability_audit.approval.json` next to the audit",
          "the approval record",
          "`PreDeploySpec`");

  public static final ConfigKey DEPLOY_MARKER_FILE =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          PreDeploySpec.MARKER_FILE,
          "path",
          "none",
          "the marker the build prepared; must name the commit, the `environment` and (if given) the `version`",
          "`PreDeploySpec`");

  public static final ConfigKey POLICY_BLOCKED_WINDOW =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.BLOCKED_WINDOW,
          "`HH:MM-HH:MM`",
          "none",
          "no deploys in this wall-clock window (e.g. `09:00-18:00`; `22:00-06:00` crosses midnight and belongs to the day it starts; `00:00-24:00` is all day)",
          "`DeployPolicy`");

  public static final ConfigKey POLICY_ZONE =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.ZONE,
          "time zone",
          "`UTC`",
          "the window's time zone (e.g. `Europe/Berlin`; daylight saving time is followed)",
          "`DeployPolicy`");

  public static final ConfigKey POLICY_BLOCKED_DAYS =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.BLOCKED_DAYS,
          "days",
          "every day",
          "days the window applies to (`MON-FRI`, `SAT,SUN`, `FRI-MON`)",
          "`DeployPolicy`");

  public static final ConfigKey POLICY_OVERRIDE_REASON =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.OVERRIDE_REASON,
          "string",
          "none",
          "deploy inside the window anyway; the reason is recorded (`deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123`); blank is no reason",
          "`DeployPolicy`");

  public static final ConfigKey POLICY_REQUIRE_APPROVAL =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.REQUIRE_APPROVAL,
          "boolean",
          "`true`",
          "the audit must be approved and unchanged",
          "`DeployPolicy`");

  public static final ConfigKey POLICY_REQUIRE_MARKER =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.REQUIRE_MARKER,
          "boolean",
          "`true`",
          "the deployment marker must have been verified",
          "`DeployPolicy`");

  public static final ConfigKey POLICY_REQUIRE_ROLLBACK_DRILL =
      new ConfigKey(
          ConfigSection.PRE_DEPLOY_CHECK,
          DeployPolicy.REQUIRE_ROLLBACK_DRILL,
          "boolean",
          "`false`",
          "a passing rollback drill must be in the evidence",
          "`DeployPolicy`");

  public static final ConfigKey HISTORY_TEXT_LOG =
      new ConfigKey(
          ConfigSection.DEPLOYMENT_HISTORY,
          DeploymentHistory.TEXT_LOG,
          "path or `false`",
          "`<report dir>/deployments.log`",
          "the seed's text blocks, for people and `grep`; `false` for none",
          "`DeploymentHistory`");

  public static final ConfigKey HISTORY_JDBC_URL =
      new ConfigKey(
          ConfigSection.DEPLOYMENT_HISTORY,
          DeploymentHistory.JDBC_URL,
          "JDBC URL",
          "off",
          "a row per deployment in a SQL table (your JDBC driver)",
          "`DeploymentHistory`");

  public static final ConfigKey HISTORY_JDBC_USER =
      new ConfigKey(
          ConfigSection.DEPLOYMENT_HISTORY,
          DeploymentHistory.JDBC_USER,
          "string",
          "none",
          "the database user",
          "`DeploymentHistory`");

  public static final ConfigKey HISTORY_JDBC_PASSWORD =
      new ConfigKey(
          ConfigSection.DEPLOYMENT_HISTORY,
          DeploymentHistory.JDBC_PASSWORD,
          "string",
          "none",
          "the database password when the environment variable `STAGEGATE_HISTORY_JDBC_PASSWORD` (preferred) is not set; never written to a report or a message",
          "`DeploymentHistory`");

  public static final ConfigKey HISTORY_TABLE =
      new ConfigKey(
          ConfigSection.DEPLOYMENT_HISTORY,
          DeploymentHistory.TABLE,
          "identifier",
          "`deployment_history`",
          "a plain lowercase identifier, optionally `schema.table`",
          "`DeploymentHistory`");

  public static final ConfigKey HISTORY_TAG =
      new ConfigKey(
          ConfigSection.DEPLOYMENT_HISTORY,
          DeploymentHistory.TAG,
          "boolean",
          "`false`",
          "an annotated git tag `v<version>` on the deployed commit (never pushed)",
          "`DeploymentHistory`");

  /** Every key, in the order of the documentation. */
  public static final List<ConfigKey> ALL =
      List.of(
          REPORT_DIR,
          STARTUP_TIMEOUT,
          BUILD_TIMEOUT,
          SMOKE_TIMEOUT,
          SMOKE_SETTLE,
          LOGS_ALLOW,
          LOGS_ALLOW_SERVICE,
          LOGS_LINES,
          LOGS_FAILFAST,
          BURNIN_DURATION,
          BURNIN_WATCH_AFTER_FAILURE,
          STATS_INTERVAL,
          STATS_STALL,
          PROGRESS_INTERVAL,
          TREND_MIN_SPAN,
          JOURNAL_INTERVAL,
          COMPOSE_COMMAND,
          COMPOSE_PROFILES,
          DOCKER_HOST,
          GIT_BASE,
          GIT_BASE_ENVIRONMENT,
          IMAGES_KEEP,
          IMAGES_REPOSITORY,
          TEARDOWN_ENGINE_WAIT,
          TESTS_REPORTS,
          LOAD_INTERVAL,
          BASELINE_MODE,
          ROLLBACK_PREVIOUS,
          ROLLBACK_COMPOSE,
          ROLLBACK_MARKER_SERVICE,
          ROLLBACK_MARKER_FILE,
          ROLLBACK_ENVIRONMENT,
          ROLLBACK_STARTUP_TIMEOUT,
          DEPLOY_DOCKER_HOST,
          DEPLOY_PROJECT,
          DEPLOY_BASE_URL,
          DEPLOY_WATCH_DURATION,
          DEPLOY_EXPECTED_COMMIT,
          DEPLOY_VERSION,
          DEPLOY_HOOK_TIMEOUT,
          DEPLOY_LOG,
          APPROVAL_AUDIT,
          DEPLOY_PRE_CHECK_AUDIT,
          DEPLOY_SSH_SOCKET,
          DEPLOY_SSH_OPTIONS,
          APPROVAL_AUDIT_PRE_DEPLOY_CHECK,
          APPROVAL_FILE,
          DEPLOY_MARKER_FILE,
          POLICY_BLOCKED_WINDOW,
          POLICY_ZONE,
          POLICY_BLOCKED_DAYS,
          POLICY_OVERRIDE_REASON,
          POLICY_REQUIRE_APPROVAL,
          POLICY_REQUIRE_MARKER,
          POLICY_REQUIRE_ROLLBACK_DRILL,
          HISTORY_TEXT_LOG,
          HISTORY_JDBC_URL,
          HISTORY_JDBC_USER,
          HISTORY_JDBC_PASSWORD,
          HISTORY_TABLE,
          HISTORY_TAG);
}
