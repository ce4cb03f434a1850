package dev.stagegate.junit.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stagegate.junit.GateConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code docker-compose.yml}: its services, networks and volumes, read before anything
 * starts so that bad input fails fast with a clear message.
 *
 * <pre>{@code
 * ComposeFile compose = ComposeFile.load(Path.of("docker-compose.yml"));
 * compose.service("api").orElseThrow().publishedPorts(); // [8000]
 * }</pre>
 */
public final class ComposeFile {
  /** The label that marks a service as a one-shot job explicitly. */
  public static final String ONE_SHOT_LABEL = "dev.stagegate.one-shot";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  // "127.0.0.1::8000", "8080:8000", "8000", "127.0.0.1:8080:8000/tcp"
  private static final Pattern SHORT_PORT = Pattern.compile("(?:.*:)?(\\d+)(?:-\\d+)?(?:/\\w+)?$");

  private final Path path;
  private final Map<String, ComposeService> services;
  private final List<String> networks;
  private final List<String> volumes;

  private ComposeFile(
      Path path,
      Map<String, ComposeService> services,
      List<String> networks,
      List<String> volumes) {
    this.path = path;
    this.services = services;
    this.networks = networks;
    this.volumes = volumes;
  }

  /**
   * Reads and checks a compose file.
   *
   * @throws GateConfigurationException when the file is missing, not YAML, or has no services
   */
  public static ComposeFile load(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new GateConfigurationException(
          "Compose file not found: "
              + absolute
              + ". Fix the compose attribute of the gate annotation; it is resolved against the"
              + " module directory ("
              + Path.of("").toAbsolutePath()
              + ").");
    }
    JsonNode root;
    try {
      root = YAML.readTree(absolute.toFile());
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
              + ". Fix the file (docker-compose -f "
              + absolute.getFileName()
              + " config shows the same error).",
          e);
    } catch (IOException e) {
      throw new GateConfigurationException("Cannot read compose file " + absolute + ": " + e, e);
    }
    if (root == null || !root.path("services").isObject() || root.path("services").isEmpty()) {
      throw new GateConfigurationException(
          "Compose file "
              + absolute
              + " declares no services. Add a top-level services: section with at least one"
              + " service.");
    }
    Set<String> completionTargets = completionTargets(root.path("services"));
    Map<String, ComposeService> services = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("services").properties()) {
      services.put(e.getKey(), service(e.getKey(), e.getValue(), completionTargets));
    }
    return new ComposeFile(
        absolute, services, ownedNames(root.path("networks")), ownedNames(root.path("volumes")));
  }

  private static ComposeService service(String name, JsonNode node, Set<String> completionTargets) {
    boolean builds = node.has("build");
    JsonNode health = node.path("healthcheck");
    boolean hasHealthcheck =
        health.isObject() && !health.path("disable").asBoolean(false) && !disabledTest(health);
    boolean explicitNoRestart =
        node.has("restart") && "no".equals(node.path("restart").asText().trim());
    boolean labelled = "true".equalsIgnoreCase(label(node.path("labels"), ONE_SHOT_LABEL));
    boolean oneShot = explicitNoRestart || labelled || completionTargets.contains(name);
    return new ComposeService(name, builds, hasHealthcheck, oneShot, ports(node.path("ports")));
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

  private static Set<Integer> ports(JsonNode ports) {
    Set<Integer> result = new HashSet<>();
    for (JsonNode p : ports) {
      if (p.isObject()) {
        if (p.has("target")) {
          result.add(p.path("target").asInt());
        }
      } else {
        Matcher m = SHORT_PORT.matcher(p.asText().trim());
        if (m.matches()) {
          result.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    return result;
  }

  /** Names of top-level networks or volumes the project creates itself (not {@code external}). */
  private static List<String> ownedNames(JsonNode section) {
    List<String> names = new ArrayList<>();
    section
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().path("external").asBoolean(false)) {
                names.add(e.getKey());
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

  public Path path() {
    return path;
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
}
