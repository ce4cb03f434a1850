package dev.stagegate.junit.compose;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.ComposeContainer;

/**
 * One run of a compose project with Compose v2: a no-cache build, then {@code up} and {@code down}.
 *
 * <p>{@code up} and {@code down} go through Testcontainers' {@link ComposeContainer} when it can do
 * what the gate needs: the engine is the one Testcontainers connects to, the command is the {@code
 * docker compose} plugin, and no service sets {@code container_name} (which {@code
 * ComposeContainer} refuses). Otherwise — an ssh:// or other configured engine, a standalone or
 * configured compose binary — the gate runs the same {@code up -d}/{@code down -v} itself, so every
 * layout still works. The build always runs outside Testcontainers: {@code ComposeContainer} cannot
 * skip the cache and does not return the build output, which a failing gate must quote.
 *
 * <p>Every file is passed by its absolute path and compose runs in the project directory (the first
 * file's), so the gate's labelling override is found wherever the report directory is.
 */
public final class ComposeProject {
  private static final Pattern EXIT_CODE = Pattern.compile("with code (-?\\d+)");
  private final ComposeFile compose;
  private final Path override;
  private final RunLabels labels;
  private final ComposeEngine engine;
  private final String projectName;
  private final boolean viaTestcontainers;
  private ComposeContainer container;
  private boolean upDirect;

  /**
   * The engine compose talks to.
   *
   * @param dockerHost {@code DOCKER_HOST} for compose (for an ssh:// engine, the tunnel's socket)
   * @param testcontainers whether it is the engine Testcontainers' own client uses
   */
  public record ComposeEngine(URI dockerHost, boolean testcontainers) {}

  public ComposeProject(
      ComposeFile compose, Path override, RunLabels labels, ComposeEngine engine) {
    this(compose, override, labels, engine, labels.runId(), true);
  }

  private ComposeProject(
      ComposeFile compose,
      Path override,
      RunLabels labels,
      ComposeEngine engine,
      String projectName,
      boolean mayUseTestcontainers) {
    this.compose = compose;
    this.override = override.toAbsolutePath().normalize();
    this.labels = labels;
    this.engine = engine;
    this.projectName = projectName;
    this.viaTestcontainers =
        mayUseTestcontainers
            && engine.testcontainers()
            && compose.command().isDockerPlugin()
            && !compose.setsContainerName();
  }

  /**
   * A project whose name is fixed, driven only by the compose command ({@link #upLocal}, {@link
   * #downLocal}): a rollback drill deploys two versions' compose files into one project, as a real
   * rollback replaces the running stack in place. Testcontainers cannot do that: {@link
   * ComposeContainer} appends random characters to the project name and re-randomises it.
   */
  public static ComposeProject named(
      String projectName,
      ComposeFile compose,
      Path override,
      RunLabels labels,
      ComposeEngine engine) {
    return new ComposeProject(compose, override, labels, engine, projectName, false);
  }

  /**
   * Runs a shell script ({@code bash -c}) in {@code directory} against {@code engine}, with the
   * environment compose commands in it should see (no {@code COMPOSE_FILE} or project name from the
   * caller's environment): how a rollback drill runs the audit's rollback command itself.
   */
  public static ProcessOutput shell(
      String script, Path directory, ComposeEngine engine, Duration timeout) {
    return ComposeProcess.run(
        List.of("bash", "-c", "set -euo pipefail\n" + script),
        directory,
        Map.of("DOCKER_HOST", engine.dockerHost().toString()),
        timeout);
  }

  /** The project name given to compose ({@code -p}) when the gate runs it itself. */
  public String projectName() {
    return projectName;
  }

  /** The compose files passed with {@code -f}, absolute, the user's first and the override last. */
  public List<Path> files() {
    List<Path> files = new ArrayList<>(compose.files());
    files.add(override);
    return files;
  }

  /** Whether {@link #up} goes through Testcontainers' {@link ComposeContainer}. */
  public boolean viaTestcontainers() {
    return viaTestcontainers;
  }

