package dev.stagegate.junit.compose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A second compose file, passed after the user's, that puts the run's labels on every container,
 * network, volume and built image, and names the built images after the run so that the gate can
 * rebuild them without cache and remove exactly those afterwards. The user's file is never changed.
 */
public final class ComposeOverride {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ComposeOverride() {}

  /** The image the gate builds for a service in this run. */
  public static String imageName(RunLabels labels, String service) {
    return "stagegate-" + labels.runId() + "-" + service.toLowerCase(Locale.ROOT) + ":gate";
  }

  /** Writes the override for {@code compose} into {@code dir} and returns its path. */
  public static Path write(ComposeFile compose, RunLabels labels, Path dir) {
    Map<String, String> labelMap = labels.asMap();
    ObjectNode root = YAML.createObjectNode();
    ObjectNode services = root.putObject("services");
    for (ComposeService s : compose.services().values()) {
      ObjectNode service = services.putObject(s.name());
      service.set("labels", YAML.valueToTree(labelMap));
      if (s.builds()) {
        service.put("image", imageName(labels, s.name()));
        service.putObject("build").set("labels", YAML.valueToTree(labels.asImageLabel()));
      }
    }
    ObjectNode networks = root.putObject("networks");
    networks.putObject("default").set("labels", YAML.valueToTree(labelMap));
    compose
        .networks()
        .forEach(n -> networks.putObject(n).set("labels", YAML.valueToTree(labelMap)));
    if (!compose.volumes().isEmpty()) {
      ObjectNode volumes = root.putObject("volumes");
      compose
          .volumes()
          .forEach(v -> volumes.putObject(v).set("labels", YAML.valueToTree(labelMap)));
    }
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("docker-compose.stagegate-" + labels.runId() + ".yml");
      YAML.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the compose override into " + dir, e);
    }
  }
}
