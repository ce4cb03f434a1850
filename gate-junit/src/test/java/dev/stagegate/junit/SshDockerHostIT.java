package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagegate.junit.docker.RemoteDocker;
import dev.stagegate.junit.docker.SshTunnel;
import dev.stagegate.junit.fixtures.PostDeployGoodGate;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh:// Docker hosts against the loopback sshd of {@code scripts/sshd-setup.sh}, which fronts this
 * machine's engine. The failures run the whole {@code @PostDeployWatch} through the engine test
 * kit, so the configuration keys are read as a user's would be; they need no stack, because the
 * gate fails before it looks for one. After every case no ssh process and no socket directory of
 * this JVM may remain.
 */
class SshDockerHostIT {
  @TempDir Path reports;
  @TempDir Path keys;
  private Set<Path> dirsBefore;

  @BeforeEach
  void snapshot() {
    dirsBefore = SshTestHost.tunnelDirs();
  }

  @AfterEach
  void nothingLeftBehind() throws Exception {
    // close() waits for ssh to exit, so nothing should be alive even for a moment.
    assertThat(SshTestHost.sshChildren()).as("ssh processes left running").isEmpty();
    Set<Path> left = SshTestHost.tunnelDirs();
    left.removeAll(dirsBefore);
    assertThat(left).as("tunnel socket directories left behind").isEmpty();
  }

  @Test
  void theLocalEngineAnswersThroughTheTunnelAndCloseEndsSsh() {
    assumeTrue(SshTestHost.available(), SshTestHost.UNAVAILABLE);
    // The engine's own version, asked over its local socket (not through Testcontainers, which
    // would start Ryuk where the build did not configure it off).
    String local;
    try (RemoteDocker direct = RemoteDocker.connect("unix:///var/run/docker.sock", "test")) {
      local = direct.engineVersion();
    }
    long t0 = System.nanoTime();
    RemoteDocker docker =
        RemoteDocker.connect(
            SshTestHost.URL,
            "test",
            SshTunnel.Settings.read(
                key ->
                    java.util.Optional.ofNullable(
                        Map.of(SshTunnel.OPTIONS_KEY, SshTestHost.options()).get(key))));
    try {
      System.out.println(
          "[SshDockerHostIT] connect over ssh: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      assertThat(docker.engineVersion()).isEqualTo(local);
      assertThat(docker.host().toString()).isEqualTo(SshTestHost.URL);
      // While connected there is exactly our tunnel, and its socket is private.
      List<ProcessHandle> ssh = SshTestHost.sshChildren();
      assertThat(ssh).hasSize(1);
      assertThat(ssh.get(0).info().arguments().map(List::of).orElse(List.of()))
          .contains("BatchMode=yes", "-l", "root", "-p", "2222", "127.0.0.1");
      Set<Path> dirs = SshTestHost.tunnelDirs();
      dirs.removeAll(dirsBefore);
      assertThat(dirs).hasSize(1);
      assertThat(dirs.iterator().next().toFile().canRead()).isTrue();
      assertThat(docker.client().listContainersCmd().withShowAll(true).exec()).isNotNull();
    } finally {
      docker.close();
    }
  }

  @Test
  void aPortWhereNoSshdListensIsRefusedNamingHostAndFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    String host = "ssh://root@127.0.0.1:" + port;
    Throwable t = watchFails(host, SshTestHost.options());
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining(
            "ssh to root@127.0.0.1:"
                + port
                + " (Docker host "
                + host
                + ", stagegate.deploy.docker-host) exited with code 255 before the tunnel was up")
        .hasMessageContaining("ssh said: ssh: connect to host 127.0.0.1 port " + port)
        .hasMessageContaining("Connection refused")
        .hasMessageContaining("Nothing accepts ssh connections at 127.0.0.1 port " + port);
  }

  @Test
  void aKeyTheHostDoesNotAuthorizeIsRefusedQuotingSsh() throws Exception {
    assumeTrue(SshTestHost.available(), SshTestHost.UNAVAILABLE);
    Path stranger = keys.resolve("stranger_ed25519");
    Process keygen =
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(keygen.waitFor(30, TimeUnit.SECONDS) && keygen.exitValue() == 0)
        .as("ssh-keygen: %s", new String(keygen.getInputStream().readAllBytes()))
        .isTrue();
    Throwable t = watchFails(SshTestHost.URL, SshTestHost.options(stranger));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("stagegate.deploy.docker-host")
        .hasMessageContaining("root@127.0.0.1: Permission denied (publickey)")
        .hasMessageContaining("The host refused every key ssh offered for \"root\"")
        .hasMessageContaining("-i <key> in stagegate.deploy.ssh.options")
        .hasMessageContaining("-i " + stranger);
  }

  @Test
  void anUnknownHostKeyIsNotAcceptedSilently() throws Exception {
    assumeTrue(SshTestHost.available(), SshTestHost.UNAVAILABLE);
    Path empty = Files.createFile(keys.resolve("known_hosts"));
    Throwable t =
        watchFails(
            SshTestHost.URL,
            "-i "
                + SshTestHost.CLIENT_KEY
                + " -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                + empty);
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("Host key verification failed")
        .hasMessageContaining("ssh-keyscan -p 2222 127.0.0.1 >> ~/.ssh/known_hosts");
    assertThat(Files.size(empty)).as("BatchMode never adds a key on its own").isZero();
  }

  @Test
  void aWrongRemoteSocketNamesTheSocketKey() {
    assumeTrue(SshTestHost.available(), SshTestHost.UNAVAILABLE);
    Map<String, String> config = watch(SshTestHost.URL, SshTestHost.options());
    config.put("stagegate.deploy.ssh.socket", "/run/stagegate-no-such-engine.sock");
    Throwable t = GateKit.onlyFailure(GateKit.run(PostDeployGoodGate.class, reports, config));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining(
            "The ssh tunnel to root@127.0.0.1:2222 was up, but the engine's socket"
                + " /run/stagegate-no-such-engine.sock did not answer through it")
        .hasMessageContaining("ssh said: channel")
        .hasMessageContaining("open failed")
        .hasMessageContaining("Check stagegate.deploy.ssh.socket");
  }

  private Throwable watchFails(String host, String sshOptions) {
    long t0 = System.nanoTime();
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(PostDeployGoodGate.class, reports, watch(host, sshOptions)));
    System.out.println(
        "[SshDockerHostIT] failed in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + t);
    return t;
  }

  private static Map<String, String> watch(String host, String sshOptions) {
    Map<String, String> config = new HashMap<>();
    config.put("stagegate.deploy.docker-host", host);
    config.put("stagegate.deploy.ssh.options", sshOptions);
    config.put("stagegate.deploy.project", "sgsshnothing");
    config.put("stagegate.deploy.base-url", "http://127.0.0.1:9");
    config.put("stagegate.deploy.expected-commit", "0123456");
    config.put("stagegate.deploy.watch.duration", "PT1S");
    return config;
  }
}
