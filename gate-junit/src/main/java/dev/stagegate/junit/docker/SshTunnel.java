package dev.stagegate.junit.docker;

import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reaches a Docker engine behind {@code ssh://[user@]host[:port]} the way OpenSSH users do: the
 * local {@code ssh} binary forwards a private unix socket to the engine's socket on the host
 * ({@code ssh -nNT -L /tmp/stagegate-ssh-…/docker.sock:/var/run/docker.sock}), and docker-java
 * talks to that socket. docker-java's transports speak only unix, tcp and npipe, so ssh stays a
 * separate process; using the local client means the user's {@code ~/.ssh/config}, ssh-agent and
 * {@code known_hosts} apply unchanged.
 *
 * <p>ssh never prompts ({@code BatchMode=yes}): a missing key, an unknown host key or a refused
 * connection ends ssh, and the exception quotes what ssh said and names the fix. {@link #close()}
 * ends ssh (and any ProxyJump/ProxyCommand child) and removes the socket directory.
 */
public final class SshTunnel implements AutoCloseable {
  /** Extra ssh arguments, e.g. {@code -i ~/.ssh/deploy -o StrictHostKeyChecking=accept-new}. */
  public static final String OPTIONS_KEY = "stagegate.deploy.ssh.options";

  /** The engine's socket on the host. */
  public static final String SOCKET_KEY = "stagegate.deploy.ssh.socket";

  public static final String DEFAULT_REMOTE_SOCKET = "/var/run/docker.sock";

  /** Login, key exchange and authentication must be done by then (ConnectTimeout is 10 s). */
  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  /** Where an ssh:// URL points. */
  public record Target(Optional<String> user, String host, OptionalInt port) {
    /**
     * Parses {@code ssh://[user@]host[:port]} (an IPv6 host in brackets).
     *
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    public static Target parse(String url) {
      return SshUrlParser.parse(url);
    }

    /** {@code user@host:port} as far as given, for messages. */
    public String display() {
      String h = host.contains(":") ? "[" + host + "]" : host;
      return user.map(u -> u + "@").orElse("")
          + h
          + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
  }

  /**
   * How to tunnel: the engine's socket on the host and extra ssh arguments.
   *
   * @param remoteSocket absolute path of the engine's socket on the host ({@value #SOCKET_KEY})
   * @param options extra ssh arguments, already split ({@value #OPTIONS_KEY})
   */
  public record Settings(String remoteSocket, List<String> options) {
    public Settings {
      options = List.copyOf(options);
    }

    public static Settings defaults() {
      return new Settings(DEFAULT_REMOTE_SOCKET, List.of());
    }

    /**
     * Reads {@value #SOCKET_KEY} and {@value #OPTIONS_KEY}.
     *
     * @throws GateConfigurationException naming the key when a value cannot be used
     */
    public static Settings read(Function<String, Optional<String>> config) {
      return SshSettingsReader.read(config);
    }
  }

  private final Target target;
  private final Process process;
  private final Path dir;
  private final Path socket;
  private final Path stderr;
  private final List<String> command;
  private final Thread shutdownHook;
  private boolean closed;

  private SshTunnel(
      Target target, Process process, Path dir, Path socket, Path stderr, List<String> command) {
    this.target = target;
    this.process = process;
    this.dir = dir;
    this.socket = socket;
    this.stderr = stderr;
    this.command = command;
    // A JVM that exits while a watch runs (Ctrl-C, SIGTERM of the build) must not leave ssh behind.
    this.shutdownHook =
        new Thread(
            () -> {
              stop();
              TunnelSocketDirectory.delete(dir);
            },
            "stagegate-ssh-tunnel-stop");
  }

  /**
   * Starts ssh and waits until the forwarded socket exists.
   *
   * @param url the {@code ssh://} URL
   * @param configKey where the URL came from, named in errors
   * @throws GateConfigurationException when the URL is bad or ssh fails, quoting ssh's reason
   */
  public static SshTunnel open(String url, Settings settings, String configKey) {
    Target target;
    try {
      target = Target.parse(url);
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(
          "The Docker host '"
              + url
              + "' ("
              + configKey
              + ") is not a usable ssh:// URL: "
              + e.getMessage()
              + ".",
          e);
    }
    Path dir;
    try {
      dir = TunnelSocketDirectory.create();
    } catch (IOException e) {
      throw new GateConfigurationException(
          "Cannot create a private directory for the ssh tunnel's socket: " + e, e);
    }
    Path socket = dir.resolve("docker.sock");
    Path stderr = dir.resolve("ssh.stderr");
    List<String> command = SshCommandLine.of(target, settings, socket);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(stderr.toFile())
              .start();
    } catch (IOException e) {
      TunnelSocketDirectory.delete(dir);
      throw new GateConfigurationException(
          "The Docker host "
              + url
              + " ("
              + configKey
              + ") is reached through the local OpenSSH client, but 'ssh' cannot be run ("
              + e.getMessage()
              + "). Install it (e.g. apt-get install openssh-client) and put it on the PATH, or"
              + " use a tcp:// host.",
          e);
    }
    SshTunnel tunnel = new SshTunnel(target, process, dir, socket, stderr, command);
    Runtime.getRuntime().addShutdownHook(tunnel.shutdownHook);
    try {
      tunnel.awaitSocket(url, configKey);
      return tunnel;
    } catch (RuntimeException e) {
      tunnel.close();
      throw e;
    }
  }

  /** The local end, for docker-java: {@code unix:///tmp/stagegate-ssh-…/docker.sock}. */
  public String dockerHost() {
    return "unix://" + socket;
  }

  public Path localSocket() {
    return socket;
  }

  public Target target() {
    return target;
  }

  /** Whether ssh still runs. */
  public boolean alive() {
    return process.isAlive();
  }

  /** What ssh wrote to stderr so far, one line per entry, trimmed to the last 1500 characters. */
  public String stderr() {
    return SshStderrText.read(stderr);
  }

  /** The ssh command line, for messages (a user can run it by hand with -v). */
  public String commandLine() {
    return String.join(" ", command);
  }

  /**
   * Ends ssh (SIGTERM, then SIGKILL after 2 s) and whatever it started (ProxyCommand, ProxyJump),
   * and removes the socket directory. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the same process
    }
    TunnelSocketDirectory.delete(dir);
  }

  private void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitSocket(String url, String configKey) {
    long deadline = System.nanoTime() + OPEN_TIMEOUT.toNanos();
    while (!Files.exists(socket)) {
      if (!process.isAlive()) {
        throw new GateConfigurationException(
            SshFailureMessages.exited(
                target, url, configKey, process.exitValue(), stderr(), socket, commandLine()));
      }
      if (System.nanoTime() > deadline) {
        throw new GateConfigurationException(
            SshFailureMessages.timedOut(
                target, url, configKey, OPEN_TIMEOUT, stderr(), commandLine()));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GateConfigurationException(
            "Interrupted while opening the ssh tunnel to " + target.display(), e);
      }
    }
  }

  /** The usual remedy for what ssh said, in the terms of this library's configuration. */
  static String fixFor(Target target, Path socket, String said) {
    return SshFailureMessages.fixFor(target, socket, said);
  }

  /** The ssh command line; see {@link SshCommandLine#of}. */
  static List<String> command(Target target, Settings settings, Path localSocket) {
    return SshCommandLine.of(target, settings, localSocket);
  }

  /** Splits {@value #OPTIONS_KEY} like a shell would for words; see {@link SshOptionWords}. */
  static List<String> splitOptions(String text) {
    return SshOptionWords.split(text);
  }

  /** {@code -f} would fork ssh into the background, out of reach of {@link #close()}. */
  static void rejectBackgrounding(List<String> options) {
    SshOptionWords.rejectBackgrounding(options);
  }
}
