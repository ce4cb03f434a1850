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
 */
public record BurnInPlan(Duration requested, Duration planned, Optional<Duration> smokeEvery) {

  /** Whether this run watches for less than requested. */
  public boolean shortened() {
    return planned.compareTo(requested) < 0;
  }

  /** Reads and checks the annotation; exactly one of hours, minutes, duration must be given. */
  public static BurnInPlan of(BurnIn burnIn, GateSettings settings) {
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
    return new BurnInPlan(requested, settings.burnInOverride().orElse(requested), smokeEvery);
  }
}
