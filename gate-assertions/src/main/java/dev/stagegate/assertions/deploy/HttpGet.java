package dev.stagegate.assertions.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The one GET the HTTP hooks make: bounded in time and size, on a shared client. */
final class HttpGet {
  /** Largest body read; a health or metrics endpoint answering more is broken, not slow. */
  static final int BODY_LIMIT = 8 * 1024 * 1024;

  /**
   * Added to the hook's deadline for the request's own timeout: the runner reports the hook as
   * TIMEOUT at the deadline and interrupts it, so this only bounds how long an orphaned request
   * lingers, and keeps the status TIMEOUT rather than a racing HttpTimeoutException.
   */
  private static final Duration GRACE = Duration.ofSeconds(1);

  // One client for all hooks: each client owns a selector thread, and Java 17 cannot close one.
  // HTTP/1.1: the default HTTP/2 sends "Upgrade: h2c" on plain http, which servers such as uvicorn
  // (h11) answer with 400 "Unsupported upgrade request." instead of serving the request.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  record Response(int status, String body) {}

  /** A response with the expected status, or the failing outcome that says why there is none. */
  record Checked(Response response, HookOutcome failure) {
    boolean failed() {
      return failure != null;
    }
  }

  private HttpGet() {}

  static Response get(URI uri, HookContext ctx, String accept)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(ctx.remaining().plus(GRACE))
            .header("Accept", accept)
            .build();
    HttpResponse<InputStream> response =
        CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(BODY_LIMIT + 1);
      if (bytes.length > BODY_LIMIT) {
        throw new IOException(
            "the body of GET " + uri + " is larger than " + BODY_LIMIT + " bytes; not read");
      }
      return new Response(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /**
   * GETs {@code target} for a hook: the response when it has {@code expectedStatus}, else the
   * failure both HTTP hooks report (the request failed, or the status was another, quoting the
   * body), with {@code evidence} made of the body.
   */
  static Checked expect(
      URI target,
      HookContext ctx,
      String accept,
      int expectedStatus,
      UnaryOperator<String> evidence)
      throws InterruptedException {
    Response response;
    try {
      response = get(target, ctx, accept);
    } catch (IOException e) {
      return new Checked(null, HookOutcome.fail("GET " + target + " failed: " + Texts.describe(e)));
    }
    if (response.status() != expectedStatus) {
      return new Checked(
          response,
          HookOutcome.fail(
                  "GET "
                      + target
                      + " expected status "
                      + expectedStatus
                      + " but was "
                      + response.status()
                      + " with "
                      + quoteBody(response.body()))
              .withEvidence(evidence.apply(response.body())));
    }
    return new Checked(response, null);
  }

  /** A body for a sentence: quoted and cut, or "an empty body". */
  static String quoteBody(String body) {
    return body.isBlank() ? "an empty body" : "<" + Texts.quote(body) + ">";
  }
}
