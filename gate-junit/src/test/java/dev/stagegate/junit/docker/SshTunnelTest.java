package dev.stagegate.junit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** URL parsing, option splitting and the ssh command line; no ssh is started here. */
class SshTunnelTest {
  private static final Path SOCKET = Path.of("/tmp/stagegate-ssh-1/docker.sock");

  @Test
  void parsesUserHostAndPort() {
    assertThat(SshTunnel.Target.parse("ssh://deploy@staging.example.com:2200"))
        .isEqualTo(
            new SshTunnel.Target(
                Optional.of("deploy"), "staging.example.com", OptionalInt.of(2200)));
  }

  @Test
  void userAndPortAreOptionalSoSshConfigDecides() {
    assertThat(SshTunnel.Target.parse("ssh://staging"))
        .isEqualTo(new SshTunnel.Target(Optional.empty(), "staging", OptionalInt.empty()));
    assertThat(SshTunnel.Target.parse("ssh://root@10.0.0.5/"))
        .isEqualTo(new SshTunnel.Target(Optional.of("root"), "10.0.0.5", OptionalInt.empty()));
  }

  @Test
  void parsesABracketedIpv6Host() {
    SshTunnel.Target t = SshTunnel.Target.parse("ssh://ops@[::1]:2222");
    assertThat(t).isEqualTo(new SshTunnel.Target(Optional.of("ops"), "::1", OptionalInt.of(2222)));
    assertThat(t.display()).isEqualTo("ops@[::1]:2222");
  }

  @Test
  void rejectsWhatSshCannotUseSayingWhy() {
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://deploy:secret@host"))
        .hasMessageContaining("carries a password")
        .hasMessageContaining(SshTunnel.OPTIONS_KEY);
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://host/var/run/docker.sock"))
        .hasMessageContaining("has a path (/var/run/docker.sock)")
        .hasMessageContaining(SshTunnel.SOCKET_KEY);
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://host:ssh"))
        .hasMessageContaining("the port 'ssh' is not a number");
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://host:0"))
        .hasMessageContaining("not within 1..65535");
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://")).hasMessageContaining("not a URL");
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh:///x")).hasMessageContaining("no host");
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://@host"))
        .hasMessageContaining("user before '@' is empty");
    assertThatThrownBy(() -> SshTunnel.Target.parse("ssh://-oProxyCommand=x"))
        .hasMessageContaining("is not a host name");
    assertThatThrownBy(() -> SshTunnel.Target.parse("tcp://host:2375"))
        .hasMessageContaining("not an ssh:// URL");
  }

  @Test
  void theCommandPutsTheTunnelsOwnOptionsFirstAndTheTargetLast() {
    SshTunnel.Settings settings =
        new SshTunnel.Settings(
            "/run/user/1000/docker.sock", List.of("-i", "/keys/deploy", "-o", "ConnectTimeout=30"));
    List<String> c =
        SshTunnel.command(SshTunnel.Target.parse("ssh://deploy@host:2200"), settings, SOCKET);
    assertThat(c)
        .containsExactly(
            "ssh",
            "-o",
            "BatchMode=yes",
            "-o",
            "ExitOnForwardFailure=yes",
            "-o",
            "ControlPath=none",
            "-i",
            "/keys/deploy",
            "-o",
            "ConnectTimeout=30",
            "-o",
            "ConnectTimeout=10",
            "-o",
            "ServerAliveInterval=15",
            "-o",
            "ServerAliveCountMax=3",
            "-nNT",
            "-L",
            "/tmp/stagegate-ssh-1/docker.sock:/run/user/1000/docker.sock",
            "-l",
            "deploy",
            "-p",
            "2200",
            "--",
            "host");
    // ssh keeps the first -o value: the user's ConnectTimeout=30 wins over the default.
    assertThat(c.indexOf("ConnectTimeout=30")).isLessThan(c.indexOf("ConnectTimeout=10"));
  }

