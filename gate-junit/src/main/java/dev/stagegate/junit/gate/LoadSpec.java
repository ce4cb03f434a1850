package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.Load;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.config.GateSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@link Load}.
 *
 * @param service the compose service
 * @param port the container port
 * @param path the request path (with any query string)
 * @param rate requests per second
 * @param method the HTTP method
 * @param body the request body; empty for none
 * @param headers extra request headers
 * @param status the expected status
 * @param timeout how long a request may take
 * @param maxErrorRate the largest error rate that passes, in [0, 1]
 * @param p99Ceiling the largest p99 over the run that passes, if any
 * @param interval how long each summarised interval is ({@code stagegate.load.interval})
 */
public record LoadSpec(
    String service,
    int port,
    String path,
    double rate,
    String method,
    String body,
    Map<String, String> headers,
    int status,
    Duration timeout,
    double maxErrorRate,
    Optional<Duration> p99Ceiling,
    Duration interval) {
  /** Configuration parameter: the length of a load interval (default {@code PT1M}). */
  public static final String INTERVAL_KEY = "stagegate.load.interval";

  /** The default length of a load interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  public LoadSpec {
    headers = Map.copyOf(headers);
  }

  /** A short name for messages and the report, e.g. {@code GET api:8000/api/v1/agents/list}. */
  public String name() {
    return method + " " + service + ":" + port + path;
  }

  /** Checks the annotation against the compose file; bad values name the fix. */
  public static LoadSpec of(Load load, ComposeFile compose, Optional<String> intervalParameter) {
    String where = "@Load(service = \"" + load.service() + "\", path = \"" + load.path() + "\")";
    if (compose.service(load.service()).isEmpty()) {
      throw new GateConfigurationException(
          where
              + ": service \""
              + load.service()
              + "\" is not in "
              + compose.path()
              + ". Services there: "
              + String.join(", ", compose.services().keySet())
              + ". Fix the service attribute.");
    }
    if (load.port() < 1 || load.port() > 65535) {
      throw new GateConfigurationException(
          where + ": port must be a container port from 1 to 65535 but was " + load.port() + ".");
    }
    if (!load.path().startsWith("/")) {
      throw new GateConfigurationException(
          where + ": path must start with '/' (e.g. \"/health\") but was \"" + load.path() + "\".");
    }
    if (!(load.rate() > 0) || load.rate() > 100_000 || Double.isNaN(load.rate())) {
      throw new GateConfigurationException(
          where
              + ": rate must be requests per second above 0 (and at most 100000) but was "
              + load.rate()
              + ".");
    }
    if (!load.method().matches("[A-Z]+")) {
      throw new GateConfigurationException(
          where
              + ": method must be an HTTP method such as GET or POST but was \""
              + load.method()
              + "\".");
    }
    if (load.status() < 100 || load.status() > 599) {
      throw new GateConfigurationException(
          where + ": status must be an HTTP status from 100 to 599 but was " + load.status() + ".");
    }
    if (!(load.maxErrorRate() >= 0 && load.maxErrorRate() <= 1)) {
      throw new GateConfigurationException(
          where
              + ": maxErrorRate is a share of requests from 0 to 1 (0.01 for 1 %) but was "
              + load.maxErrorRate()
              + ".");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : load.headers()) {
      int colon = h.indexOf(':');
      if (colon < 1) {
        throw new GateConfigurationException(
            where + ": a header must read \"Name: value\" but was \"" + h + "\".");
      }
      headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    Duration timeout =
        load.timeout().isBlank()
            ? Duration.ofSeconds(10)
            : GateSettings.parseDuration(load.timeout(), where + " timeout");
    Optional<Duration> p99 =
        load.p99().isBlank()
            ? Optional.empty()
            : Optional.of(GateSettings.parseDuration(load.p99(), where + " p99"));
    Duration interval =
        intervalParameter
            .filter(s -> !s.isBlank())
            .map(s -> GateSettings.parseDuration(s, "Configuration parameter " + INTERVAL_KEY))
            .orElse(DEFAULT_INTERVAL);
    return new LoadSpec(
        load.service(),
        load.port(),
        load.path(),
        load.rate(),
        load.method().toUpperCase(Locale.ROOT),
        load.body(),
        headers,
        load.status(),
        timeout,
        load.maxErrorRate(),
        p99,
        interval);
  }
}
