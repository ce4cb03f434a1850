package dev.stagegate.junit.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one {@link ComposeService} from compose's resolved JSON: whether it builds, has a working
 * healthcheck, is a one-shot job (see {@link ComposeFile#oneShotRule()}), and its published ports.
 */
final class ComposeServiceReader {
  private ComposeServiceReader() {}

  /** The service {@code name} as compose resolved it ({@code node}). */
  static ComposeService read(String name, JsonNode node, Set<String> completionTargets) {
    boolean builds = node.has("build") && !node.path("build").isNull();
    JsonNode health = node.path("healthcheck");
    boolean hasHealthcheck =
        health.isObject() && !health.path("disable").asBoolean(false) && !disabledTest(health);
    boolean explicitNoRestart =
        node.has("restart") && "no".equals(node.path("restart").asText().trim());
    boolean labelled =
        "true".equalsIgnoreCase(label(node.path("labels"), ComposeFile.ONE_SHOT_LABEL));
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
  static Set<String> completionTargets(JsonNode services) {
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
}
