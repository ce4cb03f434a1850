package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.compose.ComposeProject.ComposeEngine;
import dev.stagegate.junit.config.GateSettings;
import dev.stagegate.report.EngineInfo;
import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine a gate runs against.
 *
 * <p>By default it is the engine Testcontainers' client reaches, so that the user's Testcontainers
 * configuration ({@code DOCKER_HOST}, {@code ~/.testcontainers.properties}) applies. A gate whose
 * stack outgrows the CI runner names another engine with {@value #HOST_KEY} ({@code
 * tcp://host:2375}, {@code ssh://user@host}); an ssh:// {@code DOCKER_HOST} is taken the same way,
 * because Testcontainers' client cannot speak ssh. Such an engine gets a client of its own ({@link
 * RemoteDocker}, through an ssh tunnel where needed), which {@link #close()} releases.
 *
 * <pre>{@code
 * try (DockerEngine engine = DockerEngine.connect(Optional.of("ssh://ci@staging"), ssh)) {
 *   engine.client().pingCmd().exec();
 * }
 * }</pre>
 */
public final class DockerEngine implements AutoCloseable {
  /** Configuration key: the engine a gate builds and runs its stack on. */
  public static final String HOST_KEY = GateSettings.DOCKER_HOST;

  private final DockerClient client;
  private final URI dockerHost;
  private final URI composeHost;
  private final String hostAddress;
  private final RemoteDocker remote;

  private DockerEngine(
      DockerClient client,
      URI dockerHost,
      URI composeHost,
      String hostAddress,
      RemoteDocker remote) {
    this.client = client;
    this.dockerHost = dockerHost;
    this.composeHost = composeHost;
    this.hostAddress = hostAddress;
    this.remote = remote;
  }

  /** The engine Testcontainers reaches (or an ssh:// {@code DOCKER_HOST}). */
  public static DockerEngine connect() {
    return connect(Optional.empty(), SshTunnel.Settings.defaults());
  }

  /**
   * Connects, or fails with a message that says how to start Docker or what is wrong with the
   * configured host.
   *
   * @param configuredHost the value of {@value #HOST_KEY}, when set
   * @param ssh how to tunnel to an ssh:// host
   * @throws GateConfigurationException when no engine answers
   */
  public static DockerEngine connect(Optional<String> configuredHost, SshTunnel.Settings ssh) {
    Optional<String> own = configuredHost.map(String::strip).filter(s -> !s.isEmpty());
    String envHost = System.getenv("DOCKER_HOST");
    if (own.isEmpty() && envHost != null && envHost.strip().startsWith("ssh://")) {
      return remote(envHost.strip(), "DOCKER_HOST", ssh);
    }
    if (own.isPresent()) {
      return remote(own.get(), HOST_KEY, ssh);
    }
    DockerClientFactory factory = DockerClientFactory.instance();
    if (!factory.isDockerAvailable()) {
      String host = envHost == null ? "unix:///var/run/docker.sock" : envHost;
      throw new GateConfigurationException(
          "Docker is not running or not reachable (tried "
              + host
              + "). Start it: 'sudo systemctl start docker' on Linux, start Docker Desktop on"
              + " macOS/Windows, or run 'bash scripts/docker-setup.sh' from the stagegate"
              + " repository; set DOCKER_HOST or "
              + HOST_KEY
              + " when the engine runs elsewhere.");
    }
    URI host = factory.getTransportConfig().getDockerHost();
    return new DockerEngine(factory.client(), host, host, factory.dockerHostIpAddress(), null);
  }

  private static DockerEngine remote(String host, String key, SshTunnel.Settings ssh) {
    RemoteDocker remote = RemoteDocker.connect(host, key, ssh);
    URI uri = remote.host();
    // published ports are reached at the engine's host; a unix socket is this machine
    String address = uri.getHost() == null ? "localhost" : uri.getHost();
    return new DockerEngine(remote.client(), uri, remote.engineUrl(), address, remote);
  }

  public DockerClient client() {
    return client;
  }

  /** The engine's address as configured ({@code DOCKER_HOST} or {@value #HOST_KEY}). */
  public URI dockerHost() {
    return dockerHost;
  }

  /** How compose reaches this engine, and whether Testcontainers' client reaches it too. */
  public ComposeEngine composeEngine() {
    return new ComposeEngine(composeHost, remote == null);
  }

  /** The address at which published ports are reached from this JVM. */
  public String hostAddress() {
    return hostAddress;
  }

  /**
   * Engine version, its API version with the version this client negotiated, and the compose
   * command's version.
   */
  public EngineInfo info(String composeVersion) {
    Version v = client.versionCmd().exec();
    String negotiated = remote == null ? activeApiVersion() : "";
    String api =
        negotiated.isEmpty() || negotiated.equals(v.getApiVersion())
            ? v.getApiVersion()
            : v.getApiVersion() + " (client uses " + negotiated + ")";
    return new EngineInfo(v.getVersion(), api, composeVersion);
  }

  private static String activeApiVersion() {
    try {
      return DockerClientFactory.instance().getActiveApiVersion();
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** Releases a client of its own (and its ssh tunnel); nothing for Testcontainers' engine. */
  @Override
  public void close() {
    if (remote != null) {
      remote.close();
    }
  }
}
