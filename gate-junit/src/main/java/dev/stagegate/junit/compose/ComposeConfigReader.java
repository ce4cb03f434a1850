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
import java.util.List;
import java.util.Map;

/**
 * Gets a compose project's resolved model from compose itself ({@code config --format json}), after
 * checking each file's YAML here, where the message can name the file, line and column.
 */
final class ComposeConfigReader {
  private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private ComposeConfigReader() {}

  /** Fails with the file, line and column when a compose file is missing or not YAML. */
  static void checkReadableYaml(Path absolute) {
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
  static JsonNode resolve(List<Path> files, List<String> profiles, ComposeCommand command) {
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

  /** One file's path, or {@code (a + b + …)} for several. */
  static String describe(List<Path> files) {
    return files.size() == 1
        ? files.get(0).toString()
        : files.stream().map(Path::toString).collect(joining(" + ", "(", ")"));
  }
}
