package dev.stagegate.junit.compose;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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

  private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

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
      checkReadableYaml(a);
      absolute.add(a);
    }
    JsonNode root = resolve(absolute, profiles, command);
    String described = describe(absolute);
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
    Set<String> completionTargets = completionTargets(root.path("services"));
    Map<String, ComposeService> services = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("services").properties()) {
      services.put(e.getKey(), service(e.getKey(), e.getValue(), completionTargets));
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

  private static void checkReadableYaml(Path absolute) {
    if (!Files.isRegularFile(absolute)) {
      throw new GateConfigurationException(
          "Compose file not found: "
              + absolute
              + ". Fix the compose attribute of the gate annotation; it is resolved against the"
              + " module directory ("
              + Path.of("").toAbsolutePath()
              + ").");
    }
    try {
      YAML.readTree(absolute.toFile());
    } catch (JsonProcessingException e) {
      throw new GateConfigurationException(
          "Compose file "
              + absolute
              + " is not valid YAML at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage()
              + ". Fix the file (docker compose -f "
              + absolute.getFileName()
              + " config shows the same error).",
          e);
    } catch (IOException e) {
      throw new GateConfigurationException("Cannot read compose file " + absolute + ": " + e, e);
    }
  }

  /** {@code docker compose -f … [--profile …] config --format json}, run where compose would. */
  private static JsonNode resolve(List<Path> files, List<String> profiles, ComposeCommand command) {
    List<String> args = new ArrayList<>();
    files.forEach(f -> args.addAll(List.of("-f", f.toString())));
    profiles.forEach(p -> args.addAll(List.of("--profile", p)));
    args.addAll(List.of("config", "--format", "json"));
    ComposeProcess.Captured out =
        ComposeProcess.capture(
            command.with(args), files.get(0).getParent(), Map.of(), CONFIG_TIMEOUT);
    if (out.exitCode() != 0) {
      throw new GateConfigurationException(
          "Compose cannot read "
              + describe(files)
              + (" ('" + String.join(" ", command.argv()) + " config' ")
              + (out.stderr().timedOut()
                  ? "did not finish within " + CONFIG_TIMEOUT.toSeconds() + " s"
                  : "exited with code " + out.exitCode())
              + "). Fix what compose says:\n"
              + out.stderr().tail(10).lines().map(l -> "     | " + l).collect(joining("\n")));
    }
    try {
      return JSON.readTree(out.stdout());
    } catch (JsonProcessingException e) {
      throw new GateConfigurationException(
          "Compose printed no readable configuration for "
              + describe(files)
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String describe(List<Path> files) {
    return files.size() == 1
        ? files.get(0).toString()
        : files.stream().map(Path::toString).collect(joining(" + ", "(", ")"));
  }

  private static ComposeService service(String name, JsonNode node, Set<String> completionTargets) {
    boolean builds = node.has("build") && !node.path("build").isNull();
    JsonNode health = node.path("healthcheck");
    boolean hasHealthcheck =
        health.isObject() && !health.path("disable").asBoolean(false) && !disabledTest(health);
    boolean explicitNoRestart =
        node.has("restart") && "no".equals(node.path("restart").asText().trim());
    boolean labelled = "true".equalsIgnoreCase(label(node.path("labels"), ONE_SHOT_LABEL));
    boolean oneShot = explicitNoRestart || labelled || completionTargets.contains(name);
    String image = node.path("image").isTextual() ? node.path("image").asText() : null;
    return new ComposeService(
        name, builds, hasHealthcheck, oneShot, ports(node.path("ports")), image);
  }

  private static boolean disabledTest(JsonNode health) {
    JsonNode test = health.path("test");
    return test.isArray() && test.size() > 0 && "NONE".equals(test.get(0).asText());
  }

  private static String label(JsonNode labels, String key) {
    if (labels.isObject()) {
      return labels.path(key).asText("");
    }
    for (JsonNode l : labels) {
      String s = l.asText();
      if (s.startsWith(key + "=")) {
        return s.substring(key.length() + 1);
      }
    }
    return "";
  }

  /** Services another service waits for with {@code condition: service_completed_successfully}. */
  private static Set<String> completionTargets(JsonNode services) {
    Set<String> targets = new HashSet<>();
    services.forEach(
        s ->
            s.path("depends_on")
                .properties()
                .forEach(
                    d -> {
                      if ("service_completed_successfully"
                          .equals(d.getValue().path("condition").asText())) {
                        targets.add(d.getKey());
                      }
                    }));
    return targets;
  }

  /** Container ports published under {@code ports:} (compose's long form after resolving). */
  private static Set<Integer> ports(JsonNode ports) {
    Set<Integer> result = new HashSet<>();
    for (JsonNode p : ports) {
      if (p.has("target")) {
        result.add(p.path("target").asInt());
      }
    }
    return result;
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
