package dev.stagegate.assertions.logs;

import dev.stagegate.report.LogFinding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which log lines count as problems: an immutable rule set plus an allowlist.
 *
 * <p>The rules look at the log level and at crash signatures rather than at the word "error"
 * anywhere, so {@code processed 10 tasks, 0 errors}, {@code errors=0} or {@code GET
 * /api/v1/errors/summary 200} are not findings while {@code ERROR:root:db down}, {@code level=error
 * ...} and a Python traceback are. Rule names, in precedence order (a line gets the first that
 * matches):
 *
 * <ul>
 *   <li>{@code python-traceback} — a whole {@code Traceback (most recent call last):} block;
 *   <li>{@code out-of-memory}, {@code java-uncaught-exception}, {@code java-caused-by}, {@code
 *       go-panic}, {@code go-fatal-error}, {@code node-unhandled-rejection}, {@code segfault},
 *       {@code oom-killed} — crash signatures, whatever the line's level;
 *   <li>{@code fatal-level}, {@code error-level} — the line's level is FATAL/PANIC or
 *       ERROR/CRITICAL/SEVERE (see the formats below).
 * </ul>
 *
 * <p>Levels are read from glog prefixes ({@code E1123 ...}), JSON lines' {@code level} key, logfmt
 * {@code level=}, the first upper-case level word ({@code ... ERROR [x] msg}, {@code [ERROR]},
 * {@code ERROR:root:msg}) or a leading {@code Error:}. Because the level decides, {@code WARN
 * retrying after transient error} is not a finding, and neither is an ERROR word inside an INFO
 * line's message. Short level spellings such as zerolog's {@code ERR} are not recognised.
 *
 * <pre>{@code
 * LogAudit audit = LogAudit.defaults()
 *     .withAllowed("worker", "ERROR .*retrying")   // worker only
 *     .withAllowed("DeprecationWarning")           // every service
 *     .withoutRule("oom-killed");
 * List<LogFinding> findings = audit.audit("worker", lines);
 * }</pre>
 */
public final class LogAudit {
  private static final LogAudit DEFAULTS =
      new LogAudit(true, EnumSet.allOf(LineRule.class), List.of());

  private final boolean tracebacks;
  private final Set<LineRule> lineRules;
  private final List<AllowRule> allowed;

  private LogAudit(boolean tracebacks, Set<LineRule> lineRules, List<AllowRule> allowed) {
    this.tracebacks = tracebacks;
    this.lineRules = Collections.unmodifiableSet(copy(lineRules));
    this.allowed = List.copyOf(allowed);
  }

  // EnumSet.copyOf rejects an empty plain collection, so build the empty case explicitly.
  private static Set<LineRule> copy(Set<LineRule> rules) {
    return rules.isEmpty() ? EnumSet.noneOf(LineRule.class) : EnumSet.copyOf(rules);
  }

  /** Every rule on, nothing allowed. */
  public static LogAudit defaults() {
    return DEFAULTS;
  }

  /**
   * Drops findings of {@code service} whose quoted line (for a traceback: its exception line)
   * matches {@code regex} anywhere ({@link java.util.regex.Matcher#find()}).
   *
   * @param service a compose service name, or {@code "*"} for every service
   * @throws IllegalArgumentException if {@code regex} does not compile; the message quotes it
   */
  public LogAudit withAllowed(String service, String regex) {
    List<AllowRule> more = new ArrayList<>(allowed);
    more.add(AllowRule.compile(service, regex));
    return new LogAudit(tracebacks, lineRules, more);
  }

  /** {@link #withAllowed(String, String)} for every service. */
  public LogAudit withAllowed(String regex) {
    return withAllowed(AllowRule.ALL, regex);
  }

  /**
   * Turns a rule off, e.g. {@code withoutRule("error-level")} to keep only crash signatures.
   *
   * @throws IllegalArgumentException for a name not in {@link #ruleNames()} of {@link #defaults()}
   */
  public LogAudit withoutRule(String ruleName) {
    if (PythonTraceback.RULE.equals(ruleName)) {
      return new LogAudit(false, lineRules, allowed);
    }
    for (LineRule rule : LineRule.values()) {
      if (rule.ruleName().equals(ruleName)) {
        Set<LineRule> fewer = copy(lineRules);
        fewer.remove(rule);
        return new LogAudit(tracebacks, fewer, allowed);
      }
    }
    throw new IllegalArgumentException(
        "Unknown log rule \"" + ruleName + "\"; known rules: " + DEFAULTS.ruleNames());
  }

  /** The enabled rules' names in precedence order. */
  public List<String> ruleNames() {
    List<String> names = new ArrayList<>();
    if (tracebacks) {
      names.add(PythonTraceback.RULE);
    }
    for (LineRule rule : lineRules) {
      names.add(rule.ruleName());
    }
    return List.copyOf(names);
  }

  /** A fresh scanner for one service's log stream. */
  public LogScanner scanner(String service) {
    List<Pattern> patterns = new ArrayList<>();
    for (AllowRule rule : allowed) {
      if (rule.appliesTo(service)) {
        patterns.add(rule.pattern());
      }
    }
    return new LogScanner(service, List.copyOf(lineRules), tracebacks, patterns);
  }

  /** Audits a complete log: every line through one scanner, then {@link LogScanner#finish()}. */
  public List<LogFinding> audit(String service, List<String> lines) {
    LogScanner scanner = scanner(service);
    List<LogFinding> findings = new ArrayList<>();
    for (String line : lines) {
      findings.addAll(scanner.accept(line));
    }
    findings.addAll(scanner.finish());
    return findings;
  }

  /**
   * Audits a UTF-8 log stream to its end (without closing it); the fast path for large logs, since
   * only lines that might match are decoded. Lines end at {@code \n}, a trailing {@code \r} is
   * dropped.
   */
  public List<LogFinding> audit(String service, InputStream log) throws IOException {
    List<LogFinding> findings = new ArrayList<>();
    LogStreamReader.feed(log, scanner(service), findings::add);
    return findings;
  }
}
