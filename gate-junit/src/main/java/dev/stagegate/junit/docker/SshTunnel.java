package dev.stagegate.junit.docker;

import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

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
  private static final int STDERR_CHARS = 1500;
  // sun_path holds 108 bytes on Linux and 104 on macOS; stay below both.
  private static final int MAX_SOCKET_PATH = 100;
  // ssh's options that take a value (ssh(1) SYNOPSIS); a letter after one of these is the value.
  private static final String OPTIONS_WITH_VALUE = "BbcDEeFIiJLlmOoPpQRSWw";

  /** Where an ssh:// URL points. */
  public record Target(Optional<String> user, String host, OptionalInt port) {
    /**
     * Parses {@code ssh://[user@]host[:port]} (an IPv6 host in brackets).
     *
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    public static Target parse(String url) {
      URI uri;
      try {
        uri = new URI(url.trim());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("it is not a URL (" + e.getMessage() + ")", e);
      }
      if (!"ssh".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("it is not an ssh:// URL");
      }
      String authority = uri.getRawAuthority();
      if (authority == null || authority.isEmpty()) {
        throw new IllegalArgumentException("it names no host: use ssh://user@host[:port]");
      }
      if (uri.getRawPath() != null
          && !uri.getRawPath().isEmpty()
          && !uri.getRawPath().equals("/")) {
        throw new IllegalArgumentException(
            "it has a path ("
                + uri.getRawPath()
                + "); the engine's socket on the host is set with "
                + SOCKET_KEY);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "it has a query or fragment; use ssh://user@host[:port]");
      }
      Optional<String> user = Optional.empty();
      String hostPort = authority;
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        hostPort = authority.substring(at + 1);
        if (userInfo.contains(":")) {
          throw new IllegalArgumentException(
              "it carries a password; ssh:// hosts log in with keys (ssh-agent, ~/.ssh/config or"
                  + " -i <key> in "
                  + OPTIONS_KEY
                  + ")");
        }
        if (userInfo.isEmpty()) {
          throw new IllegalArgumentException("the user before '@' is empty");
        }
        user = Optional.of(userInfo);
      }
      String host;
      String portText = null;
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("the IPv6 host has no closing ']'");
        }
        host = hostPort.substring(1, close);
        String rest = hostPort.substring(close + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new IllegalArgumentException("unexpected '" + rest + "' after the host");
          }
          portText = rest.substring(1);
        }
      } else {
        int colon = hostPort.lastIndexOf(':');
        host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        portText = colon < 0 ? null : hostPort.substring(colon + 1);
      }
      if (host.isEmpty() || host.startsWith("-") || !host.matches("[A-Za-z0-9._%:-]+")) {
        throw new IllegalArgumentException("'" + host + "' is not a host name or address");
      }
      if (user.isPresent() && (user.get().startsWith("-") || user.get().matches(".*\\s.*"))) {
        throw new IllegalArgumentException("'" + user.get() + "' is not a user name");
      }
      OptionalInt port = OptionalInt.empty();
      if (portText != null) {
        try {
          port = OptionalInt.of(Integer.parseInt(portText));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("the port '" + portText + "' is not a number", e);
        }
        if (port.getAsInt() < 1 || port.getAsInt() > 65535) {
          throw new IllegalArgumentException("the port " + portText + " is not within 1..65535");
        }
      }
      return new Target(user, host, port);
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
      String socket =
          config
              .apply(SOCKET_KEY)
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .orElse(DEFAULT_REMOTE_SOCKET);
      if (!socket.startsWith("/") || socket.contains(":") || socket.matches(".*\\s.*")) {
        throw new GateConfigurationException(
            "Configuration parameter "
                + SOCKET_KEY
                + " must be the absolute path of the Docker socket on the ssh host (e.g. "
                + DEFAULT_REMOTE_SOCKET
                + ", or /run/user/1000/docker.sock for rootless Docker) but was '"
                + socket
                + "'.");
      }
      List<String> options;
      try {
        options = splitOptions(config.apply(OPTIONS_KEY).orElse(""));
        rejectBackgrounding(options);
      } catch (IllegalArgumentException e) {
        throw new GateConfigurationException(
            "Configuration parameter " + OPTIONS_KEY + ": " + e.getMessage() + ".", e);
      }
      return new Settings(socket, options);
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
              deleteDirectory(dir);
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
      dir = socketDirectory();
    } catch (IOException e) {
      throw new GateConfigurationException(
          "Cannot create a private directory for the ssh tunnel's socket: " + e, e);
    }
    Path socket = dir.resolve("docker.sock");
    Path stderr = dir.resolve("ssh.stderr");
    List<String> command = command(target, settings, socket);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(stderr.toFile())
              .start();
    } catch (IOException e) {
      deleteDirectory(dir);
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
    String text;
    try {
      text = Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    String lines =
        text.lines()
            .map(String::strip)
            // the frame of OpenSSH's "UNPROTECTED PRIVATE KEY FILE" banner says nothing
            .filter(l -> !l.isEmpty() && !l.matches("@+"))
            .collect(Collectors.joining("; "));
    return lines.length() <= STDERR_CHARS
        ? lines
        : "…" + lines.substring(lines.length() - STDERR_CHARS);
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
    deleteDirectory(dir);
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
        throw new GateConfigurationException(exitMessage(url, configKey));
      }
      if (System.nanoTime() > deadline) {
        throw new GateConfigurationException(
            "ssh to "
                + target.display()
                + " (Docker host "
                + url
                + ", "
                + configKey
                + ") did not open the tunnel within "
                + OPEN_TIMEOUT.toSeconds()
                + " s"
                + said()
                + ". Check that the host answers and that login needs no interaction; run by"
                + " hand with -v: "
                + commandLine());
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

  private String exitMessage(String url, String configKey) {
    String said = stderr();
    return "ssh to "
        + target.display()
        + " (Docker host "
        + url
        + ", "
        + configKey
        + ") exited with code "
        + process.exitValue()
        + " before the tunnel was up"
        + said()
        + ". "
        + fixFor(target, socket, said)
        + " The command was: "
        + commandLine();
  }

  private String said() {
    // ssh ends its sentences with a period; the message adds its own.
    String said = stderr().replaceAll("[.\\s]+$", "");
    return said.isEmpty() ? " (ssh said nothing)" : "; ssh said: " + said;
  }

  /** The usual remedy for what ssh said, in the terms of this library's configuration. */
  static String fixFor(Target target, Path socket, String said) {
    String s = said.toLowerCase(Locale.ROOT);
    String loginUser = target.user().map(u -> "\"" + u + "\"").orElse("the ssh user");
    String sshByHand =
        "ssh"
            + (target.port().isPresent() ? " -p " + target.port().getAsInt() : "")
            + " "
            + target.user().map(u -> u + "@").orElse("")
            + target.host();
    if (s.contains("permission denied")) {
      return "The host refused every key ssh offered for "
          + loginUser
          + ": authorize the public key on the host (~/.ssh/authorized_keys of that user), load"
          + " the key into ssh-agent or pass it as -i <key> in "
          + OPTIONS_KEY
          + ". ssh runs with BatchMode=yes, so it never asks for a password or passphrase.";
    }
    if (s.contains("host key verification failed")
        || s.contains("remote host identification has changed")) {
      return "ssh does not know (or no longer trusts) the host's key and never asks (BatchMode):"
          + " connect once by hand ("
          + sshByHand
          + ") and accept the key, add it with ssh-keyscan"
          + (target.port().isPresent() ? " -p " + target.port().getAsInt() : "")
          + " "
          + target.host()
          + " >> ~/.ssh/known_hosts, or add -o StrictHostKeyChecking=accept-new to "
          + OPTIONS_KEY
          + ".";
    }
    if (s.contains("connection refused")) {
      return "Nothing accepts ssh connections at "
          + target.host()
          + " port "
          + (target.port().isPresent() ? target.port().getAsInt() : "22 (or ~/.ssh/config's)")
          + ": check the port in the URL and that sshd runs on the host.";
    }
    if (s.contains("could not resolve hostname") || s.contains("name or service not known")) {
      return "The host name does not resolve: check the URL (or the Host entry in ~/.ssh/config).";
    }
    if (s.contains("timed out")) {
      return "The host did not answer in time: check the address and firewalls, or give ssh"
          + " longer with -o ConnectTimeout=30 in "
          + OPTIONS_KEY
          + ".";
    }
    if (s.contains("bad configuration option")
        || s.contains("unknown option")
        || s.contains("usage: ssh")) {
      return "ssh rejected its arguments: check " + OPTIONS_KEY + ".";
    }
    if (s.contains("forward") || s.contains("unix_listener") || s.contains("bind")) {
      return "ssh could not set up the socket forwarding: the local socket "
          + socket
          + " must be bindable, and sshd on the host must allow it (AllowStreamLocalForwarding"
          + " yes, and AllowTcpForwarding yes or local).";
    }
    return "Run the command by hand with -v to see why.";
  }

  /**
   * The ssh command line. Order matters: for -o options ssh keeps the first value it sees, so the
   * options the tunnel cannot work without come before the user's, and the defaults a user may
   * change come after them.
   */
  static List<String> command(Target target, Settings settings, Path localSocket) {
    List<String> c = new ArrayList<>();
    c.add("ssh");
    // Never prompt: there is no terminal; a prompt would hang the gate instead of failing it.
    c.add("-o");
    c.add("BatchMode=yes");
    // Without the forwarding the process is useless; exit instead of idling.
    c.add("-o");
    c.add("ExitOnForwardFailure=yes");
    // No multiplexing: a ControlPersist master forked by this ssh would outlive close(), and the
    // forwarding must belong to this process.
    c.add("-o");
    c.add("ControlPath=none");
    c.addAll(settings.options());
    c.add("-o");
    c.add("ConnectTimeout=10");
    // A watch lasts minutes: notice a dead connection within ~45 s rather than hanging on it.
    c.add("-o");
    c.add("ServerAliveInterval=15");
    c.add("-o");
    c.add("ServerAliveCountMax=3");
    c.add("-nNT");
    c.add("-L");
    c.add(localSocket + ":" + settings.remoteSocket());
    target.user().ifPresent(u -> c.addAll(List.of("-l", u)));
    target.port().ifPresent(p -> c.addAll(List.of("-p", Integer.toString(p))));
    c.add("--");
    c.add(target.host());
    return List.copyOf(c);
  }

  /**
   * Splits {@value #OPTIONS_KEY} like a shell would for words: whitespace separates, single and
   * double quotes group, a backslash outside single quotes escapes the next character.
   */
  static List<String> splitOptions(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote == '\'') {
        if (ch == '\'') {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (quote == '"') {
        if (ch == '"') {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(ch);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in '" + text + "'");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** {@code -f} would fork ssh into the background, out of reach of {@link #close()}. */
  static void rejectBackgrounding(List<String> options) {
    for (int i = 0; i < options.size(); i++) {
      String o = options.get(i);
      if (!o.startsWith("-") || o.startsWith("--") || o.length() < 2) {
        continue;
      }
      for (int j = 1; j < o.length(); j++) {
        char flag = o.charAt(j);
        if (flag == 'f') {
          throw new IllegalArgumentException(
              "-f would put ssh into the background, where the gate cannot stop it; leave it out");
        }
        if (OPTIONS_WITH_VALUE.indexOf(flag) >= 0) {
          if (j == o.length() - 1) {
            i++; // the value is the next word
          }
          break;
        }
      }
    }
  }

  private static Path socketDirectory() throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    // + "/stagegate-ssh-<19 digits>/docker.sock"
    if (base.toAbsolutePath().toString().length() + 46 > MAX_SOCKET_PATH) {
      base = Path.of("/tmp");
    }
    // Owner-only: whoever can open the socket commands the remote engine.
    return Files.createTempDirectory(
        base,
        "stagegate-ssh-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  private static void deleteDirectory(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException | UncheckedIOException e) {
      // a leftover empty directory in tmp is harmless; the process is already gone
    }
  }
}
