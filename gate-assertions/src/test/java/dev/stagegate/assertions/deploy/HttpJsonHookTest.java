package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpJsonHookTest {
  private static final String HEALTH = "{\"status\":\"ok\",\"db_ready\":true}";
  private static LocalHttp http;

  @BeforeAll
  static void serve() throws IOException {
    http =
        new LocalHttp()
            .answer("/ok", 200, "{\"status\":\"ok\",\"db_ready\":true,\"version\":\"1.4.2\"}")
            .answer("/db-down", 200, "{\"status\":\"ok\",\"db_ready\":false}")
            .answer("/error", 500, "Internal Server Error: pool exhausted")
            .answer("/slow", 200, HEALTH, 5_000)
            .answer("/text", 200, "OK")
            .answerRefusingUpgrades("/uvicorn", HEALTH);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static HookResult run(DeployHook hook) {
    return HookRunner.of(hook).withTimeout(Duration.ofSeconds(2)).run().results().get(0);
  }

  @Test
  void aHealthyBodyPasses() {
    HookResult r = run(HttpJsonHook.get(http.uri("/ok")).expectStatus(200).expectJson(HEALTH));

    assertThat(r.status()).isEqualTo(HookStatus.PASS);
    assertThat(r.detail()).isEqualTo("GET " + http.uri("/ok") + " returned 200 with " + HEALTH);
    assertThat(r.evidence()).contains("\"version\":\"1.4.2\"");
  }

  @Test
  void aServerThatRefusesUpgradeRequestsIsAskedInPlainHttp11() {
    HookResult r = run(HttpJsonHook.get(http.uri("/uvicorn")).expectJson(HEALTH));

    assertThat(r.status()).as(r.sentence()).isEqualTo(HookStatus.PASS);
  }

  @Test
  void aDifferentValueFailsWithItsJsonPath() {
    HookResult r = run(HttpJsonHook.get(http.uri("/db-down")).expectJson(HEALTH).named("health"));

    assertThat(r.sentence())
        .isEqualTo("hook \"health\" failed: at $.db_ready expected true but was false");
    assertThat(r.evidence()).isEqualTo("{\"status\":\"ok\",\"db_ready\":false}");
  }

  @Test
  void anUnexpectedStatusFailsWithTheBody() {
    HookResult r = run(HttpJsonHook.get(http.uri("/error")).expectJson(HEALTH).named("health"));

    assertThat(r.status()).isEqualTo(HookStatus.FAIL);
    assertThat(r.detail())
        .isEqualTo(
            "GET "
                + http.uri("/error")
                + " expected status 200 but was 500 with <Internal Server Error: pool exhausted>");
  }

  @Test
  void anExpectedStatusOtherThan200CanBeSet() {
    assertThat(run(HttpJsonHook.get(http.uri("/error")).expectStatus(500)).status())
        .isEqualTo(HookStatus.PASS);
  }

  @Test
  void aBodyThatIsNotJsonFails() {
    assertThat(run(HttpJsonHook.get(http.uri("/text")).expectJson(HEALTH)).detail())
        .isEqualTo("body is not JSON: <OK>");
  }

  @Test
  void aSlowEndpointTimesOut() {
    HookReport report =
        HookRunner.of(
                HttpJsonHook.get(http.uri("/slow")).expectJson(HEALTH).named("slow"),
                HttpJsonHook.get(http.uri("/ok")).expectJson(HEALTH).named("health"))
            .withTimeout(Duration.ofMillis(500))
            .run();

    assertThat(report.failures()).containsExactly("hook \"slow\" timed out after 0.5 s");
    assertThat(report.result("health").orElseThrow().passed()).isTrue();
    assertThat(report.total()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aClosedPortFailsWithTheReason() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + closed + "/health");

    HookResult r = run(HttpJsonHook.get(uri).named("health"));

    assertThat(r.status()).isEqualTo(HookStatus.FAIL);
    assertThat(r.detail()).startsWith("GET " + uri + " failed: ConnectException");
  }

  @Test
  void aRelativeUriResolvesAgainstTheBaseUri() {
    HookReport report =
        HookRunner.of(HttpJsonHook.get(URI.create("/ok")).expectJson(HEALTH).named("health"))
            .withBaseUri(http.uri("/"))
            .run();
    assertThat(report.passed()).isTrue();

    HookReport noBase = HookRunner.of(HttpJsonHook.get(URI.create("/ok")).named("health")).run();
    assertThat(noBase.failures())
        .containsExactly(
            "hook \"health\" failed: IllegalStateException: relative URI /ok needs a base URI,"
                + " but none is configured; use an absolute URI or HookRunner.withBaseUri(...)");
  }

  @Test
  void theDefaultNameIsTheRequest() {
    assertThat(HttpJsonHook.get(URI.create("http://127.0.0.1:8080/health")).name())
        .isEqualTo("GET http://127.0.0.1:8080/health");
    assertThatThrownBy(() -> HttpJsonHook.get(URI.create("/h")).expectStatus(42))
        .hasMessage("HTTP status must be 100 to 599 but was 42");
  }
}
