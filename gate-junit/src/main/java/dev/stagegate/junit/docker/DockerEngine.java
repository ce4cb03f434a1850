package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.report.EngineInfo;
import java.net.URI;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine a gate runs against, reached through Testcontainers' client so that the user's
 * Testcontainers configuration (DOCKER_HOST, {@code ~/.testcontainers.properties}) applies.
 */
public final class DockerEngine {
  private final DockerClient client;
  private final URI dockerHost;
  private final String hostAddress;

  private DockerEngine(DockerClient client, URI dockerHost, String hostAddress) {
    this.client = client;
    this.dockerHost = dockerHost;
    this.hostAddress = hostAddress;
  }

  /**
   * Connects, or fails with a message that says how to start Docker.
   *
   * @throws GateConfigurationException when no engine answers
   */
  public static DockerEngine connect() {
    DockerClientFactory factory = DockerClientFactory.instance();
    if (!factory.isDockerAvailable()) {
      String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
      throw new GateConfigurationException(
          "Docker is not running or not reachable (tried "
              + host
              + "). Start it: 'sudo systemctl start docker' on Linux, start Docker Desktop on"
              + " macOS/Windows, or run 'bash scripts/docker-setup.sh' from the stagegate"
              + " repository; set DOCKER_HOST when the engine runs elsewhere.");
    }
    DockerClient client = factory.client();
    return new DockerEngine(
        client, factory.getTransportConfig().getDockerHost(), factory.dockerHostIpAddress());
  }

  public DockerClient client() {
    return client;
  }

  /** The engine's address as compose should be given it ({@code DOCKER_HOST}). */
  public URI dockerHost() {
    return dockerHost;
  }

  /** The address at which published ports are reached from this JVM. */
  public String hostAddress() {
    return hostAddress;
  }

  /** Engine version, API version and the compose binary's version. */
  public EngineInfo info(String composeVersion) {
    Version v = client.versionCmd().exec();
    return new EngineInfo(v.getVersion(), v.getApiVersion(), composeVersion);
  }
}