  /**
   * {@code up -d --no-build --remove-orphans} run by the gate: compose recreates the services whose
   * image or configuration changed and removes those the file no longer has. Never throws for a
   * failing {@code up}; the output says why.
   */
  public ProcessOutput upLocal(Duration timeout) {
    return run(List.of("up", "-d", "--no-build", "--remove-orphans"), timeout);
  }

  /**
   * {@code down -v --remove-orphans} run by the gate: containers, networks and volumes of the
   * project, whichever of its compose files started them. Images are removed by label afterwards
   * ({@code BuiltImages}), children first.
   */
  public ProcessOutput downLocal(Duration timeout) {
    return run(List.of("down", "-v", "--remove-orphans"), timeout);
  }

  /**
   * Builds every service with a {@code build:} section, ignoring the cache, with BuildKit unless
   * the user's environment turns it off ({@code DOCKER_BUILDKIT=0}).
   */
  public ProcessOutput buildNoCache(Duration timeout) {
    return buildNoCache(timeout, line -> {});
  }

  /** As {@link #buildNoCache(Duration)}, showing every output line to {@code onLine}. */
  public ProcessOutput buildNoCache(Duration timeout, Consumer<String> onLine) {
    return run(List.of("build", "--no-cache"), timeout, onLine);
  }

  /**
   * Creates and starts the stack ({@code up -d}) through Testcontainers where it can (see the class
   * comment), else with the compose command.
   *
   * @throws ComposeUpException when compose fails; its message quotes what compose said where known
   */
  public void up(Duration startupTimeout) {
    if (!viaTestcontainers) {
      upDirect = true;
      ProcessOutput out =
          run(List.of("up", "-d", "--no-build"), startupTimeout.plus(Duration.ofMinutes(1)));
      if (!out.succeeded()) {
        throw new ComposeUpException(out);
      }
      return;
    }
    List<File> files = files().stream().map(Path::toFile).toList();
    container =
        new ComposeContainer(labels.runId(), files)
            .withPull(false)
            .withBuild(false)
            .withRemoveVolumes(true)
            .withStartupTimeout(startupTimeout);
    if (!compose.profiles().isEmpty()) {
      container.withEnv("COMPOSE_PROFILES", String.join(",", compose.profiles()));
    }
    try {
      container.start();
    } catch (RuntimeException e) {
      // "Local Docker Compose exited abnormally with code 1 whilst running command: compose up -d"
      Matcher code = EXIT_CODE.matcher(String.valueOf(e.getMessage()));
      throw new ComposeUpException(
          code.find() ? "exited with code " + code.group(1) : "failed: " + e.getMessage(), null);
    }
  }

  /**
   * After a failed {@link #up} through Testcontainers that left no container to diagnose: runs the
   * same {@code up -d} once more with the compose command, in a project of the gate's own, because
   * Testcontainers logs compose's output but does not return it. {@link #down} removes both.
   */
  public ProcessOutput explainFailedUp(Duration timeout) {
    upDirect = true;
    return run(List.of("up", "-d", "--no-build"), timeout);
  }

  /**
   * Stops and removes the containers, networks and volumes ({@code down -v}). Safe to call when
   * {@link #up} failed or never ran.
   *
   * @return what the gate's own {@code down} printed when it ran one, else empty output
   */
  public ProcessOutput down(Duration timeout) {
    ProcessOutput result = new ProcessOutput(0, List.of(), false);
    if (container != null) {
      try {
        container.stop();
      } finally {
        container = null;
      }
    }
    if (upDirect) {
      result = downLocal(timeout);
    }
    return result;
  }

  private ProcessOutput run(List<String> args, Duration timeout) {
    return run(args, timeout, line -> {});
  }

  private ProcessOutput run(List<String> args, Duration timeout, Consumer<String> onLine) {
    List<String> command = new ArrayList<>(List.of("-p", projectName));
    for (Path f : files()) {
      command.addAll(List.of("-f", f.toString()));
    }
    compose.profiles().forEach(p -> command.addAll(List.of("--profile", p)));
    command.addAll(args);
    return ComposeProcess.run(
        compose.command().with(command),
        compose.projectDirectory(),
        Map.of("DOCKER_HOST", engine.dockerHost().toString()),
        timeout,
        onLine);
  }
}
