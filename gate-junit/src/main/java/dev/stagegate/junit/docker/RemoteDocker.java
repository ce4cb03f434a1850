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
 * A Docker client of its own for a deployed target's engine, given by URL ({@code tcp://host:2375}
 * or {@code ssh://user@host}). Testcontainers' global client talks to the local engine a gate
 * builds on; a post-deploy watch must talk to the engine the stack was deployed to.
 */
public final class RemoteDocker implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI host;
  private final DockerClient client;
  private final Version version;

  private RemoteDocker(URI host, DockerClient client, Version version) {
    this.host = host;
    this.client = client;
    this.version = version;
  }

  /**
   * Connects and pings the engine at {@code host}.
   *
   * @param configKey where the host came from, named in the error message
   * @throws GateConfigurationException when the URL is malformed or no engine answers there
   */
  public static RemoteDocker connect(String host, String configKey) {
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
              + ") must be a tcp://host:port, ssh://user@host or unix:// URL.");
    }
    DockerClient client;
    try {
      DefaultDockerClientConfig config =
          DefaultDockerClientConfig.createDefaultConfigBuilder()
              .withDockerHost(uri.toString())
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
      throw new GateConfigurationException(
          "Cannot create a Docker client for " + host + " (" + configKey + "): " + e, e);
    }
    try {
      client.pingCmd().exec();
      return new RemoteDocker(uri, client, client.versionCmd().exec());
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw new GateConfigurationException(
          "The Docker engine at "
              + host
              + " ("
              + configKey
              + ") is not reachable: "
              + e.getMessage()
              + ". Check the URL, that the engine listens there and that this machine may reach"
              + " it.",
          e);
    }
  }

  public DockerClient client() {
    return client;
  }

  public URI host() {
    return host;
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
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
