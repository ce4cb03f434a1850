package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method a staging gate test: rebuild the compose stack without cache, start it through
 * Testcontainers, wait until every service is healthy, run the {@link SmokeCheck}s, run the method
 * body (which may take a {@link GateStack}), then audit restarts, exits and logs, write {@code
 * stability_audit.md}, and tear everything down. The method is a test: no {@code @Test}.
 *
 * <pre>{@code
 * class StagingGateIT {
 *   @HealthySmoke(compose = "docker-compose.yml")
 *   @SmokeCheck(service = "api", port = 8000, path = "/health",
 *               json = "{\"status\":\"ok\",\"db_ready\":true}")
 *   void stackIsFitToDeploy(GateStack stack) {}
 * }
 * }</pre>
 *
 * <p>Works as a meta-annotation too, so a team can define its own {@code @OurGate}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(StageGateExtension.class)
public @interface HealthySmoke {
  /**
   * The compose files, in merge order (compose's {@code -f a -f b}), relative to the module
   * directory (the test JVM's working directory) or absolute: {@code compose =
   * "deploy/docker-compose.yml"}, {@code compose = {"compose.yml", "compose.ci.yml"}}. Empty (the
   * default) finds the file as compose does: {@code compose.yaml}, {@code compose.yml}, {@code
   * docker-compose.yaml} or {@code docker-compose.yml} in the module directory or a parent, plus
   * its {@code .override} file.
   */
  String[] compose() default {};

  /**
   * How long every service may take to become healthy (ISO-8601, e.g. {@code PT2M}); empty uses the
   * configuration parameter {@code stagegate.startup.timeout} (default {@code PT2M}).
   */
  String startupTimeout() default "";

  /**
   * How long to keep watching once the stack is healthy and smoke-checked, so that a service that
   * crashes a few seconds after start is caught (ISO-8601); empty uses {@code
   * stagegate.smoke.settle} (default {@code PT2S}).
   */
  String settle() default "";
}
