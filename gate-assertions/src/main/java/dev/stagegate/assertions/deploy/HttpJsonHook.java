package dev.stagegate.assertions.deploy;

import dev.stagegate.assertions.json.JsonSubset;
import java.net.URI;
import java.util.Objects;

/**
 * GETs a health endpoint and checks its status and, optionally, that its JSON body contains an
 * expected document (by {@link JsonSubset} rules: extra keys are fine, numbers compare
 * numerically). Immutable; every method returns a new hook.
 *
 * <pre>{@code
 * HttpJsonHook.get(URI.create("http://127.0.0.1:8080/health"))
 *     .expectStatus(200)
 *     .expectJson("{\"status\":\"ok\",\"db_ready\":true}")
 *     .named("health");
 * // fails with: at $.db_ready expected true but was false
 * }</pre>
 *
 * <p>A relative URI ({@code /health}) resolves against the runner's base URI. The expected status
 * is 200 unless set; redirects are not followed, since a health endpoint that redirects is
 * misconfigured. The body (cut to a few KB) is the evidence.
 */
public final class HttpJsonHook implements DeployHook {
  private final String name;
  private final URI uri;
  private final int expectedStatus;
  private final JsonSubset expectedJson;

  private HttpJsonHook(String name, URI uri, int expectedStatus, JsonSubset expectedJson) {
    this.name = name;
    this.uri = uri;
    this.expectedStatus = expectedStatus;
    this.expectedJson = expectedJson;
  }

  /** A hook that GETs {@code uri} and expects status 200; named {@code "GET <uri>"}. */
  public static HttpJsonHook get(URI uri) {
    Objects.requireNonNull(uri, "uri");
    return new HttpJsonHook("GET " + uri, uri, 200, null);
  }

  /** Expect {@code status} instead of 200. */
  public HttpJsonHook expectStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be 100 to 599 but was " + status);
    }
    return new HttpJsonHook(name, uri, status, expectedJson);
  }

  /**
   * Expect the body to contain this JSON document.
   *
   * @throws IllegalArgumentException if {@code json} is not JSON
   */
  public HttpJsonHook expectJson(String json) {
    return new HttpJsonHook(name, uri, expectedStatus, JsonSubset.parse(json));
  }

  /** This hook under another name. */
  public HttpJsonHook named(String name) {
    return new HttpJsonHook(
        Objects.requireNonNull(name, "name"), uri, expectedStatus, expectedJson);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    URI target = ctx.resolve(uri);
    HttpGet.Checked got =
        HttpGet.expect(target, ctx, "application/json", expectedStatus, body -> body);
    if (got.failed()) {
      return got.failure();
    }
    HttpGet.Response response = got.response();
    String body = response.body();
    if (expectedJson == null) {
      return HookOutcome.pass("GET " + target + " returned " + response.status())
          .withEvidence(body);
    }
    return expectedJson
        .mismatch(body)
        .map(HookOutcome::fail)
        .orElseGet(
            () ->
                HookOutcome.pass(
                    "GET "
                        + target
                        + " returned "
                        + response.status()
                        + " with "
                        + expectedJson.expected()))
        .withEvidence(body);
  }

  @Override
  public String toString() {
    return "HttpJsonHook[" + name + "]";
  }
}
