package dev.stagegate.junit.config;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.junit.LogAllow;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The log audit with a gate's allowlist applied: {@link LogAllow} annotations and the {@code
 * stagegate.logs.allow[.<service>]} settings, each regex checked with a message naming where it
 * came from.
 */
public final class LogAllowlist {
  private LogAllowlist() {}

  /**
   * @param allows the annotations, service {@code "*"} for every service
   * @param settingsAllow service (or {@code "*"}) to regex, from {@link GateSettings#logAllow()}
   */
  public static LogAudit apply(List<LogAllow> allows, Map<String, String> settingsAllow) {
    LogAudit audit = LogAudit.defaults();
    for (LogAllow a : allows) {
      audit = audit.withAllowed(a.service(), checkedRegex(a.pattern(), "@LogAllow(pattern)"));
    }
    for (var e : settingsAllow.entrySet()) {
      String key =
          "*".equals(e.getKey())
              ? GateSettings.LOGS_ALLOW
              : GateSettings.LOGS_ALLOW + "." + e.getKey();
      audit = audit.withAllowed(e.getKey(), checkedRegex(e.getValue(), key));
    }
    return audit;
  }

  /** The regex if it compiles; otherwise an error naming {@code where} it came from. */
  public static String checkedRegex(String regex, String where) {
    try {
      Pattern.compile(regex);
      return regex;
    } catch (PatternSyntaxException e) {
      throw new GateConfigurationException(
          where
              + " is not a valid regular expression: "
              + e.getDescription()
              + " in '"
              + regex
              + "'.",
          e);
    }
  }
}
