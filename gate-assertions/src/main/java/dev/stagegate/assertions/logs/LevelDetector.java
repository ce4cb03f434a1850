package dev.stagegate.assertions.logs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the level of a log line in the formats containers print, so that the level rules judge the
 * level rather than the word "error" anywhere in the message.
 *
 * <p>The first format that applies decides, in this order:
 *
 * <ol>
 *   <li>klog/glog: {@code E1123 12:00:00.000000 ...} (E = error, F = fatal);
 *   <li>syslog priority: {@code <3>kernel: ...}, RFC 5424 {@code <11>1 2024-...}; severity = PRI
 *       mod 8, 0–1 fatal, 2–3 error;
 *   <li>Android logcat: brief {@code E/Tag( 123): msg}, time {@code 12-07 12:00:00.000 E/Tag(...)},
 *       threadtime {@code 12-07 12:00:00.000 123 456 E Tag : msg} (E error, F and A fatal);
 *   <li>JSON lines (starting with <code>{</code>): the {@code level}, {@code severity}, {@code
 *       lvl}, {@code levelname}, {@code level_name}, {@code loglevel}, {@code @l} or {@code
 *       severityText} key, as a word or a number (syslog 0–7, pino/bunyan 10–60, Monolog 100–600),
 *       and nothing else — text inside other values never counts;
 *   <li>logfmt: {@code level=error} (also {@code lvl=}, {@code severity=}, quoted values, log15's
 *       {@code eror});
 *   <li>a lower-case level at the start of the message, alone or after a BSD syslog header and
 *       program tag: {@code error: ...}, {@code sshd[42]: error: ...}, and .NET's console logger
 *       ({@code fail: ...} is its error level, {@code crit: ...} its critical one);
 *   <li>a capitalised level word right after a leading date-time ({@code 2016-09-28 04:30:30, Error
 *       CSI ...}, Windows CBS; {@code 2024-01-07 12:00:00 | Error | ...});
 *   <li>the first level token of the line: an upper-case level word ({@code ... ERROR [x] msg},
 *       {@code ERROR:root:msg}, postgres' {@code FATAL:}, Celery's {@code ERROR/ForkPoolWorker-1},
 *       zerolog's and Serilog's {@code ERR}/{@code FTL}, BGL's {@code FAILURE}) or a bracketed
 *       level in any case ({@code [error]}, {@code [crit]}, Apache 2.4's {@code [core:error]}); a
 *       later ERROR in an INFO line's message does not count because INFO came first;
 *   <li>{@code Error: something} as a whole word (not {@code ValueError:}, not {@code Errors:}).
 * </ol>
 *
 * Bare level words must be upper case ({@code ERROR}): capitalised or lower-case words only count
 * at the level positions above, since messages use them as ordinary words.
 */
final class LevelDetector {
  private static final Pattern GLOG = Pattern.compile("^([EF])\\d{4} \\d\\d:\\d\\d:\\d\\d");
  private static final Pattern SYSLOG_PRI = Pattern.compile("^<(\\d{1,3})>");
  private static final Pattern LOGCAT =
      Pattern.compile(
          "^(?:\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\s+"
              + "(?:\\d+\\s+\\d+\\s+([VDIWEFA])\\s|([VDIWEFA])/)"
              + "|([VDIWEFA])/[^\\s(:][^(:]*\\(\\s*\\d+\\):)");
  private static final Pattern JSON_LEVEL =
      Pattern.compile(
          "\"(?:level|severity|lvl|log\\.level|levelname|level_name|loglevel|log_level|@l"
              + "|severityText|severity_text)\"\\s*:\\s*(?:\"([A-Za-z]+)\"|(\\d{1,3})\\b)");
  private static final Pattern LOGFMT_LEVEL =
      Pattern.compile("(?:^|\\s)(?:level|lvl|severity|loglevel)=\"?([A-Za-z]+)");
  private static final Pattern MESSAGE_START_LEVEL =
      Pattern.compile(
          "^(?:(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT\\S+) \\S+ )?"
              + "(?:[\\w./-]+(?:\\[\\d+\\])?: )?"
              + "(error|err|fail|fatal|panic|crit|critical|emerg|alert|warning|warn|info|notice"
              + "|debug|dbug|trce)"
              + ":\\s");
  private static final Pattern TIMESTAMP_LEVEL =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?"
              + ",?\\s+(?:[-|]\\s+)?(Trace|Debug|Info|Information|Notice|Warn|Warning|Error|Critical"
              + "|Fatal)\\b");
  private static final Pattern LEVEL_TOKEN =
      Pattern.compile(
          "(?<![\\w.])(TRACE|DEBUG|DBG|VRB|FINE|FINER|FINEST|CONFIG|VERBOSE|INFO|INF|NOTICE|WARN"
              + "|WRN|WARNING|ERROR|ERR|FAILURE|CRITICAL|CRIT|SEVERE|ALERT|EMERG|EMERGENCY|FATAL|FTL"
              + "|PANIC"
              + "|(?:LOG|DETAIL|HINT|STATEMENT|CONTEXT)(?=:))(?![\\w.])"
              + "|\\[(?:[\\w-]+:)?((?i:trace|debug|info|notice|warn|warning|error|err|crit"
              + "|critical|alert|emerg|fatal|severe|panic))\\]");
  private static final int MAX_BRACKETED_LEVEL_START = 60;
  private static final Pattern ERROR_COLON = Pattern.compile("(?<![\\w.])Error:(?:\\s|$)");

  private LevelDetector() {}

  /** The severity of {@code content}, the line without a docker timestamp. */
  static Severity severity(String content) {
    if (content.isEmpty()) {
      return Severity.NONE;
    }
    Matcher m = GLOG.matcher(content);
    if (m.lookingAt()) {
      return m.group(1).equals("E") ? Severity.ERROR : Severity.FATAL;
    }
    char first = content.charAt(0);
    if (first == '<') {
      m = SYSLOG_PRI.matcher(content);
      if (m.lookingAt()) {
        return ofSyslogSeverity(Integer.parseInt(m.group(1)) % 8);
      }
    }
    m = LOGCAT.matcher(content);
    if (m.lookingAt()) {
      String letter =
          m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      return ofLogcat(letter.charAt(0));
    }
    if (first == '{') {
      m = JSON_LEVEL.matcher(content);
      if (!m.find()) {
        return Severity.NONE;
      }
      // (a JSON line without a level key has no level, whatever its other values say)
      return m.group(1) != null ? ofValue(m.group(1)) : ofNumber(Integer.parseInt(m.group(2)));
    }
    // indexOf first: most lines are not logfmt, and a regex find would scan all of them
    if (content.indexOf("level=") >= 0
        || content.indexOf("lvl=") >= 0
        || content.indexOf("severity=") >= 0) {
      m = LOGFMT_LEVEL.matcher(content);
      if (m.find()) {
        return ofValue(m.group(1));
      }
    }
    m = MESSAGE_START_LEVEL.matcher(content);
    if (m.lookingAt()) {
      return ofValue(m.group(1));
    }
    m = TIMESTAMP_LEVEL.matcher(content);
    if (m.lookingAt()) {
      return ofValue(m.group(1));
    }
    m = LEVEL_TOKEN.matcher(content);
    while (m.find()) {
      if (m.group(1) != null) {
        return ofValue(m.group(1));
      }
      // A bracketed level is the format's level field only near the start (Apache, nginx); later
      // it is text the message quotes.
      if (m.start() <= MAX_BRACKETED_LEVEL_START) {
        return ofValue(m.group(2));
      }
    }
    return ERROR_COLON.matcher(content).find() ? Severity.ERROR : Severity.NONE;
  }

  private static Severity ofValue(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "error":
      case "err":
      case "fail":
      case "eror":
      case "critical":
      case "crit":
      case "severe":
      case "failure":
        return Severity.ERROR;
      case "fatal":
      case "panic":
      case "alert":
      case "emerg":
      case "emergency":
      case "ftl":
        return Severity.FATAL;
      case "warn":
      case "warning":
      case "wrn":
        return Severity.WARN;
      default:
        return Severity.QUIET;
    }
  }

  /** Syslog severities: 0 emerg, 1 alert, 2 crit, 3 err, 4 warning and below. */
  private static Severity ofSyslogSeverity(int severity) {
    return severity <= 1
        ? Severity.FATAL
        : severity <= 3 ? Severity.ERROR : severity == 4 ? Severity.WARN : Severity.QUIET;
  }

  /**
   * Numeric levels by range, since each family keeps to its own: syslog 0–7 (GELF), pino/bunyan
   * 10–60 (50 error, 60 fatal), Monolog 100–600 (400 error, 500 critical, 550 alert, 600
   * emergency).
   */
  private static Severity ofNumber(int level) {
    if (level <= 7) {
      return ofSyslogSeverity(level);
    }
    if (level < 100) {
      return level >= 60
          ? Severity.FATAL
          : level >= 50 ? Severity.ERROR : level >= 40 ? Severity.WARN : Severity.QUIET;
    }
    return level >= 550
        ? Severity.FATAL
        : level >= 400 ? Severity.ERROR : level >= 300 ? Severity.WARN : Severity.QUIET;
  }

  private static Severity ofLogcat(char letter) {
    return letter == 'E'
        ? Severity.ERROR
        : letter == 'F' || letter == 'A' ? Severity.FATAL : Severity.NONE;
  }
}
