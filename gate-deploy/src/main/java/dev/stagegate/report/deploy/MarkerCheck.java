package dev.stagegate.report.deploy;

import dev.stagegate.report.change.CommitIds;
import dev.stagegate.report.text.HumanDuration;
import dev.stagegate.report.text.UntrustedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the {@link DeploymentMarker} read from a running container against what the gate expects,
 * so that a gate cannot pass against a stale image (an old build still running, a wrong
 * environment's configuration).
 *
 * <p>Immutable: each expectation returns a new check. Only what is set is checked. Each problem is
 * one sentence naming the service; commits are shown by their first seven characters.
 *
 * <pre>{@code
 * MarkerCheck check =
 *     MarkerCheck.expecting()
 *         .commit(MarkerFactory.headCommit(Path.of(".")))
 *         .version("1.2.3")
 *         .environment("staging")
 *         .maxAge(Duration.ofHours(2));
 * List<String> problems = check.problems(markerJsonFromContainer, "api");
 * // e.g. "marker commit 1a2b3c4 in service "api" is not HEAD 5d6e7f8: the container runs an
 * //       older build"
 * }</pre>
 */
public final class MarkerCheck {
  private final String commit;
  private final String version;
  private final String environment;
  private final Duration maxAge;
  private final Clock clock;

  private MarkerCheck(
      String commit, String version, String environment, Duration maxAge, Clock clock) {
    this.commit = commit;
    this.version = version;
    this.environment = environment;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** A check that expects only a well-formed marker to be present. */
  public static MarkerCheck expecting() {
    return new MarkerCheck(null, null, null, null, Clock.systemUTC());
  }

  /**
   * Expects the marker's commit to be {@code fullId} (normally HEAD); a marker holding an
   * abbreviation of it (seven or more characters) matches too.
   */
  public MarkerCheck commit(String fullId) {
    if (fullId == null || !CommitIds.isValid(fullId)) {
      throw new IllegalArgumentException("expected commit must be 7 to 64 hex digits: " + fullId);
    }
    return new MarkerCheck(fullId, version, environment, maxAge, clock);
  }

  /** Expects exactly this version. */
  public MarkerCheck version(String expected) {
    return new MarkerCheck(commit, requireText(expected, "version"), environment, maxAge, clock);
  }

  /** Expects exactly this environment. */
  public MarkerCheck environment(String expected) {
    return new MarkerCheck(commit, version, requireText(expected, "environment"), maxAge, clock);
  }

  /** Expects the marker to have been made at most {@code age} ago. */
  public MarkerCheck maxAge(Duration age) {
    if (age == null || age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive but was " + age);
    }
    return new MarkerCheck(commit, version, environment, age, clock);
  }

  /** The clock {@link #maxAge} is measured with; the system UTC clock unless set (tests). */
  public MarkerCheck clock(Clock now) {
    if (now == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    return new MarkerCheck(commit, version, environment, maxAge, now);
  }

  /**
   * What is wrong with the marker read from a service's container.
   *
   * @param markerJson the content of {@value DeploymentMarker#PATH}, or empty when the file is
   *     missing
   * @param service the service the marker was read from, e.g. {@code api}
   * @return one sentence per problem; empty when the marker is as expected
   */
  public List<String> problems(Optional<String> markerJson, String service) {
    String in = "in service \"" + UntrustedText.cleanLine(service) + "\"";
    if (markerJson.isEmpty()) {
      return List.of("no deployment marker at " + DeploymentMarker.PATH + " " + in);
    }
    DeploymentMarker marker;
    try {
      marker = DeploymentMarker.parse(markerJson.get(), DeploymentMarker.PATH + " " + in);
    } catch (DeploymentMarkerException e) {
      return List.of(
          "deployment marker at "
              + DeploymentMarker.PATH
              + " "
              + in
              + " is malformed"
              + position(e)
              + ": "
              + e.problem());
    }
    return problems(marker, service);
  }

  /** What is wrong with a marker already parsed; see {@link #problems(Optional, String)}. */
  public List<String> problems(DeploymentMarker marker, String service) {
    String in = "in service \"" + UntrustedText.cleanLine(service) + "\"";
    List<String> problems = new ArrayList<>();
    if (commit != null && !CommitIds.sameCommit(marker.commit(), commit)) {
      problems.add(
          "marker commit "
              + marker.shortCommit()
              + " "
              + in
              + " is not HEAD "
              + CommitIds.abbreviate(commit)
              + ": the container runs an older build");
    }
    if (version != null && !version.equals(marker.version())) {
      problems.add(
          "marker version "
              + shown(marker.version())
              + " "
              + in
              + " is not the expected "
              + shown(version));
    }
    if (environment != null && !environment.equals(marker.environment())) {
      problems.add(
          "marker environment "
              + shown(marker.environment())
              + " "
              + in
              + " is not the expected "
              + shown(environment)
              + ": the container was built for another environment");
    }
    if (maxAge != null) {
      Instant now = clock.instant();
      Duration age = Duration.between(marker.timestamp(), now);
      if (age.compareTo(maxAge) > 0) {
        problems.add(
            "marker "
                + in
                + " is "
                + HumanDuration.format(age)
                + " old (made "
                + marker.timestamp()
                + "), more than the allowed "
                + HumanDuration.format(maxAge)
                + ": the container runs an older build");
      }
    }
    return List.copyOf(problems);
  }

  private static String position(DeploymentMarkerException e) {
    if (e.line() < 1) {
      return "";
    }
    return " (line " + e.line() + (e.column() > 0 ? ", column " + e.column() : "") + ")";
  }

  /** A container's value in a sentence: one line, bounded, in quotes. */
  private static String shown(String value) {
    String line = UntrustedText.cleanLine(value);
    return "\"" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "\"";
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }
}
