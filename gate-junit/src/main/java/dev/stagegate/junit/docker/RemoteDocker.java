package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A Docker client of its own for a deployed target's engine, given by URL ({@code tcp://host:2375},
 * {@code ssh://user@host[:port]} or {@code unix:///path}). Testcontainers' global client talks to
 * the local engine a gate builds on; a post-deploy watch must talk to the engine the stack was
 * deployed to. docker-java cannot speak ssh, so an ssh:// host is reached through an {@link
 * SshTunnel} that this object owns and closes.
 */
public final class RemoteDocker implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI host;
  private final DockerClient client;
  private final Version version;
  private final SshTunnel tunnel;
  private final URI engineUrl;

  private RemoteDocker(
      URI host, DockerClient client, Version version, SshTunnel tunnel, URI engineUrl) {
    this.host = host;
    this.client = client;
    this.version = version;
    this.tunnel = tunnel;
    this.engineUrl = engineUrl;
  }

  /** {@link #connect(String, String, SshTunnel.Settings)} with the default ssh settings. */
  public static RemoteDocker connect(String host, String configKey) {
    return connect(host, configKey, SshTunnel.Settings.defaults());
  }

  /**
   * Connects and pings the engine at {@code host}; for an ssh:// host, opens the tunnel first.
   *
   * @param configKey where the host came from, named in the error message
   * @param ssh how to tunnel when {@code host} is an ssh:// URL
   * @throws GateConfigurationException when the URL is malformed, ssh fails or no engine answers
   */
  public static RemoteDocker connect(String host, String configKey, SshTunnel.Settings ssh) {
    URI uri;
    try {
      uri = URI.create(host.trim());
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(
          "The Docker host '" + host + "' (" + configKey + ") is not a URL: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("tcp")
            || uri.getScheme().equals("ssh")
            || uri.getScheme().equals("unix"))) {
      throw new GateConfigurationException(
          "The Docker host '"
              + host
              + "' ("
              + configKey
              + ") must be a tcp://host:port, ssh://user@host[:port] or unix:// URL.");
    }
    SshTunnel tunnel =
        uri.getScheme().equals("ssh") ? SshTunnel.open(uri.toString(), ssh, configKey) : null;
    String engineUrl = tunnel == null ? uri.toString() : tunnel.dockerHost();
    DockerClient client;
    try {
      DefaultDockerClientConfig config =
          DefaultDockerClientConfig.createDefaultConfigBuilder()
              .withDockerHost(engineUrl)
              .withDockerTlsVerify(false)
              .build();
      DockerHttpClient http =
          new ZerodepDockerHttpClient.Builder()
              .dockerHost(config.getDockerHost())
              .sslConfig(config.getSSLConfig())
              .connectionTimeout(CONNECT_TIMEOUT)
              .build();
      client = DockerClientImpl.getInstance(config, http);
    } catch (RuntimeException e) {
      closeQuietly(tunnel);
      throw new GateConfigurationException(
          "Cannot create a Docker client for " + host + " (" + configKey + "): " + e, e);
    }
    try {
      client.pingCmd().exec();
      return new RemoteDocker(
          uri, client, client.versionCmd().exec(), tunnel, URI.create(engineUrl));
    } catch (RuntimeException e) {
      closeQuietly(client);
      // ssh logs why a forwarded connection failed (no socket there, no permission on it,
      // forwarding refused by sshd); without that the ping error is just "connection reset".
      String viaSsh = tunnel == null ? "" : tunnelHint(tunnel, ssh);
      closeQuietly(tunnel);
      throw new GateConfigurationException(
          "The Docker engine at "
              + host
              + " ("
              + configKey
              + ") is not reachable: "
              + e.getMessage()
              + (viaSsh.isEmpty()
                  ? ". Check the URL, that the engine listens there and that this machine may"
                      + " reach it."
                  : viaSsh),
          e);
    }
  }

  private static String tunnelHint(SshTunnel tunnel, SshTunnel.Settings ssh) {
    String said = tunnel.stderr().replaceAll("[.\\s]+$", "");
    return ". The ssh tunnel to "
        + tunnel.target().display()
        + " was up, but the engine's socket "
        + ssh.remoteSocket()
        + " did not answer through it"
        + (said.isEmpty() ? "" : "; ssh said: " + said)
        + ". Check "
        + SshTunnel.SOCKET_KEY
        + " (the socket's path on the host), that the ssh user may use it (e.g. is in the"
        + " docker group) and that sshd allows socket forwarding (AllowStreamLocalForwarding"
        + " yes, AllowTcpForwarding yes or local).";
  }

  public DockerClient client() {
    return client;
  }

  public URI host() {
    return host;
  }

  /**
   * Where this JVM reaches the engine, as {@code DOCKER_HOST} for compose: the host itself, or for
   * an ssh:// host the tunnel's local socket.
   */
  public URI engineUrl() {
    return engineUrl;
  }

  /** The engine's version, e.g. {@code 20.10.24}. */
  public String engineVersion() {
    return version.getVersion();
  }

  /** The engine's API version, e.g. {@code 1.41}. */
  public String apiVersion() {
    return version.getApiVersion();
  }

  @Override
  public void close() {
    closeQuietly(client);
    closeQuietly(tunnel);
  }

  private static void closeQuietly(SshTunnel tunnel) {
    if (tunnel != null) {
      tunnel.close();
    }
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
