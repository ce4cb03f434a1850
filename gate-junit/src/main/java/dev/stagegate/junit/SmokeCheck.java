package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP GET against a service once the stack is healthy. The host port is read from the running
 * container, so publish the port in compose as {@code "127.0.0.1::8000"}.
 *
 * <pre>{@code
 * @SmokeCheck(service = "api", port = 8000, path = "/health",
 *             json = "{\"status\":\"ok\",\"db_ready\":true}")
 * @SmokeCheck(service = "api", port = 8000, path = "/api/v1/agents/list")
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(SmokeChecks.class)
public @interface SmokeCheck {
  /** The compose service to call. */
  String service();

  /** The container port (not the host port). */
  int port();

  /** The path, starting with {@code /}. */
  String path();

  /** The expected HTTP status. */
  int status() default 200;

  /**
   * A JSON subset the body must contain: objects match by subset (extra keys are fine), arrays and
   * scalars by equality. Empty: the body is not checked.
   */
  String json() default "";
}
