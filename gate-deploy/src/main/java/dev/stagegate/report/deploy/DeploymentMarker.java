package dev.stagegate.report.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.stagegate.report.change.CommitIds;
import dev.stagegate.report.json.JsonConventions;
import dev.stagegate.report.text.UntrustedText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deployed container says about itself: the file {@value #PATH} that the image build puts
 * in, so that a gate can tell which build is really running.
 *
 * <p>The JSON has exactly these fields, in this order (snake case, as the seed writes them); other
 * fields are ignored so that a newer writer does not break an older gate:
 *
 * <pre>{@code
 * {
 *   "version": "1.2.3",
 *   "timestamp": "2024-05-01T12:00:00Z",
 *   "commit": "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0",
 *   "environment": "staging",
 *   "deployed_by": "alice"
 * }
 * }</pre>
 *
 * <pre>{@code
 * DeploymentMarker marker = MarkerFactory.fromGit(repo, "1.2.3", "staging", "alice", clock);
 * marker.writeTo(Path.of("build/context/.deployment_marker"));
 * DeploymentMarker back = DeploymentMarker.parse(json, "/app/.deployment_marker in service \"api\"");
 * }</pre>
 *
 * @param version the released version, e.g. {@code 1.2.3}
 * @param timestamp when the marker was made (the build time)
 * @param commit the commit the image was built from: 7 to 64 hex digits, normally the full id
 * @param environment where it is deployed, e.g. {@code staging}
 * @param deployedBy who deployed it (a user or CI actor)
 */
public record DeploymentMarker(
    String version, Instant timestamp, String commit, String environment, String deployedBy) {
  /** Where the marker lives inside a deployed container. */
  public static final String PATH = "/app/.deployment_marker";

  /** The JSON field names, in the order written. */
  static final List<String> FIELDS =
      List.of("version", "timestamp", "commit", "environment", "deployed_by");

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when a field is null or blank, or commit is not hex
   */
  public DeploymentMarker {
    requireText(version, "version");
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp must not be null");
    }
    requireText(commit, "commit");
    requireText(environment, "environment");
    requireText(deployedBy, "deployedBy");
    if (!CommitIds.isValid(commit)) {
      throw new IllegalArgumentException("commit must be 7 to 64 hex digits but was " + commit);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
  }

  /** The commit's first seven characters, for messages. */
  public String shortCommit() {
    return CommitIds.abbreviate(commit);
  }

  /** The marker as pretty-printed JSON (two-space indent, {@code \n}), ending in a newline. */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = DeployJson.FACTORY.createGenerator(out)) {
      gen.setPrettyPrinter(JsonConventions.prettyPrinter());
      gen.writeStartObject();
      gen.writeStringField("version", wellFormed(version));
      gen.writeStringField("timestamp", timestamp.toString());
      gen.writeStringField("commit", commit);
      gen.writeStringField("environment", wellFormed(environment));
      gen.writeStringField("deployed_by", wellFormed(deployedBy));
      gen.writeEndObject();
    } catch (IOException e) {
      // Writing to a StringWriter does no I/O.
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static String wellFormed(String s) {
    return UntrustedText.replaceUnpairedSurrogates(s);
  }

  /**
   * Writes {@link #toJson()} to {@code file} atomically (temporary file, then rename), so a Docker
   * build that copies it never sees half a marker. Creates missing parent directories.
   */
  public void writeTo(Path file) throws IOException {
    AtomicFiles.writeString(file, toJson());
  }

  /**
   * Reads a marker.
   *
   * @param json the file's content
   * @param source names the JSON in messages, e.g. {@code /app/.deployment_marker in service "api"}
   * @throws DeploymentMarkerException naming the source and what is wrong: malformed JSON (with
   *     line and column), a missing, empty or non-string field, a duplicate field, an invalid
   *     timestamp or commit
   */
  public static DeploymentMarker parse(String json, String source) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, JsonLocation> where = new LinkedHashMap<>();
    try (JsonParser parser = DeployJson.FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw fail(source, null, "empty file: expected a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        throw fail(
            source, parser.currentTokenLocation(), "expected a JSON object but found " + first);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!FIELDS.contains(name)) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.VALUE_STRING) {
          throw fail(
              source,
              parser.currentTokenLocation(),
              "field \"" + name + "\" must be a string but is " + describe(value));
        }
        values.put(name, parser.getText());
        where.put(name, parser.currentTokenLocation());
      }
      if (parser.nextToken() != null) {
        throw fail(source, parser.currentTokenLocation(), "unexpected content after the object");
      }
    } catch (JsonProcessingException e) {
      throw fail(source, e.getLocation(), "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      // Parsing a String does no I/O; only parse problems (above) can occur.
      throw new UncheckedIOException(e);
    }
    for (String field : FIELDS) {
      String value = values.get(field);
      if (value == null) {
        throw fail(source, null, "missing field \"" + field + "\"");
      }
      if (value.isBlank()) {
        throw fail(source, where.get(field), "field \"" + field + "\" is empty");
      }
    }
    String commit = values.get("commit").strip();
    if (!CommitIds.isValid(commit)) {
      throw fail(
          source,
          where.get("commit"),
          "field \"commit\" is not a commit id (7 to 64 hex digits): " + quoted(commit));
    }
    return new DeploymentMarker(
        values.get("version").strip(),
        parseTimestamp(values.get("timestamp").strip(), source, where.get("timestamp")),
        commit,
        values.get("environment").strip(),
        values.get("deployed_by").strip());
  }

  /**
   * An instant with {@code Z} or an offset. A local date-time is refused rather than guessed: the
   * age check would be off by the writer's time zone.
   */
  private static Instant parseTimestamp(String text, String source, JsonLocation at) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        LocalDateTime.parse(text);
        throw fail(
            source,
            at,
            "field \"timestamp\" has no time zone offset (add Z or +00:00): " + quoted(text));
      } catch (DateTimeParseException notLocal) {
        throw fail(
            source,
            at,
            "field \"timestamp\" is not an ISO-8601 instant such as 2024-05-01T12:00:00Z: "
                + quoted(text));
      }
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> String.valueOf(token);
    };
  }

  /** Quotes marker content for a message: one line, bounded, no escape codes. */
  private static String quoted(String s) {
    return "\"" + UntrustedText.cleanLine(s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
  }

  private static DeploymentMarkerException fail(String source, JsonLocation at, String problem) {
    return fail(source, at, problem, null);
  }

  private static DeploymentMarkerException fail(
      String source, JsonLocation at, String problem, Throwable cause) {
    return new DeploymentMarkerException(
        source,
        at == null ? -1 : at.getLineNr(),
        at == null ? -1 : at.getColumnNr(),
        problem,
        cause);
  }
}
