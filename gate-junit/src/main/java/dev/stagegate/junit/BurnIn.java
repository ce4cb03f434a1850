package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method a burn-in gate: everything {@link HealthySmoke} does, then the stack is kept
 * running and watched for the duration. Any restart, exit, OOM kill, unhealthy turn or crash
 * signature in a log fails it within a second; at the end memory must show no leak and CPU no
 * upward trend. Smoke checks run at the start, at the end, and every {@link #smokeEvery()}.
 *
 * <pre>{@code
 * @BurnIn(hours = 4)
 * @SmokeCheck(service = "api", port = 8000, path = "/health")
 * void survivesFourHours() {}
 * }</pre>
 *
 * <p>Give exactly one of {@link #hours()}, {@link #minutes()} or {@link #duration()}. The
 * configuration parameter {@code stagegate.burnin.duration} overrides the duration of every burn-in
 * (CI runs a short one); the audit then says so: {@code PASS_SHORTENED (2 min of 4 h requested)},
 * never PASS, and approving it needs a recorded reason ({@code ApprovalCli approve --accept}). A
 * watch shorter than {@code stagegate.trend.min-span} leaves the trends "not judged".
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(StageGateExtension.class)
public @interface BurnIn {
  /**
   * The configuration parameter that sets {@link #watchAfterFailure()} for every burn-in that does
   * not set it itself, e.g. {@code -Dstagegate.burnin.watch-after-failure=PT1M}.
   */
  String WATCH_AFTER_FAILURE_KEY = "stagegate.burnin.watch-after-failure";

  /** Duration in hours. */
  int hours() default 0;

  /** Duration in minutes. */
  int minutes() default 0;

  /** Duration as ISO-8601, e.g. {@code PT4H} or {@code PT90M}. */
  String duration() default "";

  /** As {@link HealthySmoke#compose()}. */
  String[] compose() default {};

  /** As {@link HealthySmoke#startupTimeout()}. */
  String startupTimeout() default "";

  /** Run the smoke checks this often during the watch as well (ISO-8601); empty: start and end. */
  String smokeEvery() default "";

  /**
   * Run the previous release alongside as a baseline and fail on a regression against it: {@code
   * previous} (the newest tag below HEAD, else {@code HEAD~1}) or any git ref or tag. Both run the
   * same {@link Load}s for the same time, side by side (or one after the other when {@code
   * stagegate.baseline.mode=sequential}; the audit says which). Empty: no baseline.
   *
   * <pre>{@code
   * @BurnIn(hours = 4, baseline = "previous")
   * @Load(service = "api", port = 8000, path = "/api/v1/agents/list", rate = 20)
   * void noWorseThanTheLastRelease() {}
   * }</pre>
   */
  String baseline() default "";

  /**
   * Keep watching this long after the first failure (ISO-8601, e.g. {@code PT30S}) instead of
   * ending at once, so the audit shows how the other services reacted: an outage drill's worker
   * errors, an api's {@code db_ready:false}, restarts. The verdict is FAIL from the first failure
   * on; the failures seen afterwards are listed after it. Empty: the configuration parameter
   * {@value #WATCH_AFTER_FAILURE_KEY}, else {@code PT0S} (end at the first failure). At most {@code
   * PT30M}.
   *
   * <pre>{@code
   * @BurnIn(hours = 4, smokeEvery = "PT5S", watchAfterFailure = "PT30S")
   * void survivesAnOutageOfTheDatabase(GateStack stack) {}
   * }</pre>
   */
  String watchAfterFailure() default "";

  /** The smallest worsening against the baseline that fails (0.1: 10 %), with p below 0.01. */
  double baselineMinimumEffect() default 0.10;
}
