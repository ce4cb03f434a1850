package dev.stagegate.junit.config;

import dev.stagegate.junit.GateConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration parameters of stagegate (JUnit configuration parameters: {@code -D} system
 * properties or {@code junit-platform.properties}). Every key is documented in the README.
 *
 * @param reportDir {@code stagegate.report.dir}: where the audit is written (default {@code
 *     target/stagegate})
 * @param startupTimeout {@code stagegate.startup.timeout}: how long services may take to become
 *     healthy (default {@code PT2M})
 * @param buildTimeout {@code stagegate.build.timeout}: how long the no-cache build may take
 *     (default {@code PT10M})
 * @param smokeTimeout {@code stagegate.smoke.timeout}: per smoke request (default {@code PT10S})
 * @param settle {@code stagegate.smoke.settle}: how long a smoke gate keeps watching after the
 *     stack is healthy (default {@code PT2S})
 * @param logAllow {@code stagegate.logs.allow} (all services) and {@code
 *     stagegate.logs.allow.<service>}: one regular expression each
 * @param logLines {@code stagegate.logs.lines}: last log lines kept per service (default 1000)
 * @param burnInOverride {@code stagegate.burnin.duration}: replaces every burn-in's duration (unset
 *     by default)
 * @param statsInterval {@code stagegate.stats.interval}: how often stats are sampled (default
 *     {@code PT1S})
 * @param statsStall {@code stagegate.stats.stall}: a stats stream silent this long makes the
 *     burn-in INCONCLUSIVE (default {@code PT30S})
 * @param progressInterval {@code stagegate.progress.interval}: how often a burn-in reports progress
 *     (default {@code PT1M})
 * @param logsFailFast {@code stagegate.logs.failfast}: a log finding fails a burn-in at once
 *     (default {@code true}) or at the end ({@code false})
 * @param trendMinimumSpan {@code stagegate.trend.min-span}: the shortest watch the trend judges
 *     decide on (default {@code PT5M}); the trends of a shorter watch are "not judged" (a shortened
 *     burn-in is then PASS_SHORTENED; a full one requested shorter than this, INCONCLUSIVE)
 * @param journalInterval {@code stagegate.journal.interval}: how often a burn-in writes its
 *     evidence to disk so a killed JVM loses nothing (default {@code PT10S})
 * @param composeCommand {@code stagegate.compose.command}: the Compose v2 command to run, e.g.
 *     {@code docker compose} or a path (default: the {@code docker compose} plugin, else a
 *     standalone {@code docker-compose} that reports v2)
 * @param composeProfiles {@code stagegate.compose.profiles}: compose profiles to activate,
 *     comma-separated (default none)
 * @param dockerHost {@code stagegate.docker.host}: the engine the gate builds and runs on, {@code
 *     tcp://…} or {@code ssh://…} (default: the engine Testcontainers finds, {@code DOCKER_HOST})
 * @param imagesKeep {@code stagegate.images.keep}: a gate that passed keeps the images it built and
 *     tested, tagged {@code <repository>/<service>:<commit>}, so that the approved audit's images
 *     can be deployed without a rebuild (default {@code true}); {@code false} removes them at
 *     teardown like every other image the run built
 * @param imagesRepository {@code stagegate.images.repository}: the repository part of those tags,
 *     e.g. {@code registry.example.com:5000/agents} (default: the compose project's name)
 * @param engineWait {@code stagegate.teardown.engine-wait}: how long a gate whose engine stopped or
 *     became unreachable waits for it to answer again, before it collects evidence and tears down
 *     (default {@code PT60S}); when it gives up it names what it left and how to remove it
 */
public record GateSettings(
    Path reportDir,
    Duration startupTimeout,
    Duration buildTimeout,
    Duration smokeTimeout,
    Duration settle,
    Map<String, String> logAllow,
    int logLines,
    Optional<Duration> burnInOverride,
    Duration statsInterval,
    Duration statsStall,
    Duration progressInterval,
    boolean logsFailFast,
    Duration trendMinimumSpan,
    Duration journalInterval,
    Optional<String> composeCommand,
    List<String> composeProfiles,
    Optional<String> dockerHost,
    boolean imagesKeep,
    Optional<String> imagesRepository,
    Duration engineWait) {
  public static final String REPORT_DIR = "stagegate.report.dir";
  public static final String STARTUP_TIMEOUT = "stagegate.startup.timeout";
  public static final String BUILD_TIMEOUT = "stagegate.build.timeout";
  public static final String SMOKE_TIMEOUT = "stagegate.smoke.timeout";
  public static final String SETTLE = "stagegate.smoke.settle";
  public static final String LOGS_ALLOW = "stagegate.logs.allow";
  public static final String LOG_LINES = "stagegate.logs.lines";
  public static final String BURNIN_DURATION = "stagegate.burnin.duration";
  public static final String STATS_INTERVAL = "stagegate.stats.interval";
  public static final String STATS_STALL = "stagegate.stats.stall";
  public static final String PROGRESS_INTERVAL = "stagegate.progress.interval";
  public static final String LOGS_FAIL_FAST = "stagegate.logs.failfast";
  public static final String TREND_MIN_SPAN = "stagegate.trend.min-span";
  public static final String JOURNAL_INTERVAL = "stagegate.journal.interval";
  public static final String COMPOSE_COMMAND = "stagegate.compose.command";
  public static final String COMPOSE_PROFILES = "stagegate.compose.profiles";
  public static final String DOCKER_HOST = "stagegate.docker.host";
  public static final String IMAGES_KEEP = "stagegate.images.keep";
  public static final String IMAGES_REPOSITORY = "stagegate.images.repository";

  // docker's reference grammar: an optional registry host[:port], then lowercase path components
  private static final java.util.regex.Pattern REPOSITORY =
      java.util.regex.Pattern.compile(
          "([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  public static final String ENGINE_WAIT = "stagegate.teardown.engine-wait";

  public GateSettings {
    logAllow = Map.copyOf(logAllow);
    composeProfiles = List.copyOf(composeProfiles);
  }

  /**
   * Reads the settings through {@code lookup} (a key to its value, e.g. JUnit's {@code
   * ExtensionContext::getConfigurationParameter}); {@code services} lists the services whose {@code
   * stagegate.logs.allow.<service>} keys are read.
   */
  public static GateSettings read(
      Function<String, Optional<String>> lookup, Iterable<String> services) {
    Map<String, String> allow = new LinkedHashMap<>();
    lookup.apply(LOGS_ALLOW).filter(s -> !s.isBlank()).ifPresent(v -> allow.put("*", v));
    for (String s : services) {
      lookup.apply(LOGS_ALLOW + "." + s).filter(v -> !v.isBlank()).ifPresent(v -> allow.put(s, v));
    }
    return new GateSettings(
        Path.of(lookup.apply(REPORT_DIR).orElse("target/stagegate")),
        duration(lookup, STARTUP_TIMEOUT, "PT2M"),
        duration(lookup, BUILD_TIMEOUT, "PT10M"),
        duration(lookup, SMOKE_TIMEOUT, "PT10S"),
        duration(lookup, SETTLE, "PT2S"),
        allow,
        positiveInt(lookup, LOG_LINES, 1000),
        lookup
            .apply(BURNIN_DURATION)
            .filter(v -> !v.isBlank())
            .map(v -> parseDuration(v, "Configuration parameter " + BURNIN_DURATION)),
        duration(lookup, STATS_INTERVAL, "PT1S"),
        duration(lookup, STATS_STALL, "PT30S"),
        duration(lookup, PROGRESS_INTERVAL, "PT1M"),
        bool(lookup, LOGS_FAIL_FAST, true),
        duration(lookup, TREND_MIN_SPAN, "PT5M"),
        duration(lookup, JOURNAL_INTERVAL, "PT10S"),
        lookup.apply(COMPOSE_COMMAND).map(String::strip).filter(v -> !v.isEmpty()),
        profiles(lookup.apply(COMPOSE_PROFILES).orElse("")),
        lookup.apply(DOCKER_HOST).map(String::strip).filter(v -> !v.isEmpty()),
        bool(lookup, IMAGES_KEEP, true),
        repository(lookup.apply(IMAGES_REPOSITORY)),
        duration(lookup, ENGINE_WAIT, "PT60S"));
  }

  /** These settings with {@code stagegate.images.keep=false}. */
  public GateSettings withoutKeepingImages() {
    return new GateSettings(
        reportDir,
        startupTimeout,
        buildTimeout,
        smokeTimeout,
        settle,
        logAllow,
        logLines,
        burnInOverride,
        statsInterval,
        statsStall,
        progressInterval,
        logsFailFast,
        trendMinimumSpan,
        journalInterval,
        composeCommand,
        composeProfiles,
        dockerHost,
        false,
        imagesRepository,
        engineWait);
  }

  private static Optional<String> repository(Optional<String> value) {
    Optional<String> given = value.map(String::strip).filter(v -> !v.isEmpty());
    if (given.isPresent() && !REPOSITORY.matcher(given.get()).matches()) {
      throw new GateConfigurationException(
          "Configuration parameter "
              + IMAGES_REPOSITORY
              + " must be an image repository such as agents or registry.example.com:5000/agents"
              + " (lowercase letters, digits, . _ - and /) but was '"
              + given.get()
              + "'.");
    }
    return given;
  }

  private static List<String> profiles(String value) {
    List<String> profiles = new ArrayList<>();
    for (String p : value.split(",")) {
      String name = p.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
        throw new GateConfigurationException(
            "Configuration parameter "
                + COMPOSE_PROFILES
                + " must be a comma-separated list of profile names (letters, digits, _ . -) but"
                + " had '"
                + name
                + "'.");
      }
      profiles.add(name);
    }
    return profiles;
  }

  /** Parses an ISO-8601 duration; {@code where} names the setting for the error message. */
  public static Duration parseDuration(String value, String where) {
    try {
      Duration d = Duration.parse(value.trim());
      if (d.isNegative() || d.isZero()) {
        throw new GateConfigurationException(
            where + " must be a positive duration but was " + value + ". Use e.g. PT2M.");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new GateConfigurationException(
          where
              + " must be an ISO-8601 duration such as PT30S, PT2M or PT4H but was '"
              + value
              + "'.",
          e);
    }
  }

  private static Duration duration(
      Function<String, Optional<String>> lookup, String key, String fallback) {
    return parseDuration(lookup.apply(key).orElse(fallback), "Configuration parameter " + key);
  }

  private static boolean bool(
      Function<String, Optional<String>> lookup, String key, boolean fallback) {
    String v = lookup.apply(key).orElse(Boolean.toString(fallback)).trim();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new GateConfigurationException(
        "Configuration parameter " + key + " must be true or false but was '" + v + "'.");
  }

  private static int positiveInt(
      Function<String, Optional<String>> lookup, String key, int fallback) {
    String v = lookup.apply(key).orElse(Integer.toString(fallback)).trim();
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new GateConfigurationException(
        "Configuration parameter " + key + " must be a positive whole number but was '" + v + "'.");
  }
}
