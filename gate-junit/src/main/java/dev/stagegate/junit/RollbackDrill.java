package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method a rollback drill: proves, before a deploy, that the way back works. The committed
 * trees of HEAD and of an earlier ref are exported (JGit; the working tree is never touched), each
 * gets a deployment marker of its own commit, and then, in one compose project: HEAD is built
 * without cache and brought up healthy, the earlier version is built and brought up over it (as a
 * real rollback would), it must become healthy and its marker must name the earlier commit, and
 * HEAD is brought back the same way. Everything is torn down at the end, also on failure.
 *
 * <pre>{@code
 * class RollbackIT {
 *   @RollbackDrill(compose = "deploy/docker-compose.yml", previous = "v1.2.2",
 *                  markerService = "api", markerFile = "services/api/.deployment_marker")
 *   void theLastReleaseCanBeRestored() {}
 * }
 * }</pre>
 *
 * <p>The audit records the rollback command the drill proved, and its deploy checklist prints it.
 * Configuration parameters {@code stagegate.rollback.previous}, {@code .compose}, {@code
 * .marker-service}, {@code .marker-file}, {@code .environment} and {@code .startup.timeout}
 * override the attributes. The method body runs at the end, back on HEAD; it takes no {@link
 * GateStack}. Works as a meta-annotation too.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(StageGateExtension.class)
public @interface RollbackDrill {
  /**
   * The compose file, relative to the module directory; its directory's subtree, in the git
   * repository that holds it, is what gets exported for each commit.
   */
  String compose() default "docker-compose.yml";

  /**
   * The ref to roll back to: a tag, a commit or an expression such as {@code HEAD~1}. Empty: the
   * newest tag reachable from HEAD that does not point at HEAD, else {@code HEAD~1}.
   */
  String previous() default "";

  /** The service whose container holds {@code /app/.deployment_marker}; empty: not checked. */
  String markerService() default "";

  /**
   * Where the build context expects the marker, relative to the compose file's directory, e.g.
   * {@code services/api/.deployment_marker}; written only into the exported copies. Empty: no
   * marker is written.
   */
  String markerFile() default "";

  /** The environment written into the markers; empty: {@code rollback-drill}. */
  String environment() default "";

  /**
   * How long each step may take to become healthy (ISO-8601); empty uses {@code
   * stagegate.startup.timeout} (default {@code PT2M}).
   */
  String startupTimeout() default "";
}
