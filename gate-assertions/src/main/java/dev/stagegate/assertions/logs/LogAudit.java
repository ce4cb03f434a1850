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
 * <p>The rules look at the log level at its position in the line and at crash signatures rather
 * than at the word "error" anywhere, so {@code processed 10 tasks, 0 errors}, {@code errors=0},
 * {@code ErrorHandler initialised} or {@code GET /api/v1/errors/summary 200} are not findings while
 * {@code ERROR:root:db down}, {@code level=error ...}, {@code [error]} and a traceback are. One
 * failure is one finding: the lines of one crash form one block (see {@link LogScanner}). Rule
 * names, in precedence order (a block gets the first that matches its first line):
 *
 * <ul>
 *   <li>{@code python-traceback}, {@code node-uncaught-exception}, {@code exception-stack-trace} —
 *       failures seen only from several lines (see {@link BlockRule});
 *   <li>{@code out-of-memory}, {@code java-uncaught-exception}, {@code java-caused-by}, {@code
 *       dotnet-unhandled-exception}, {@code go-panic}, {@code go-fatal-error}, {@code rust-panic},
 *       {@code cpp-terminate}, {@code npm-error}, {@code node-unhandled-rejection}, {@code
 *       segfault}, {@code oom-killed} — crash signatures, whatever the line's level;
 *   <li>{@code fatal-level}, {@code error-level} — the line's level is FATAL/PANIC/ALERT/EMERG or
 *       ERROR/CRITICAL/SEVERE (see the formats below).
 * </ul>
 *
 * <p>A logger's ERROR line followed by a crash is one finding named after the crash (e.g. {@code
 * python-traceback}). Levels are read from klog prefixes ({@code E1123 ...}), syslog priorities
 * ({@code <3>}), Android logcat letters, JSON lines' {@code level} key (words or numbers), logfmt
 * {@code level=}, a lower-case {@code error:} at the start of the message, and the first level
 * token of the line: an upper-case word ({@code ... ERROR [x] msg}, {@code ERROR:root:msg}, {@code
 * ERR}) or a bracketed level in any case ({@code [error]}, {@code [core:crit]}); see {@link
 * LevelDetector}. Because the level decides, {@code WARN retrying after transient error} is not a
 * finding, and neither is an ERROR word inside an INFO line's message.
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
      new LogAudit(
          EnumSet.allOf(BlockRule.class),
          EnumSet.allOf(LineRule.class),
          KnownBenignLine.allowRules());

  private final Set<BlockRule> blockRules;
  private final Set<LineRule> lineRules;
  private final List<AllowRule> allowed;

  private LogAudit(Set<BlockRule> blockRules, Set<LineRule> lineRules, List<AllowRule> allowed) {
    this.blockRules = Collections.unmodifiableSet(copy(blockRules, BlockRule.class));
    this.lineRules = Collections.unmodifiableSet(copy(lineRules, LineRule.class));
    this.allowed = List.copyOf(allowed);
  }

  // EnumSet.copyOf rejects an empty plain collection, so build the empty case explicitly.
  private static <E extends Enum<E>> Set<E> copy(Set<E> rules, Class<E> type) {
    return rules.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(rules);
  }

  /**
   * Every rule on; nothing allowed but the {@link KnownBenignLine}s of well-known servers (a client
   * that knocked too early is not the server's error).
   */
  public static LogAudit defaults() {
    return DEFAULTS;
  }

  /** This audit with the {@link KnownBenignLine}s counted as findings like any other line. */
  public LogAudit withoutKnownBenignLines() {
    List<AllowRule> known = KnownBenignLine.allowRules();
    return new LogAudit(
        blockRules, lineRules, allowed.stream().filter(a -> !known.contains(a)).toList());
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
    return new LogAudit(blockRules, lineRules, more);
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
    for (BlockRule rule : BlockRule.values()) {
      if (rule.ruleName().equals(ruleName)) {
        Set<BlockRule> fewer = copy(blockRules, BlockRule.class);
        fewer.remove(rule);
        return new LogAudit(fewer, lineRules, allowed);
      }
    }
    for (LineRule rule : LineRule.values()) {
      if (rule.ruleName().equals(ruleName)) {
        Set<LineRule> fewer = copy(lineRules, LineRule.class);
        fewer.remove(rule);
        return new LogAudit(blockRules, fewer, allowed);
      }
    }
    throw new IllegalArgumentException(
        "Unknown log rule \"" + ruleName + "\"; known rules: " + DEFAULTS.ruleNames());
  }

  /** The enabled rules' names in precedence order. */
  public List<String> ruleNames() {
    List<String> names = new ArrayList<>();
    for (BlockRule rule : blockRules) {
      names.add(rule.ruleName());
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
    return new LogScanner(service, List.copyOf(lineRules), blockRules, patterns);
  }

  /**
   * Audits a complete log like {@link #audit(String, List)}, giving each failure's first line,
   * message and line range.
   *
   * <pre>{@code
   * List<LogFailure> crashes = LogAudit.defaults().failures("api", lines);
   * }</pre>
   */
  public List<LogFailure> failures(String service, List<String> lines) {
    LogScanner scanner = scanner(service);
    List<LogFailure> failures = new ArrayList<>();
    for (String line : lines) {
      failures.addAll(scanner.acceptFailures(line));
    }
    failures.addAll(scanner.finishFailures());
    return failures;
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
    LogStreamReader.feed(log, scanner(service), failure -> findings.add(failure.toFinding()));
    return findings;
  }
}
