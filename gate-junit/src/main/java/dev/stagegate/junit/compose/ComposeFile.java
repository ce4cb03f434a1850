package dev.stagegate.junit.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagegate.junit.GateConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compose project as Compose v2 itself resolves it — files merged in order, {@code .env} and
 * {@code ${VAR:-default}} interpolated, {@code include:}, {@code extends:}, YAML anchors and {@code
 * x-} fields applied, only the services of the active profiles — read before anything starts so
 * that bad input fails fast with a clear message.
 *
 * <p>The model comes from {@code docker compose config --format json}, so what the gate judges is
 * exactly what compose will run; only the YAML syntax check is done here first, because it can say
 * which file, line and column are wrong.
 *
 * <pre>{@code
 * ComposeFile compose = ComposeFile.load(List.of(Path.of("compose.yml"), Path.of("compose.ci.yml")),
 *     List.of("jobs"), ComposeCommand.resolve(Optional.empty()));
 * compose.service("api").orElseThrow().publishedPorts(); // [8000]
 * }</pre>
 */
public final class ComposeFile {
  /** The label that marks a service as a one-shot job explicitly. */
  public static final String ONE_SHOT_LABEL = "dev.stagegate.one-shot";

  /** File names compose looks for when none is given, in its order. */
  public static final List<String> DEFAULT_NAMES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  private final List<Path> files;
  private final List<String> profiles;
  private final ComposeCommand command;
  private final Map<String, ComposeService> services;
  private final List<String> networks;
  private final List<String> volumes;
  private final List<String> externalNetworks;
  private final List<String> externalVolumes;
  private final boolean setsContainerName;
  private final String name;

  private ComposeFile(
      List<Path> files,
      List<String> profiles,
      ComposeCommand command,
      Map<String, ComposeService> services,
      Map<String, List<String>> resources,
      String name) {
    this.name = name;
    this.files = List.copyOf(files);
    this.profiles = List.copyOf(profiles);
    this.command = command;
    this.services = services;
    this.networks = resources.get("networks");
    this.volumes = resources.get("volumes");
    this.externalNetworks = resources.get("external networks");
    this.externalVolumes = resources.get("external volumes");
    this.setsContainerName = !resources.get("container names").isEmpty();
  }

  /** One file, no profiles, the compose command found on this machine. */
  public static ComposeFile load(Path path) {
    return load(List.of(path), List.of(), ComposeCommand.resolve(Optional.empty()));
  }

