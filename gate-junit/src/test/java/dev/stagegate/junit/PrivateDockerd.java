package dev.stagegate.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Docker daemon of the test's own, so a test can stop and restart "the engine" while the
 * machine's main daemon, which other gates use at the same time, is never touched. It has its own
 * socket, data root, exec root (with its own containerd) and pid file, and it runs in a network
 * namespace of its own ({@code unshare --net}): its {@code docker0}, bridges and iptables rules
 * cannot touch the host's. That matters: a daemon on the host's network that starts with {@code
 * --bridge=none} deletes the host's {@code docker0} (the main daemon's default bridge), after which
 * every build with a {@code RUN} step on the main daemon fails. Its address pools (10.213.0.0/16)
 * are its own too. Published ports live in that namespace, so stacks under test here must not need
 * them from the test (the healthchecks run inside the containers). Needs root and {@code dockerd};
 * the base image the stacks build FROM is copied in from the main daemon ({@code docker save |
 * docker -H … load}).
 *
 * <pre>{@code
 * try (PrivateDockerd d = PrivateDockerd.start()) {
 *   d.stop();    // SIGTERM, as systemd would: the daemon kills its containers and exits
 *   d.restart(); // same data root: the engine ID stays, the containers are there, exited
 * }
 * }</pre>
 */
final class PrivateDockerd implements AutoCloseable {
  static final Path RUN = Path.of("/run/stagegate-restart-test");
  static final String HOST = "unix://" + RUN.resolve("docker.sock");
  private static final Path DATA = Path.of("/var/lib/stagegate-restart-test");
  private static final Path LOG = Path.of("target/private-dockerd.log");
  private static final String BASE_IMAGE = "stagegate/busybox-base:1";

  private Process daemon;

  private PrivateDockerd() {}

  /** Whether this machine can run one: root, and a {@code dockerd} on the PATH. */
  static boolean possible() {
    return "root".equals(System.getProperty("user.name"))
        && Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(p -> Files.isExecutable(Path.of(p, "dockerd")))
        && Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(p -> Files.isExecutable(Path.of(p, "unshare")));
  }

  /** Starts a fresh daemon (an old data root is removed) and loads the base image into it. */
  static PrivateDockerd start() throws IOException, InterruptedException {
    PrivateDockerd d = new PrivateDockerd();
    killLeftover(); // a daemon an earlier, killed test run left holds the pid file
    d.removeTree(DATA); // nothing of an earlier run: an empty data root
    d.launch();
    run(
        List.of("sh", "-c", "docker save " + BASE_IMAGE + " | docker -H " + HOST + " load"),
        Duration.ofSeconds(60));
    return d;
  }

  /** Stops the daemon as a service manager does (SIGTERM) and waits until it has exited. */
  void stop() throws InterruptedException {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroy(); // SIGTERM: containers get their stop signal, then the daemon exits
      if (!daemon.waitFor(40, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
        daemon.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Starts the daemon again on the same data root. */
  void restart() throws IOException, InterruptedException {
    launch();
  }

  /** Runs {@code docker -H <this daemon> args…} and returns its output. */
  String docker(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("docker", "-H", HOST));
    cmd.addAll(List.of(args));
    return run(cmd, Duration.ofSeconds(30));
  }

  /** Runs a shell script with {@code DOCKER_HOST} pointing at this daemon; returns its output. */
  String shell(String script) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", HOST);
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(script + " failed: " + out);
    }
    return out;
  }

  private static void killLeftover() throws IOException, InterruptedException {
    Path pid = RUN.resolve("docker.pid");
    if (!Files.exists(pid)) {
      return;
    }
    var old = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
    if (old.isPresent() && old.get().info().command().orElse("").endsWith("dockerd")) {
      old.get().destroy();
      try {
        old.get().onExit().get(40, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        old.get().destroyForcibly();
      }
    }
  }

  private void launch() throws IOException, InterruptedException {
    stop();
    Files.createDirectories(RUN);
    Files.createDirectories(DATA);
    Files.createDirectories(LOG.getParent());
    List<String> dockerd =
        List.of(
            "dockerd",
            "--host",
            HOST,
            "--data-root",
            DATA.toString(),
            "--exec-root",
            RUN.resolve("exec").toString(),
            "--pidfile",
            RUN.resolve("docker.pid").toString(),
            "--iptables=false",
            "--ip6tables=false",
            "--default-address-pool",
            "base=10.213.0.0/16,size=24");
    daemon =
        // a new network namespace starts with loopback down; published ports bind 127.0.0.1.
        // exec: the process the test signals is the daemon itself
        new ProcessBuilder(
                "unshare",
                "--net",
                "sh",
                "-c",
                "ip link set lo up && exec " + String.join(" ", dockerd))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!daemon.isAlive()) {
        throw new IllegalStateException(
            "The private dockerd exited with "
                + daemon.exitValue()
                + "; see "
                + LOG.toAbsolutePath());
      }
      Process ping = new ProcessBuilder("docker", "-H", HOST, "version").start();
      ping.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (ping.waitFor(5, TimeUnit.SECONDS) && ping.exitValue() == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "The private dockerd did not answer within 30 s; see " + LOG.toAbsolutePath());
  }

  private static String run(List<String> cmd, Duration timeout)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  private void removeTree(Path root) throws IOException, InterruptedException {
    stop();
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Stops the daemon and removes its data root: nothing of the test stays on the machine. */
  @Override
  public void close() throws IOException {
    try {
      removeTree(DATA);
      removeTree(RUN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing while interrupted: the daemon got its SIGTERM
    }
  }
}
