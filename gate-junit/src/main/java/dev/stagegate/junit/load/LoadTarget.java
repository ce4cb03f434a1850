package dev.stagegate.junit.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of request a load generator sends over and over.
 *
 * <pre>{@code
 * LoadTarget t = LoadTarget.get(URI.create("http://127.0.0.1:8000/api/v1/agents/list"));
 * LoadTarget post = new LoadTarget("POST", uri, "{\"q\":1}", Map.of("Content-Type",
 *     "application/json"), 201, Duration.ofSeconds(5));
 * }</pre>
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param uri where to send it
 * @param body the request body; empty for none
 * @param headers extra request headers
 * @param expectedStatus the status an answer must have to count as a success
 * @param timeout how long a request may take before it counts as an error
 */
public record LoadTarget(
    String method,
    URI uri,
    String body,
    Map<String, String> headers,
    int expectedStatus,
    Duration timeout) {
  /** Default timeout of a request: far above any latency a gate would accept. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public LoadTarget {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    body = body == null ? "" : body;
    headers = Map.copyOf(headers);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
  }

  /** A GET expecting 200, with the default timeout. */
  public static LoadTarget get(URI uri) {
    return new LoadTarget("GET", uri, "", Map.of(), 200, DEFAULT_TIMEOUT);
  }

  /** How the target reads in a sentence: {@code GET http://host:port/path}. */
  public String describe() {
    return method + " " + uri;
  }
}
