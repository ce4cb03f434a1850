package dev.stagegate.junit.compose;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.config.GateSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Compose v2 command line the gate runs, found the way users expect: the {@code docker compose}
 * plugin first, then a standalone {@code docker-compose} that reports version 2; the configuration
 * key {@value #KEY} overrides both (e.g. {@code docker compose} or {@code
 * /opt/bin/docker-compose}).
 *
 * <p>Compose v1 reached its end of life in 2023 (GitHub-hosted runners dropped it in July 2024) and
 * is refused with a message that names the fix: its project, container and image naming differ and
 * it cannot build with BuildKit.
 *
 * <pre>{@code
 * ComposeCommand compose = ComposeCommand.resolve(Optional.empty());
 * compose.argv();    // [docker, compose]
 * compose.version(); // 2.26.1
 * }</pre>
 *
 * @param argv the program and its leading arguments, e.g. {@code [docker, compose]}
 * @param version what {@code version --short} printed, e.g. {@code 2.26.1}
 */
public record ComposeCommand(List<String> argv, String version) {
  /** Configuration key: the compose command to run instead of the one found. */
  public static final String KEY = GateSettings.COMPOSE_COMMAND;

  private static final List<String> PLUGIN = List.of("docker", "compose");
  private static final List<String> STANDALONE = List.of("docker-compose");
  private static final Pattern MAJOR = Pattern.compile("^v?(\\d+)\\.");
  // asked once per JVM and command: starting compose costs a few hundred milliseconds
  private static final Map<List<String>, Probe> PROBES = new ConcurrentHashMap<>();

  public ComposeCommand {
    argv = List.copyOf(argv);
  }

  /**
   * The compose command for this run.
   *
   * @param configured the value of {@value #KEY}, when set
   * @throws GateConfigurationException when no Compose v2 runs, naming how to install it
   */
  public static ComposeCommand resolve(Optional<String> configured) {
    Optional<List<String>> own =
        configured.map(String::strip).filter(s -> !s.isEmpty()).map(s -> List.of(s.split("\\s+")));
    if (own.isPresent()) {
      Probe p = probe(own.get());
      if (p.version().isEmpty()) {
        throw new GateConfigurationException(
            "The compose command '"
                + String.join(" ", own.get())
                + "' ("
                + KEY
                + ") does not run: "
                + p.problem()
                + ". Set "
                + KEY
                + " to a Compose v2 command such as 'docker compose', or remove it to let"
                + " stagegate find one.");
      }
      return v2OrRefuse(own.get(), p.version().get());
    }
    Probe plugin = probe(PLUGIN);
    if (plugin.version().filter(ComposeCommand::isV2).isPresent()) {
      return new ComposeCommand(PLUGIN, plugin.version().get());
    }
    Probe standalone = probe(STANDALONE);
    if (standalone.version().isPresent()) {
      return v2OrRefuse(STANDALONE, standalone.version().get());
    }
    throw new GateConfigurationException(
        "Docker Compose v2 was not found: 'docker compose' "
            + plugin.problem()
            + " and 'docker-compose' "
            + standalone.problem()
            + ". "
            + installHint());
  }

  private static ComposeCommand v2OrRefuse(List<String> argv, String version) {
    if (isV2(version)) {
      return new ComposeCommand(argv, version);
    }
    throw new GateConfigurationException(
        "Only Compose "
            + version
            + " was found ('"
            + String.join(" ", argv)
            + "'); stagegate needs Compose v2 (v1 reached its end of life in 2023). "
            + installHint());
  }

  private static String installHint() {
    return "Install the Compose v2 plugin so that 'docker compose version' works: Docker's"
        + " packages 'docker-compose-plugin', Debian 13/Ubuntu 'docker-compose' (v2) or"
        + " 'docker-compose-v2', or run 'bash scripts/docker-setup.sh' from the stagegate"
        + " repository; or set "
        + KEY
        + " to a Compose v2 binary.";
  }

  static boolean isV2(String version) {
    Matcher m = MAJOR.matcher(version.strip());
    return m.find() && Integer.parseInt(m.group(1)) >= 2;
  }

  /** Whether this is the Docker CLI plugin, which Testcontainers' {@code ComposeContainer} runs. */
  public boolean isDockerPlugin() {
    return argv.equals(PLUGIN);
  }

  /** The command line for {@code args}: {@code argv} followed by them. */
  public List<String> with(List<String> args) {
    List<String> command = new ArrayList<>(argv);
    command.addAll(args);
    return command;
  }

  /** How the audit names it, e.g. {@code docker compose 2.26.1}. */
  public String display() {
    return String.join(" ", argv) + " " + version;
  }

  private record Probe(Optional<String> version, String problem) {}

  private static Probe probe(List<String> argv) {
    return PROBES.computeIfAbsent(argv, ComposeCommand::ask);
  }

  private static Probe ask(List<String> argv) {
    List<String> command = new ArrayList<>(argv);
    command.addAll(List.of("version", "--short"));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Probe(Optional.empty(), "did not answer within 30 s");
      }
      if (p.exitValue() != 0 || out.isEmpty() || !MAJOR.matcher(out).find()) {
        String first = out.lines().findFirst().orElse("").strip();
        return new Probe(
            Optional.empty(),
            "exited with code " + p.exitValue() + (first.isEmpty() ? "" : ": " + first));
      }
      return new Probe(Optional.of(out.lines().findFirst().orElse(out).strip()), "");
    } catch (IOException e) {
      return new Probe(Optional.empty(), "cannot be started (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(Optional.empty(), "was interrupted");
    }
  }
}