  @Test
  void withoutUserOrPortTheCommandLeavesThemToSshConfig() {
    List<String> c =
        SshTunnel.command(
            SshTunnel.Target.parse("ssh://staging"), SshTunnel.Settings.defaults(), SOCKET);
    assertThat(c).doesNotContain("-l", "-p");
    assertThat(c.subList(c.size() - 4, c.size()))
        .containsExactly(
            "-L", "/tmp/stagegate-ssh-1/docker.sock:/var/run/docker.sock", "--", "staging");
  }

  @Test
  void optionsSplitLikeShellWords() {
    assertThat(
            SshTunnel.splitOptions(
                "  -i '/keys/my key' -o \"UserKnownHostsFile=/a b/known\" -o A\\ B  "))
        .containsExactly("-i", "/keys/my key", "-o", "UserKnownHostsFile=/a b/known", "-o", "A B");
    assertThat(SshTunnel.splitOptions("")).isEmpty();
    assertThatThrownBy(() -> SshTunnel.splitOptions("-i '/keys/x"))
        .hasMessageContaining("unclosed '");
  }

  @Test
  void backgroundingIsRejectedButValuesAreNotMistakenForFlags() {
    assertThatThrownBy(() -> SshTunnel.rejectBackgrounding(List.of("-f")))
        .hasMessageContaining("-f would put ssh into the background");
    assertThatThrownBy(() -> SshTunnel.rejectBackgrounding(List.of("-Nf")))
        .hasMessageContaining("-f");
    SshTunnel.rejectBackgrounding(
        List.of("-i", "-fancy-key", "-ifile", "-F", "/etc/ssh/conf", "-o", "ForwardAgent=no"));
  }

  @Test
  void settingsReadTheKeysAndNameThemWhenWrong() {
    SshTunnel.Settings s =
        SshTunnel.Settings.read(
            config(
                Map.of(
                    SshTunnel.SOCKET_KEY, " /run/docker.sock ",
                    SshTunnel.OPTIONS_KEY, "-i /k -o StrictHostKeyChecking=accept-new")));
    assertThat(s.remoteSocket()).isEqualTo("/run/docker.sock");
    assertThat(s.options()).containsExactly("-i", "/k", "-o", "StrictHostKeyChecking=accept-new");
    assertThat(SshTunnel.Settings.read(config(Map.of()))).isEqualTo(SshTunnel.Settings.defaults());

    assertThatThrownBy(
            () -> SshTunnel.Settings.read(config(Map.of(SshTunnel.SOCKET_KEY, "docker.sock"))))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("Configuration parameter stagegate.deploy.ssh.socket")
        .hasMessageContaining("absolute path");
    assertThatThrownBy(
            () -> SshTunnel.Settings.read(config(Map.of(SshTunnel.OPTIONS_KEY, "-f -i /k"))))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("Configuration parameter stagegate.deploy.ssh.options: -f");
  }

  @Test
  void theFixMatchesWhatSshSaid() {
    SshTunnel.Target t = SshTunnel.Target.parse("ssh://deploy@host:2200");
    assertThat(SshTunnel.fixFor(t, SOCKET, "deploy@host: Permission denied (publickey)."))
        .contains("refused every key ssh offered for \"deploy\"", "-i <key> in " + "stagegate");
    assertThat(SshTunnel.fixFor(t, SOCKET, "Host key verification failed."))
        .contains("ssh-keyscan -p 2200 host", "StrictHostKeyChecking=accept-new");
    assertThat(
            SshTunnel.fixFor(t, SOCKET, "ssh: connect to host host port 2200: Connection refused"))
        .contains("Nothing accepts ssh connections at host port 2200");
    assertThat(SshTunnel.fixFor(t, SOCKET, "ssh: Could not resolve hostname host: Name"))
        .contains("does not resolve");
    assertThat(SshTunnel.fixFor(t, SOCKET, "something new")).contains("by hand with -v");
  }

  private static java.util.function.Function<String, Optional<String>> config(
      Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }
}
