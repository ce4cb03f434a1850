package dev.stagegate.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON document against the subset of JSON Schema 2020-12 that {@code
 * stability_audit.schema.json} uses: type, const, enum, required, properties, additionalProperties:
 * false, items, local $ref, oneOf, minimum, pattern. Formats are not checked.
 *
 * <p>Written here rather than pulling in a validator library: the schema is small and ours, and a
 * validator brings its own dependency tree into a build that should stay lean. If the schema ever
 * uses a keyword outside this subset, {@link #validate} fails loudly instead of ignoring it.
 */
final class SchemaSubsetValidator {
  private static final List<String> KNOWN =
      List.of(
          "$schema",
          "$id",
          "$defs",
          "title",
          "description",
          "format",
          "type",
          "const",
          "enum",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "$ref",
          "oneOf",
          "minimum",
          "pattern");

  private final JsonNode root;

  SchemaSubsetValidator(JsonNode schema) {
    this.root = schema;
  }

  /** A validator for the schema gate-report ships, read as a consumer reads it: from the jar. */
  static SchemaSubsetValidator forAuditSchema() throws IOException {
    try (InputStream in = AuditJson.class.getResourceAsStream(AuditJson.SCHEMA_RESOURCE)) {
      return new SchemaSubsetValidator(new ObjectMapper().readTree(in));
    }
  }

  /** Every violation, as {@code path: problem}; empty when the document conforms. */
  List<String> validate(JsonNode document) {
    List<String> errors = new ArrayList<>();
    check(root, document, "$", errors);
    return errors;
  }

  private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!KNOWN.contains(keyword)) {
        throw new IllegalArgumentException(
            "schema keyword not supported by this check: " + keyword);
      }
    }
    if (schema.has("$ref")) {
      check(resolve(schema.get("$ref").asText()), value, path, errors);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(
          path + ": expected type " + schema.get("type") + " but was " + value.getNodeType());
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      errors.add(path + ": expected " + schema.get("const") + " but was " + value);
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(path + ": " + value + " not one of " + schema.get("enum"));
    }
    if (schema.has("minimum")
        && value.isNumber()
        && value.asDouble() < schema.get("minimum").asDouble()) {
      errors.add(path + ": " + value + " < minimum " + schema.get("minimum"));
    }
    if (schema.has("pattern")
        && value.isTextual()
        && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
      errors.add(path + ": " + value + " does not match " + schema.get("pattern"));
    }
    if (schema.has("oneOf")) {
      int matching = 0;
      for (JsonNode option : schema.get("oneOf")) {
        if (new SchemaSubsetValidator(root).checkAgainst(option, value)) {
          matching++;
        }
      }
      if (matching != 1) {
        errors.add(path + ": matches " + matching + " of oneOf, expected exactly 1");
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          errors.add(path + ": missing required property " + required.asText());
        }
      }
      JsonNode properties = schema.path("properties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (properties.has(field.getKey())) {
          check(
              properties.get(field.getKey()),
              field.getValue(),
              path + "." + field.getKey(),
              errors);
        } else if (schema.path("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean()) {
          errors.add(path + ": property not in schema: " + field.getKey());
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private boolean checkAgainst(JsonNode schema, JsonNode value) {
    List<String> errors = new ArrayList<>();
    check(schema, value, "$", errors);
    return errors.isEmpty();
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $ref supported: " + ref);
    }
    JsonNode node = root;
    for (String part : ref.substring(2).split("/")) {
      node = node.path(part);
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("unresolved $ref " + ref);
    }
    return node;
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode candidate : array) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
