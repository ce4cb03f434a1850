package dev.stagegate.assertions.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An expected JSON document that a response body must contain, as used by smoke checks.
 *
 * <p>Objects match by subset: every expected key must be present with a matching value
 * (recursively) and extra keys in the body are fine. Arrays match element-wise: same length, and
 * each element matches by these same rules, so objects inside arrays are subsets too while {@code
 * [1,2]} never matches {@code [1,2,3]} or {@code [2,1]}. Scalars match by equality; numbers
 * numerically ({@code 1} matches {@code 1.0}), and {@code null} matches only {@code null}.
 *
 * <pre>{@code
 * JsonSubset expected = JsonSubset.parse("{\"status\":\"ok\",\"db_ready\":true}");
 * expected.mismatch("{\"status\":\"ok\",\"db_ready\":false,\"version\":\"1.2\"}");
 * // Optional[at $.db_ready expected true but was false]
 * }</pre>
 */
public final class JsonSubset {
  // Big decimals keep 0.1 exact and let 1 and 1.0 compare equal by value.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final int QUOTE_LIMIT = 200;
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final JsonNode expected;

  private JsonSubset(JsonNode expected) {
    this.expected = expected;
  }

  /**
   * Parses the expected document.
   *
   * @throws IllegalArgumentException if it is not JSON; the message says where and what is wrong
   */
  public static JsonSubset parse(String expectedJson) {
    if (expectedJson == null || expectedJson.isBlank()) {
      throw new IllegalArgumentException(
          "Expected JSON is empty; fix the json attribute of @SmokeCheck, e.g."
              + " json = \"{\\\"status\\\":\\\"ok\\\"}\"");
    }
    try {
      return new JsonSubset(MAPPER.readTree(expectedJson));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalArgumentException(
          "Expected JSON is malformed"
              + where
              + ": "
              + e.getOriginalMessage()
              + " in "
              + quote(expectedJson)
              + "; fix the json attribute of @SmokeCheck",
          e);
    }
  }

  /** The expected document, normalised (compact, as Jackson writes it). */
  public String expected() {
    return expected.toString();
  }

  /**
   * Checks a response body.
   *
   * @return empty if the body contains the expected document, else one sentence naming the first
   *     difference by JSON path, e.g. {@code at $.db_ready expected true but was false}
   */
  public Optional<String> mismatch(String actualBody) {
    JsonNode actual;
    try {
      actual = actualBody == null ? null : MAPPER.readTree(actualBody);
    } catch (JsonProcessingException e) {
      actual = null;
    }
    if (actual == null || actual.isMissingNode()) {
      return Optional.of("body is not JSON: " + quote(actualBody == null ? "" : actualBody));
    }
    return mismatch("$", expected, actual);
  }

  private static Optional<String> mismatch(String path, JsonNode want, JsonNode got) {
    if (want.isObject()) {
      if (!got.isObject()) {
        return differs(path, want, got);
      }
      for (Map.Entry<String, JsonNode> field : want.properties()) {
        String childPath = child(path, field.getKey());
        JsonNode value = got.get(field.getKey());
        if (value == null) {
          return Optional.of(
              "at " + childPath + " expected " + field.getValue() + " but the key is missing");
        }
        Optional<String> inner = mismatch(childPath, field.getValue(), value);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (want.isArray()) {
      if (!got.isArray()) {
        return differs(path, want, got);
      }
      if (want.size() != got.size()) {
        return Optional.of(
            "at "
                + path
                + " expected an array of "
                + want.size()
                + " elements but was "
                + got.size()
                + ": "
                + abbreviate(got.toString()));
      }
      for (int i = 0; i < want.size(); i++) {
        Optional<String> inner = mismatch(path + "[" + i + "]", want.get(i), got.get(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (want.isNumber() && got.isNumber()) {
      return want.decimalValue().compareTo(got.decimalValue()) == 0
          ? Optional.empty()
          : differs(path, want, got);
    }
    return want.equals(got) ? Optional.empty() : differs(path, want, got);
  }

  private static Optional<String> differs(String path, JsonNode want, JsonNode got) {
    return Optional.of(
        "at "
            + path
            + " expected "
            + abbreviate(want.toString())
            + " but was "
            + abbreviate(got.toString()));
  }

  private static String child(String path, String key) {
    return PLAIN_KEY.matcher(key).matches()
        ? path + "." + key
        : path + "[" + MAPPER.getNodeFactory().textNode(key) + "]";
  }

  private static String abbreviate(String text) {
    return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
  }

  private static String quote(String text) {
    return "<" + abbreviate(text) + ">";
  }
}
