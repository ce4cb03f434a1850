package dev.stagegate.assertions.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonSubsetTest {
  private static final JsonSubset HEALTH =
      JsonSubset.parse("{\"status\":\"ok\",\"db_ready\":true}");

  @Test
  void extraKeysAreAllowed() {
    assertThat(HEALTH.mismatch("{\"db_ready\":true,\"status\":\"ok\",\"version\":\"1.2\"}"))
        .isEmpty();
  }

  @Test
  void aDifferentValueNamesThePath() {
    assertThat(HEALTH.mismatch("{\"status\":\"ok\",\"db_ready\":false}"))
        .contains("at $.db_ready expected true but was false");
  }

  @Test
  void aMissingKeyNamesThePath() {
    assertThat(HEALTH.mismatch("{\"db_ready\":true}"))
        .contains("at $.status expected \"ok\" but the key is missing");
  }

  @Test
  void objectsMatchBySubsetRecursively() {
    JsonSubset expected = JsonSubset.parse("{\"db\":{\"pool\":{\"ready\":true}}}");
    assertThat(expected.mismatch("{\"db\":{\"pool\":{\"ready\":true,\"size\":5},\"x\":1}}"))
        .isEmpty();
    assertThat(expected.mismatch("{\"db\":{\"pool\":{}}}"))
        .contains("at $.db.pool.ready expected true but the key is missing");
    assertThat(expected.mismatch("{\"db\":[]}"))
        .contains("at $.db expected {\"pool\":{\"ready\":true}} but was []");
  }

  @Test
  void numbersCompareNumerically() {
    JsonSubset expected = JsonSubset.parse("{\"n\":1,\"f\":0.1}");
    assertThat(expected.mismatch("{\"n\":1.0,\"f\":0.10}")).isEmpty();
    assertThat(expected.mismatch("{\"n\":2,\"f\":0.1}")).contains("at $.n expected 1 but was 2");
    assertThat(expected.mismatch("{\"n\":\"1\",\"f\":0.1}"))
        .contains("at $.n expected 1 but was \"1\"");
  }

  @Test
  void arraysMatchElementWise() {
    JsonSubset expected = JsonSubset.parse("{\"tags\":[\"a\",\"b\"],\"items\":[{\"id\":1}]}");
    assertThat(expected.mismatch("{\"tags\":[\"a\",\"b\"],\"items\":[{\"id\":1,\"name\":\"x\"}]}"))
        .isEmpty();
    assertThat(expected.mismatch("{\"tags\":[\"b\",\"a\"],\"items\":[{\"id\":1}]}"))
        .contains("at $.tags[0] expected \"a\" but was \"b\"");
    assertThat(expected.mismatch("{\"tags\":[\"a\",\"b\",\"c\"],\"items\":[{\"id\":1}]}"))
        .contains("at $.tags expected an array of 2 elements but was 3: [\"a\",\"b\",\"c\"]");
    assertThat(expected.mismatch("{\"tags\":[\"a\",\"b\"],\"items\":[{\"id\":2}]}"))
        .contains("at $.items[0].id expected 1 but was 2");
  }

  @Test
  void scalarsAndNull() {
    assertThat(JsonSubset.parse("\"ok\"").mismatch("\"ok\"")).isEmpty();
    assertThat(JsonSubset.parse("{\"e\":null}").mismatch("{\"e\":null}")).isEmpty();
    assertThat(JsonSubset.parse("{\"e\":null}").mismatch("{\"e\":0}"))
        .contains("at $.e expected null but was 0");
  }

  @Test
  void oddKeysAreQuotedInThePath() {
    assertThat(JsonSubset.parse("{\"db-ready\":true}").mismatch("{}"))
        .contains("at $[\"db-ready\"] expected true but the key is missing");
  }

  @Test
  void aBodyThatIsNotJson() {
    assertThat(HEALTH.mismatch("<html>502 Bad Gateway</html>"))
        .contains("body is not JSON: <<html>502 Bad Gateway</html>>");
    assertThat(HEALTH.mismatch("")).contains("body is not JSON: <>");
    assertThat(HEALTH.mismatch("x".repeat(500)).orElseThrow())
        .hasSize("body is not JSON: <".length() + 200 + "...>".length());
  }

  @Test
  void expectedIsNormalised() {
    assertThat(JsonSubset.parse("{ \"status\" : \"ok\",\n \"n\": 1 }").expected())
        .isEqualTo("{\"status\":\"ok\",\"n\":1}");
  }

  @Test
  void malformedExpectedJsonSaysWhereAndHowToFix() {
    assertThatThrownBy(() -> JsonSubset.parse("{\"status\":ok}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1, column")
        .hasMessageContaining("<{\"status\":ok}>")
        .hasMessageContaining("Unrecognized token 'ok'")
        .hasMessageContaining("fix the json attribute of @SmokeCheck");
    assertThatThrownBy(() -> JsonSubset.parse(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@SmokeCheck");
  }
}
