package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class TcpConnectHookTest {

  @Test
  void anOpenPortPasses() throws IOException {
    try (ServerSocket db = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      HookReport report =
          HookRunner.of(TcpConnectHook.to("127.0.0.1", db.getLocalPort()).named("db-port")).run();

      HookResult r = report.results().get(0);
      assertThat(r.status()).isEqualTo(HookStatus.PASS);
      assertThat(r.detail()).matches("connected to 127\\.0\\.0\\.1:\\d+ in \\d+ ms");
    }
  }

  @Test
  void aClosedPortFailsAtOnce() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    HookReport report =
        HookRunner.of(TcpConnectHook.to("127.0.0.1", closed).named("db-port")).run();

    assertThat(report.failures())
        .containsExactly(
            "hook \"db-port\" failed: cannot connect to 127.0.0.1:"
                + closed
                + ": ConnectException: Connection refused");
  }

  @Test
  void portsAreChecked() {
    assertThatThrownBy(() -> TcpConnectHook.to("127.0.0.1", 0))
        .hasMessage("port must be 1 to 65535 but was 0");
    assertThat(TcpConnectHook.to("127.0.0.1", 5432).name()).isEqualTo("tcp 127.0.0.1:5432");
  }
}
