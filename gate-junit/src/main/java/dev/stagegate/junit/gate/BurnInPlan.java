package dev.stagegate.junit.gate;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.config.GateSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a burn-in watches: what the annotation requested and what this run will do (shorter when
 * {@code stagegate.burnin.duration} overrides it, which the audit then says).
 *
 * @param requested the duration the annotation asks for
 * @param planned the duration this run watches
 * @param smokeEvery how often smoke checks run during the watch, if at all
 * @param watchAfterFailure how long the watch goes on after the first failure, so that the other
 *     services' reactions are in the evidence ({@link Duration#ZERO}: it ends at once)
 */
public record BurnInPlan(
    Duration requested,
    Duration planned,
    Optional<Duration> smokeEvery,
    Duration watchAfterFailure) {
  /** The longest watch after a failure: a drill's reactions show in minutes, not hours. */
  static final Duration WATCH_AFTER_FAILURE_MAX = Duration.ofMinutes(30);

  /** Whether this run watches for less than requested. */
  public boolean shortened() {
    return planned.compareTo(requested) < 0;
  }

  /**
   * Reads and checks the annotation; exactly one of hours, minutes, duration must be given. {@code
   * watchAfterFailure} is the value of {@link BurnIn#WATCH_AFTER_FAILURE_KEY}, if set.
   */
  public static BurnInPlan of(
      BurnIn burnIn, GateSettings settings, Optional<String> watchAfterFailure) {
    int given =
        (burnIn.hours() != 0 ? 1 : 0)
            + (burnIn.minutes() != 0 ? 1 : 0)
            + (burnIn.duration().isBlank() ? 0 : 1);
    if (given != 1) {
      throw new GateConfigurationException(
          "@BurnIn needs exactly one of hours, minutes or duration (e.g. @BurnIn(hours = 4) or"
              + " @BurnIn(duration = \"PT90M\")) but "
              + (given == 0 ? "none was given." : given + " were given."));
    }
    if (burnIn.hours() < 0 || burnIn.minutes() < 0) {
      throw new GateConfigurationException(
          "@BurnIn hours and minutes must be positive but were hours = "
              + burnIn.hours()
              + ", minutes = "
              + burnIn.minutes()
              + ".");
    }
    Duration requested =
        burnIn.hours() != 0
            ? Duration.ofHours(burnIn.hours())
            : burnIn.minutes() != 0
                ? Duration.ofMinutes(burnIn.minutes())
                : GateSettings.parseDuration(burnIn.duration(), "@BurnIn(duration)");
    Optional<Duration> smokeEvery =
        burnIn.smokeEvery().isBlank()
            ? Optional.empty()
            : Optional.of(GateSettings.parseDuration(burnIn.smokeEvery(), "@BurnIn(smokeEvery)"));
    return new BurnInPlan(
        requested,
        settings.burnInOverride().orElse(requested),
        smokeEvery,
        watchAfterFailure(burnIn, watchAfterFailure));
  }

  private static Duration watchAfterFailure(BurnIn burnIn, Optional<String> configured) {
    Duration after;
    String source;
    if (!burnIn.watchAfterFailure().isBlank()) {
      source = "@BurnIn(watchAfterFailure)";
      after = parse(burnIn.watchAfterFailure(), source);
    } else if (configured.filter(v -> !v.isBlank()).isPresent()) {
      source = "Configuration parameter " + BurnIn.WATCH_AFTER_FAILURE_KEY;
      after = parse(configured.get(), source);
    } else {
      return Duration.ZERO;
    }
    if (after.isNegative() || after.compareTo(WATCH_AFTER_FAILURE_MAX) > 0) {
      throw new GateConfigurationException(
          source
              + " must be between PT0S (end at the first failure) and "
              + WATCH_AFTER_FAILURE_MAX
              + " but was "
              + after
              + ".");
    }
    return after;
  }

  // PT0S is allowed here: it says "end at the first failure" over a configured default
  private static Duration parse(String value, String source) {
    try {
      if (Duration.parse(value.strip()).isZero()) {
        return Duration.ZERO;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // parseDuration names the expected form
    }
    return GateSettings.parseDuration(value, source);
  }
}
