package dev.stagegate.junit.gate;

import dev.stagegate.assertions.deploy.DeployHook;
import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.LogAllow;
import dev.stagegate.junit.PostDeployWatch;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.junit.config.LogAllowlist;
import dev.stagegate.junit.docker.SshTunnel;
import dev.stagegate.report.deploy.DeploymentHistory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a {@link PostDeployWatch} needs, validated before the target is contacted.
 *
 * @param dockerHost the target engine's URL
 * @param dockerHostSource where it came from (a configuration key, the annotation or {@code
 *     DOCKER_HOST}), named in errors
 * @param ssh how an ssh:// host is tunnelled ({@value SshTunnel#SOCKET_KEY}, {@value
 *     SshTunnel#OPTIONS_KEY})
 * @param project the compose project whose containers are the target
 * @param baseUrl what HTTP hooks resolve against, if given
 * @param markerService the service holding the deployment marker; empty: not checked
 * @param expectedCommit the commit the marker must name (HEAD unless configured)
 * @param requested the duration the annotation asks for
 * @param planned the duration this run watches ({@value #WATCH_DURATION} may shorten it)
 * @param hooks the hooks, built-in first, in order ({@link PostDeployHooks})
 * @param hookTimeout per hook ({@value #HOOK_TIMEOUT})
 * @param history where the deployment is recorded: the JSON Lines log ({@value #LOG}) and, as
 *     configured, the text log, the {@code deployment_history} table and the release tag
 */
public record PostDeploySpec(
    String id,
    String displayName,
    String dockerHost,
    String dockerHostSource,
    SshTunnel.Settings ssh,
    String project,
    Optional<URI> baseUrl,
    String markerService,
    String environment,
    Optional<String> version,
    String expectedCommit,
    Duration requested,
    Duration planned,
    List<DeployHook> hooks,
    Optional<Duration> hooksEvery,
    Duration hookTimeout,
    DeploymentHistory history,
    GateSettings settings,
    Function<String, Optional<String>> config,
    List<LogAllow> logAllows) {
  public static final String DOCKER_HOST = "stagegate.deploy.docker-host";
  public static final String PROJECT = "stagegate.deploy.project";
  public static final String BASE_URL = "stagegate.deploy.base-url";
  public static final String WATCH_DURATION = "stagegate.deploy.watch.duration";
  public static final String EXPECTED_COMMIT = DeployCommit.KEY;
  public static final String VERSION = "stagegate.deploy.version";
  public static final String LOG = DeploymentHistory.JSON_LOG;
  public static final String HOOK_TIMEOUT = "stagegate.deploy.hook.timeout";

  /** The label compose puts on every container of a project. */
  public static final String PROJECT_LABEL = "com.docker.compose.project";

  private static final Duration DEFAULT_DURATION = Duration.ofMinutes(10);

  public PostDeploySpec {
    hooks = List.copyOf(hooks);
    logAllows = List.copyOf(logAllows);
  }

  /**
   * The approved audit ({@value PreDeploySpec#AUDIT}), whose approval binds the images every
   * container must run; empty when not configured.
   */
  public Optional<java.nio.file.Path> approvedAudit() {
    return config
        .apply(PreDeploySpec.AUDIT)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .map(v -> java.nio.file.Path.of(v).toAbsolutePath());
  }

  /** Whether this run watches for less than requested. */
  public boolean shortened() {
    return planned.compareTo(requested) < 0;
  }

  /**
   * Reads and checks the annotation and the configuration.
   *
   * @param env the environment ({@code DOCKER_HOST}), passed in for tests
   */
  public static PostDeploySpec read(
      PostDeployWatch a,
      String id,
      String displayName,
      Function<String, Optional<String>> config,
      Map<String, String> env,
      List<LogAllow> logAllows) {
    Function<String, Optional<String>> lookup =
        key -> config.apply(key).map(String::trim).filter(v -> !v.isBlank());
    GateSettings settings = GateSettings.read(config, List.of());

    String hostSource;
    String host;
    if (lookup.apply(DOCKER_HOST).isPresent()) {
      host = lookup.apply(DOCKER_HOST).get();
      hostSource = DOCKER_HOST;
    } else if (!a.dockerHost().isBlank()) {
      host = a.dockerHost().trim();
      hostSource = "@PostDeployWatch(dockerHost)";
    } else if (env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank()) {
      host = env.get("DOCKER_HOST").trim();
      hostSource = "DOCKER_HOST";
    } else {
      throw new GateConfigurationException(
          "@PostDeployWatch needs the deployed target's Docker host: set the configuration"
              + " parameter "
              + DOCKER_HOST
              + " (e.g. tcp://10.0.0.5:2375 or ssh://deploy@host), the annotation's dockerHost"
              + " or DOCKER_HOST.");
    }

    SshTunnel.Settings ssh = SshTunnel.Settings.read(lookup);

    String project = lookup.apply(PROJECT).orElse(a.project().trim());
    if (project.isBlank()) {
      throw new GateConfigurationException(
          "@PostDeployWatch needs the compose project of the deployed stack: set project = \"...\""
              + " or the configuration parameter "
              + PROJECT
              + ".");
    }

    Optional<URI> baseUrl =
        lookup
            .apply(BASE_URL)
            .or(() -> Optional.of(a.baseUrl().trim()).filter(s -> !s.isBlank()))
            .map(PostDeploySpec::absoluteUri);

    int given = (a.minutes() != 0 ? 1 : 0) + (a.duration().isBlank() ? 0 : 1);
    if (given > 1) {
      throw new GateConfigurationException(
          "@PostDeployWatch takes one of minutes or duration, not both.");
    }
    if (a.minutes() < 0) {
      throw new GateConfigurationException(
          "@PostDeployWatch(minutes) must be positive but was " + a.minutes() + ".");
    }
    Duration requested =
        a.minutes() != 0
            ? Duration.ofMinutes(a.minutes())
            : a.duration().isBlank()
                ? DEFAULT_DURATION
                : GateSettings.parseDuration(a.duration(), "@PostDeployWatch(duration)");
    Duration planned =
        lookup
            .apply(WATCH_DURATION)
            .map(v -> GateSettings.parseDuration(v, "Configuration parameter " + WATCH_DURATION))
            .orElse(requested);
    Optional<Duration> hooksEvery =
        a.hooksEvery().isBlank()
            ? Optional.empty()
            : Optional.of(
                GateSettings.parseDuration(a.hooksEvery(), "@PostDeployWatch(hooksEvery)"));
    Duration hookTimeout =
        GateSettings.parseDuration(
            lookup.apply(HOOK_TIMEOUT).orElse("PT10S"), "Configuration parameter " + HOOK_TIMEOUT);

    String expectedCommit =
        a.markerService().isBlank() ? "" : DeployCommit.resolve(lookup, "@PostDeployWatch");
    Optional<String> version =
        lookup.apply(VERSION).or(() -> Optional.of(a.version().trim()).filter(s -> !s.isBlank()));

    List<DeployHook> hooks = PostDeployHooks.of(a, baseUrl);
    for (LogAllow allow : logAllows) {
      LogAllowlist.checkedRegex(allow.pattern(), "@LogAllow(pattern)");
    }
    DeploymentHistory history;
    try {
      history = DeploymentHistory.fromConfig(config, settings.reportDir());
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(e.getMessage(), e);
    }
    return new PostDeploySpec(
        id,
        displayName,
        host,
        hostSource,
        ssh,
        project,
        baseUrl,
        a.markerService().trim(),
        a.environment().trim(),
        version,
        expectedCommit,
        requested,
        planned,
        hooks,
        hooksEvery,
        hookTimeout,
        history,
        settings,
        config,
        logAllows);
  }

  /** The log audit for the target's services, with the annotations' and settings' allowlist. */
  LogAudit logAudit(Iterable<String> services) {
    return LogAllowlist.apply(logAllows, GateSettings.read(config, services).logAllow());
  }

  private static URI absoluteUri(String value) {
    try {
      URI uri = URI.create(value.endsWith("/") ? value : value + "/");
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException("not absolute");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(
          "The base URL ("
              + BASE_URL
              + ") must be absolute, e.g. http://10.0.0.5:8000, but was '"
              + value
              + "'.",
          e);
    }
  }
}
