package dev.stagegate.report.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stagegate.report.json.JsonConventions;

/**
 * The JSON conventions of the deploy files (see {@link JsonConventions#deployFileMapper}):
 * snake_case names (as the seed's shell and Python scripts write them), ISO-8601 instants and
 * durations, strings always valid UTF-8 (a note or hook detail copied out of a log may hold an
 * unpaired surrogate, which would make the whole line unreadable; it becomes U+FFFD).
 */
final class DeployJson {
  /**
   * Maps the log's records; one entry per line, so never pretty-printed. On Jackson's default
   * factory, not {@link #FACTORY}: a duplicate field in a line is not refused (the last one wins).
   */
  static final ObjectMapper MAPPER =
      JsonConventions.deployFileMapper(null, "stagegate-deploy-strings")
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .build();

  /** For the marker, which is read and written field by field (see {@link DeploymentMarker}). */
  static final JsonFactory FACTORY = JsonConventions.strictFactory();

  private DeployJson() {}
}
