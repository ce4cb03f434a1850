package dev.stagegate.report.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkerCheckTest {
  static final String HEAD = "5d6e7f8a9b0c1d2e3f405162738495a6b7c8d9e0";
  static final String OLD = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
  static final Instant MADE = Instant.parse("2024-05-01T12:00:00Z");
  static final MarkerCheck CHECK =
      MarkerCheck.expecting()
          .commit(HEAD)
          .version("1.2.3")
          .environment("staging")
          .maxAge(Duration.ofHours(1))
          .clock(Clock.fixed(MADE.plusSeconds(600), ZoneOffset.UTC));

  static String marker(String version, Instant when, String commit, String environment) {
    return new DeploymentMarker(version, when, commit, environment, "alice").toJson();
  }

  @Test
  void expectedMarkerHasNoProblems() {
    assertThat(CHECK.problems(Optional.of(marker("1.2.3", MADE, HEAD, "staging")), "api"))
        .isEmpty();
    // An abbreviation written by hand names the same commit.
    assertThat(CHECK.problems(Optional.of(marker("1.2.3", MADE, "5D6E7F8A9", "staging")), "api"))
        .isEmpty();
  }

  @Test
  void missingMarker() {
    assertThat(CHECK.problems(Optional.empty(), "api"))
        .containsExactly("no deployment marker at /app/.deployment_marker in service \"api\"");
  }

  @Test
  void malformedMarker() {
    assertThat(CHECK.problems(Optional.of("{\n  \"version\": \"1.2.3\" \"commit\"\n}"), "api"))
        .singleElement()
        .asString()
        .startsWith(
            "deployment marker at /app/.deployment_marker in service \"api\" is malformed"
                + " (line 2, column ")
        .contains("malformed JSON");
    assertThat(CHECK.problems(Optional.of("{}"), "api"))
        .containsExactly(
            "deployment marker at /app/.deployment_marker in service \"api\" is malformed:"
                + " missing field \"version\"");
  }

  @Test
  void everyMismatchIsOneSentence() {
    String stale = marker("1.2.2", MADE.minus(Duration.ofHours(3)), OLD, "production");
    assertThat(CHECK.problems(Optional.of(stale), "api"))
        .containsExactly(
            "marker commit 1a2b3c4 in service \"api\" is not HEAD 5d6e7f8: the container runs an"
                + " older build",
            "marker version \"1.2.2\" in service \"api\" is not the expected \"1.2.3\"",
            "marker environment \"production\" in service \"api\" is not the expected \"staging\":"
                + " the container was built for another environment",
            "marker in service \"api\" is 3h 10m 0s old (made 2024-05-01T09:00:00Z), more than the"
                + " allowed 1h 0m 0s: the container runs an older build");
  }

  @Test
  void onlyWhatIsSetIsChecked() {
    String other = marker("9", Instant.EPOCH, OLD, "dev");
    assertThat(MarkerCheck.expecting().problems(Optional.of(other), "web")).isEmpty();
    assertThat(MarkerCheck.expecting().commit(HEAD).problems(Optional.of(other), "web")).hasSize(1);
  }

  @Test
  void containerTextCannotForgeLines() {
    String evil = marker("1.2.3\n\u001b[32mPASS", MADE, HEAD, "staging");
    assertThat(CHECK.problems(Optional.of(evil), "api"))
        .singleElement()
        .asString()
        .doesNotContain("\n", "\u001b");
  }

  @Test
  void expectationsAreValidated() {
    assertThatThrownBy(() -> MarkerCheck.expecting().commit("main"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MarkerCheck.expecting().maxAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MarkerCheck.expecting().version(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
