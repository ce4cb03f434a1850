package dev.stagegate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lines the log audit must not count as problems, for one service or all ({@code "*"}).
 *
 * <pre>{@code
 * @LogAllow(service = "worker", pattern = "ERROR .*retrying in \\d+ s")
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(LogAllows.class)
public @interface LogAllow {
  /** The service whose log this applies to; {@code "*"} for every service. */
  String service() default "*";

  /** A Java regular expression; a line in which it is found is not a finding. */
  String pattern();
}
