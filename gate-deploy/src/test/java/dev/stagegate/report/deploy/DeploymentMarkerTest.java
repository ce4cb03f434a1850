package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeploymentMarkerTest {
  static final String HEAD = "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0";
  static final DeploymentMarker MARKER =
      new DeploymentMarker(
          "1.2.3", Instant.parse("2024-05-01T12:00:00Z"), HEAD, "staging", "alice");

  @Test
  void writesTheSeedsFieldNamesInOrder() {
    assertThat(MARKER.toJson())
        .isEqualTo(
            """
            {
              "version": "1.2.3",
              "timestamp": "2024-05-01T12:00:00Z",
              "commit": "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0",
              "environment": "staging",
              "deployed_by": "alice"
            }
            """);
  }

  @Test
  void roundTrips() {
    assertThat(DeploymentMarker.parse(MARKER.toJson(), "m")).isEqualTo(MARKER);
    DeploymentMarker precise =
        new DeploymentMarker(
            "2.0.0-rc.1+build.7",
            Instant.parse("2024-05-01T12:00:00.123456789Z"),
            HEAD,
            "prod \"eu\"",
            "ci[bot]");
    assertThat(DeploymentMarker.parse(precise.toJson(), "m")).isEqualTo(precise);
  }

  @Test
  void readsOffsetsAndIgnoresUnknownFields() {
    String seed =
        """
        {"version":"1.2.3","timestamp":"2024-05-01T14:00:00+02:00","commit":"5d6e7f8",
         "environment":"staging","deployed_by":"alice","host":{"name":"x"},"extra":[1,2]}
        """;
    DeploymentMarker marker = DeploymentMarker.parse(seed, "m");
    assertThat(marker.timestamp()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(marker.commit()).isEqualTo("5d6e7f8");
    assertThat(marker.shortCommit()).isEqualTo("5d6e7f8");
    assertThat(MARKER.shortCommit()).isEqualTo("5d6e7f8");
  }

  @Test
  void malformedJsonNamesSourceLineAndColumn() {
    String broken = "{\n  \"version\": \"1.2.3\",\n  \"timestamp\" \"x\"\n}";
    assertThatThrownBy(() -> DeploymentMarker.parse(broken, "/app/.deployment_marker"))
        .isInstanceOfSatisfying(
            DeploymentMarkerException.class,
            e -> {
              assertThat(e.source()).isEqualTo("/app/.deployment_marker");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isPositive();
              assertThat(e.getMessage())
                  .startsWith("/app/.deployment_marker:3:" + e.column() + ": malformed JSON: ");
            });
  }

  @Test
  void missingFieldIsNamed() {
    String json = MARKER.toJson().replace(",\n  \"deployed_by\": \"alice\"", "");
    assertThatThrownBy(() -> DeploymentMarker.parse(json, "m"))
        .hasMessage("m: missing field \"deployed_by\"");
  }

  @Test
  void emptyFieldIsNamedWithItsPosition() {
    String json = MARKER.toJson().replace("\"staging\"", "\"  \"");
    assertThatThrownBy(() -> DeploymentMarker.parse(json, "m"))
        .hasMessage("m:5:18: field \"environment\" is empty");
  }

  @Test
  void invalidTimestampsAreExplained() {
    assertThatThrownBy(
            () -> DeploymentMarker.parse(MARKER.toJson().replace("2024-05-01T12:00:00Z", "x"), "m"))
        .hasMessage(
            "m:3:16: field \"timestamp\" is not an ISO-8601 instant such as 2024-05-01T12:00:00Z:"
                + " \"x\"");
    // Python's datetime.now().isoformat(): no offset, so the age would be off by the time zone.
    assertThatThrownBy(
            () ->
                DeploymentMarker.parse(
                    MARKER.toJson().replace("2024-05-01T12:00:00Z", "2024-05-01T12:00:00.5"), "m"))
        .hasMessage(
            "m:3:16: field \"timestamp\" has no time zone offset (add Z or +00:00):"
                + " \"2024-05-01T12:00:00.5\"");
  }

  @Test
  void otherShapesAreRefused() {
    assertThatThrownBy(() -> DeploymentMarker.parse("", "m"))
        .hasMessage("m: empty file: expected a JSON object");
    assertThatThrownBy(() -> DeploymentMarker.parse("[1]", "m"))
        .hasMessage("m:1:1: expected a JSON object but found START_ARRAY");
    assertThatThrownBy(() -> DeploymentMarker.parse(MARKER.toJson().replace("\"1.2.3\"", "1"), "m"))
        .hasMessage("m:2:14: field \"version\" must be a string but is a number");
    assertThatThrownBy(
            () -> DeploymentMarker.parse(MARKER.toJson().replace(HEAD, "not-a-commit"), "m"))
        .hasMessage(
            "m:4:13: field \"commit\" is not a commit id (7 to 64 hex digits): \"not-a-commit\"");
    assertThatThrownBy(() -> DeploymentMarker.parse("{\"version\":\"1\",\"version\":\"2\"}", "m"))
        .isInstanceOf(DeploymentMarkerException.class)
        .hasMessageContaining("Duplicate field 'version'");
    assertThatThrownBy(() -> DeploymentMarker.parse(MARKER.toJson() + "{}", "m"))
        .hasMessageStartingWith("m:8:1: ");
  }

  @Test
  void constructorRefusesBlankFieldsAndNonHexCommits() {
    Instant t = Instant.EPOCH;
    assertThatThrownBy(() -> new DeploymentMarker(" ", t, HEAD, "s", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must not be null or blank");
    assertThatThrownBy(() -> new DeploymentMarker("1", t, "HEAD", "s", "a"))
        .hasMessage("commit must be 7 to 64 hex digits but was HEAD");
  }
}
