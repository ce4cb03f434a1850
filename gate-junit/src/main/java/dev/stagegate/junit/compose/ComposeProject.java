package dev.stagegate.junit.compose;

import dev.stagegate.junit.GateConfigurationException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.DockerComposeContainer;

/**
 * One run of a compose stack: a no-cache build with the local compose binary, then {@code up} and
 * {@code down} through Testcontainers' {@link DockerComposeContainer}.
 *
 * <p>The build runs outside Testcontainers because Testcontainers' {@code --build} cannot skip the
 * cache and does not return the build output, which a failing gate must quote.
 */
public final class ComposeProject {
  /** Lines of build output kept in memory; a failing build quotes the tail. */
  private static final int OUTPUT_LINES_KEPT = 400;

  private final ComposeFile compose;
  private final Path override;
  private final RunLabels labels;
  private final URI dockerHost;
  private final String projectName;
  private DockerComposeContainer<?> container;

  public ComposeProject(ComposeFile compose, Path override, RunLabels labels, URI dockerHost) {
    this(compose, override, labels, dockerHost, labels.runId());
  }

  private ComposeProject(
      ComposeFile compose, Path override, RunLabels labels, URI dockerHost, String projectName) {
    this.compose = compose;
    this.override = override;
    this.labels = labels;
    this.dockerHost = dockerHost;
    this.projectName = projectName;
  }

  /**
   * A project whose name is fixed, driven only by the local binary ({@link #upLocal}, {@link
   * #downLocal}): a rollback drill deploys two versions' compose files into one project, as a real
   * rollback replaces the running stack in place. Testcontainers cannot do that: {@link
   * DockerComposeContainer} appends random characters to the project name and re-randomises it.
   */
  public static ComposeProject named(
      String projectName, ComposeFile compose, Path override, RunLabels labels, URI dockerHost) {
    return new ComposeProject(compose, override, labels, dockerHost, projectName);
  }

  /** The project name given to the compose binary ({@code -p}). */
  public String projectName() {
    return projectName;
  }

  /** The compose files passed with {@code -f}, the user's first. */
  public List<Path> files() {
    return List.of(compose.path(), override);
  }

  /**
   * {@code up -d --remove-orphans} with the local binary: compose recreates the services whose
   * image or configuration changed and removes those the file no longer has. Never throws for a
   * failing {@code up}; the output says why.
   */
  public ProcessOutput upLocal(Duration timeout) {
    return run(List.of("up", "-d", "--no-build", "--remove-orphans"), timeout);
  }

  /**
   * {@code down -v --rmi local --remove-orphans} with the local binary: containers, networks,
   * volumes and unnamed images of the project, whichever of its compose files started them.
   */
  public ProcessOutput downLocal(Duration timeout) {
    return run(List.of("down", "-v", "--rmi", "local", "--remove-orphans"), timeout);
  }

  private static volatile String cachedVersion;

  /**
   * The local compose binary's version, e.g. {@code 1.29.2}; fails when it is missing. Asked once
   * per JVM: starting the binary costs half a second.
   */
  public static String composeVersion() {
    String v = cachedVersion;
    if (v == null) {
      v = askComposeVersion();
      cachedVersion = v;
    }
    return v;
  }

  private static String askComposeVersion() {
    try {
      Process p =
          new ProcessBuilder(DockerComposeContainer.COMPOSE_EXECUTABLE, "version", "--short")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("exit " + p.exitValue() + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new GateConfigurationException(
          "docker-compose (v1) was not found or does not run ("
              + e.getMessage()
              + "). Install it (Debian/Ubuntu: 'apt-get install docker-compose', or run 'bash"
              + " scripts/docker-setup.sh' from the stagegate repository) so that"
              + " 'docker-compose version' works on the PATH.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GateConfigurationException("Interrupted while asking docker-compose its version");
    }
  }

  /**
   * Builds every service with a {@code build:} section, ignoring the cache; {@code --force-rm}
   * because a failed legacy build otherwise leaves its unlabelled intermediate container behind.
   */
  public ProcessOutput buildNoCache(Duration timeout) {
    return run(List.of("build", "--no-cache", "--force-rm", "--parallel"), timeout);
  }

  /** Creates and starts the stack through Testcontainers ({@code up -d}). */
  public void up(Duration startupTimeout) {
    List<File> files = List.of(compose.path().toFile(), override.toFile());
    container =
        new DockerComposeContainer<>(labels.runId(), files)
            .withPull(false)
            .withBuild(false)
            .withRemoveVolumes(true)
            .withStartupTimeout(startupTimeout);
    container.start();
  }

  /**
   * Stops and removes the containers, networks and volumes ({@code down -v}) and the images this
   * run built. Safe to call when {@link #up} failed or never ran.
   */
  public void down() {
    if (container != null) {
      try {
        container.stop();
      } finally {
        container = null;
      }
    }
  }

  private ProcessOutput run(List<String> args, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(DockerComposeContainer.COMPOSE_EXECUTABLE);
    command.addAll(List.of("-p", projectName, "-f", compose.path().toString()));
    command.addAll(List.of("-f", override.toString()));
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(compose.path().getParent().toFile())
            .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("DOCKER_HOST", dockerHost.toString());
    env.remove("COMPOSE_FILE");
    env.remove("COMPOSE_PROJECT_NAME");
    Deque<String> kept = new ArrayDeque<>();
    try {
      Process p = pb.start();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    synchronized (kept) {
                      kept.addLast(line);
                      if (kept.size() > OUTPUT_LINES_KEPT) {
                        kept.removeFirst();
                      }
                    }
                  }
                } catch (IOException ignored) {
                  // the process ended; what was read is kept
                }
              },
              "stagegate-compose-output");
      reader.setDaemon(true);
      reader.start();
      boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(5_000);
      synchronized (kept) {
        return new ProcessOutput(finished ? p.exitValue() : -1, new ArrayList<>(kept), !finished);
      }
    } catch (IOException e) {
      throw new GateConfigurationException(
          "Cannot run " + command.get(0) + ": " + e.getMessage() + ". Is docker-compose installed?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ProcessOutput(-1, new ArrayList<>(kept), true);
    }
  }
}
