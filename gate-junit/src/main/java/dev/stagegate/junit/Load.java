package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts constant-rate HTTP load on a service for the whole watch of a {@link BurnIn}: leaks, pool
 * exhaustion and latency creep show under traffic, not on an idle stack. Requests go out at their
 * scheduled times whatever the service does (an open model), and latency counts from that intended
 * time, so a stall is measured rather than hidden. Publish the port as {@code "127.0.0.1::8000"}.
 *
 * <pre>{@code
 * @BurnIn(hours = 4)
 * @Load(service = "api", port = 8000, path = "/api/v1/agents/list", rate = 20,
 *       maxErrorRate = 0.001, p99 = "PT0.5S")
 * void holdsUnderLoad() {}
 * }</pre>
 *
 * <p>The gate fails when the error rate over the run exceeds {@link #maxErrorRate()}, when p99
 * latency over the run exceeds {@link #p99()}, or when latency creeps upward over the run (the
 * latency trend judge on each interval's median). Each interval ({@code stagegate.load.interval},
 * default a minute) gets a row in the audit: p50/p95/p99/max, error rate and achieved rate.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Loads.class)
public @interface Load {
  /** The compose service to load. */
  String service();

  /** The container port (not the host port). */
  int port();

  /** The path, starting with {@code /}; may carry a query string. */
  String path();

  /** Requests per second. */
  double rate();

  /** The HTTP method. */
  String method() default "GET";

  /** The request body; empty for none. */
  String body() default "";

  /** Extra headers as {@code "Name: value"}. */
  String[] headers() default {};

  /** The status an answer must have to count as a success. */
  int status() default 200;

  /** How long a request may take before it counts as an error (ISO-8601); default 10 s. */
  String timeout() default "";

  /** The largest share of failed requests over the run that passes, in [0, 1]; default 1 %. */
  double maxErrorRate() default 0.01;

  /**
   * The largest p99 latency over the run that passes (ISO-8601, e.g. {@code PT0.5S}); empty: none.
   */
  String p99() default "";
}
