package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.assertions.DeployAssertions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookReportAssertTest {

  @Test
  void allPassedPassesWhenEveryHookPassed() {
    HookReport report = HookRunner.of(Hooks.passing("health"), Hooks.passing("db-port")).run();

    DeployAssertions.assertThat(report).allPassed();
  }

  @Test
  void allPassedListsEachFailingHookWithItsDetail() throws IOException {
    try (LocalHttp http =
            new LocalHttp().answer("/health", 200, "{\"status\":\"ok\",\"db_ready\":false}");
        ServerSocket db = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      HookReport report =
          HookRunner.of(
                  HttpJsonHook.get(http.uri("/health"))
                      .expectJson("{\"status\":\"ok\",\"db_ready\":true}")
                      .named("health"),
                  TcpConnectHook.to("127.0.0.1", db.getLocalPort()).named("db-port"),
                  Hooks.sleeping("pool", 5_000))
              .withTimeout("pool", Duration.ofMillis(200))
              .run();

      assertThatThrownBy(() -> DeployAssertions.assertThat(report).allPassed())
          .isInstanceOf(AssertionError.class)
          .hasMessageMatching(
              String.join(
                  System.lineSeparator().replace("\r", "\\r").replace("\n", "\\n"),
                  List.of(
                      "(?s)Expecting all 3 deploy hooks to pass but 2 did not \\(run took"
                          + " \\d+\\.\\d s\\):",
                      "  hook \"health\" failed: at \\$\\.db_ready expected true but was false",
                      "  hook \"pool\" timed out after 0\\.2 s")));
    }
  }

  @Test
  void aNullReportFails() {
    assertThatThrownBy(() -> DeployAssertions.assertThat(null).allPassed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
