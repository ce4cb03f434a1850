package dev.stagegate.junit.gate;

import dev.stagegate.assertions.json.JsonSubset;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.SmokeCheck;
import dev.stagegate.junit.compose.ComposeFile;
import java.util.Optional;

/**
 * A validated {@link SmokeCheck}.
 *
 * @param service the compose service
 * @param port the container port
 * @param path the request path
 * @param status the expected status
 * @param json the JSON subset the body must contain, if any
 */
public record SmokeSpec(
    String service, int port, String path, int status, Optional<JsonSubset> json) {

  /** A short name for messages and the report, e.g. {@code GET api:8000/health}. */
  public String name() {
    return "GET " + service + ":" + port + path;
  }

  /** Checks the annotation's values against the compose file; bad values name the fix. */
  public static SmokeSpec of(SmokeCheck check, ComposeFile compose) {
    String where =
        "@SmokeCheck(service = \"" + check.service() + "\", path = \"" + check.path() + "\")";
    if (compose.service(check.service()).isEmpty()) {
      throw new GateConfigurationException(
          where
              + ": service \""
              + check.service()
              + "\" is not in "
              + compose.path()
              + ". Services there: "
              + String.join(", ", compose.services().keySet())
              + ". Fix the service attribute.");
    }
    if (check.port() < 1 || check.port() > 65535) {
      throw new GateConfigurationException(
          where + ": port must be a container port from 1 to 65535 but was " + check.port() + ".");
    }
    if (!check.path().startsWith("/")) {
      throw new GateConfigurationException(
          where
              + ": path must start with '/' (e.g. \"/health\") but was \""
              + check.path()
              + "\".");
    }
    if (check.status() < 100 || check.status() > 599) {
      throw new GateConfigurationException(
          where
              + ": status must be an HTTP status from 100 to 599 but was "
              + check.status()
              + ".");
    }
    Optional<JsonSubset> json;
    try {
      json =
          check.json().isBlank() ? Optional.empty() : Optional.of(JsonSubset.parse(check.json()));
    } catch (IllegalArgumentException e) {
      throw new GateConfigurationException(where + ": " + e.getMessage(), e);
    }
    return new SmokeSpec(check.service(), check.port(), check.path(), check.status(), json);
  }
}