  /**
   * Reads and checks a compose project.
   *
   * @param files the compose files in merge order (relative ones against the working directory)
   * @param profiles the profiles to activate ({@code --profile})
   * @param command the Compose v2 command that resolves them
   * @throws GateConfigurationException when a file is missing, not YAML, rejected by compose, or no
   *     service is active
   */
  public static ComposeFile load(List<Path> files, List<String> profiles, ComposeCommand command) {
    if (files.isEmpty()) {
      throw new GateConfigurationException("No compose file was given.");
    }
    List<Path> absolute = new ArrayList<>();
    for (Path f : files) {
      Path a = f.toAbsolutePath().normalize();
      ComposeConfigReader.checkReadableYaml(a);
      absolute.add(a);
    }
    JsonNode root = ComposeConfigReader.resolve(absolute, profiles, command);
    String described = ComposeConfigReader.describe(absolute);
    if (!root.path("services").isObject() || root.path("services").isEmpty()) {
      throw new GateConfigurationException(
          "Compose file "
              + described
              + (profiles.isEmpty()
                  ? " declares no services. Add a top-level services: section with at least one"
                      + " service."
                  : " has no service in the profiles "
                      + profiles
                      + ". Check stagegate.compose.profiles."));
    }
    Set<String> completionTargets = ComposeServiceReader.completionTargets(root.path("services"));
    Map<String, ComposeService> services = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("services").properties()) {
      services.put(
          e.getKey(), ComposeServiceReader.read(e.getKey(), e.getValue(), completionTargets));
    }
    Map<String, List<String>> resources = new LinkedHashMap<>();
    resources.put("networks", names(root.path("networks"), false));
    resources.put("volumes", names(root.path("volumes"), false));
    resources.put("external networks", externalNames(root.path("networks")));
    resources.put("external volumes", externalNames(root.path("volumes")));
    resources.get("networks").remove("default");
    List<String> containerNames = new ArrayList<>();
    root.path("services")
        .forEach(
            s -> {
              if (s.path("container_name").isTextual()) {
                containerNames.add(s.path("container_name").asText());
              }
            });
    resources.put("container names", containerNames);
    // compose always resolves a name: `name:`, COMPOSE_PROJECT_NAME, or the directory's
    String name = root.path("name").asText("");
    if (name.isBlank()) {
      name = absolute.get(0).getParent().getFileName().toString();
    }
    return new ComposeFile(
        absolute, profiles, command, services, resources, name.toLowerCase(Locale.ROOT));
  }

  /**
   * The compose files compose itself would use in {@code directory} when none is named: the first
   * of {@link #DEFAULT_NAMES} found there or in a parent directory, plus its {@code .override.}
   * file next to it when there is one.
   *
   * @throws GateConfigurationException when there is none
   */
  public static List<Path> discover(Path directory) {
    Path start = directory.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      for (String name : DEFAULT_NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          List<Path> found = new ArrayList<>(List.of(candidate));
          String stem = name.substring(0, name.lastIndexOf('.'));
          for (String ext : List.of(".yaml", ".yml")) {
            Path override = dir.resolve(stem + ".override" + ext);
            if (Files.isRegularFile(override)) {
              found.add(override);
              break;
            }
          }
          return found;
        }
      }
    }
    throw new GateConfigurationException(
        "No compose file found in "
            + start
            + " or its parents (looked for "
            + String.join(", ", DEFAULT_NAMES)
            + "). Name it in the gate annotation, e.g. @HealthySmoke(compose ="
            + " \"deploy/docker-compose.yml\").");
  }

  /** Keys of top-level networks or volumes the project creates itself (not {@code external}). */
  private static List<String> names(JsonNode section, boolean external) {
    List<String> names = new ArrayList<>();
    section
        .properties()
        .forEach(
            e -> {
              if (e.getValue().path("external").asBoolean(false) == external) {
                names.add(e.getKey());
              }
            });
    return names;
  }

  /** The engine-side names of the external networks or volumes the project uses. */
  private static List<String> externalNames(JsonNode section) {
    List<String> names = new ArrayList<>();
    section
        .properties()
        .forEach(
            e -> {
              if (e.getValue().path("external").asBoolean(false)) {
                names.add(e.getValue().path("name").asText(e.getKey()));
              }
            });
    return names;
  }

  /** How a one-shot job is recognised; quoted in messages and the README. */
  public static String oneShotRule() {
    return "a service is a one-shot job when it says restart: \"no\" explicitly, another service"
        + " depends on it with condition: service_completed_successfully, or it carries the label "
        + ONE_SHOT_LABEL
        + "=true";
  }

  /** The first compose file: the one relative paths and {@code .env} are resolved against. */
  public Path path() {
    return files.get(0);
  }

  /**
   * The project's name as compose resolves it ({@code name:}, {@code COMPOSE_PROJECT_NAME}, else
   * the project directory's name), lowercase: what a deploy of the project is called unless {@code
   * -p} says otherwise, and the repository part of the tags the gate keeps tested images under.
   */
  public String projectName() {
    return name;
  }

  /** Every compose file, absolute, in merge order. */
  public List<Path> files() {
    return files;
  }

  /** The project directory compose uses: the first file's directory. */
  public Path projectDirectory() {
    return files.get(0).getParent();
  }

  /** The active profiles. */
  public List<String> profiles() {
    return profiles;
  }

  /** The Compose v2 command that resolved this project and runs it. */
  public ComposeCommand command() {
    return command;
  }

  public Map<String, ComposeService> services() {
    return services;
  }

  public Optional<ComposeService> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Top-level networks the project creates (not external), without the implicit default. */
  public List<String> networks() {
    return networks;
  }

  /** Top-level named volumes the project creates (not external). */
  public List<String> volumes() {
    return volumes;
  }

  /** Engine-side names of the external networks the services use: they must exist already. */
  public List<String> externalNetworks() {
    return externalNetworks;
  }

  /**
   * Whether a service fixes its container's name ({@code container_name:}): two runs of such a
   * stack cannot run side by side, and Testcontainers' {@code ComposeContainer} refuses it.
   */
  public boolean setsContainerName() {
    return setsContainerName;
  }

  /** Engine-side names of the external volumes the services use: they must exist already. */
  public List<String> externalVolumes() {
    return externalVolumes;
  }
}
