package dev.stagegate.assertions.logs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Error-level lines that well-known servers log when a <em>client</em> is early or late, not when
 * the server is in trouble: {@link LogAudit#defaults()} does not count them as findings ({@link
 * LogAudit#withoutKnownBenignLines()} does). Each is matched on the whole message, so a line that
 * merely mentions it is still judged.
 *
 * <pre>{@code
 * LogAudit.defaults().audit("db", List.of(
 *     "2026-12-07 15:10:33.585 UTC [45] FATAL:  the database system is starting up"));  // none
 * }</pre>
 */
public enum KnownBenignLine {
  /**
   * PostgreSQL refusing a connection while it starts: a healthcheck's {@code pg_isready} or an
   * eager client knocked before the server accepted connections. A crash recovery also logs its own
   * lines ({@code database system was interrupted}, {@code terminating any other active server
   * processes}), which stay findings.
   */
  POSTGRES_STARTING_UP("FATAL:\\s+the database system is starting up\\s*$");

  private final Pattern pattern;

  KnownBenignLine(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  /** What a line must end with to be this one. */
  public Pattern pattern() {
    return pattern;
  }

  static List<AllowRule> allowRules() {
    return java.util.Arrays.stream(values())
        .map(b -> new AllowRule(AllowRule.ALL, b.pattern))
        .toList();
  }
}
