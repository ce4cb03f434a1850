package dev.stagegate.assertions.logs;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One allowlist entry: findings of {@code service} (or of every service for {@link #ALL}) whose
 * quoted line matches {@code pattern} anywhere are dropped.
 */
record AllowRule(String service, Pattern pattern) {
  /** The service name that stands for every service. */
  static final String ALL = "*";

  /**
   * Compiles {@code regex}, turning a syntax error into a message a user can act on without reading
   * a stack trace: the regex, what is wrong with it, and where it came from.
   */
  static AllowRule compile(String service, String regex) {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException(
          "log allowlist service must be a compose service name or \"*\" but was "
              + (service == null ? "null" : "\"" + service + "\""));
    }
    if (regex == null) {
      throw new IllegalArgumentException("log allowlist regex for service " + service + " is null");
    }
    try {
      return new AllowRule(service, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid log allowlist regex \""
              + regex
              + "\" for service \""
              + service
              + "\": "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
              + ". Fix the regex in the stagegate.logs.allow configuration parameter"
              + " or in the @LogAllow annotation that declares it.",
          e);
    }
  }

  boolean appliesTo(String serviceName) {
    return service.equals(ALL) || service.equals(serviceName);
  }
}
